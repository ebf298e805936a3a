#!/usr/bin/env bash
# Looks benchmark: CLF/CDL/LUT processing by the looks plugin against OpenColorIO 2.1's ocioperf,
# on one generated 4096x2160 float RGB image. Prints a Markdown table for docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
color="${RUSHES_CONFORMANCE:-$(cd .. && pwd)/shared/conformance}/color"
dotnet run -c Release --project bench/looks -- "${1:-4096}" "${2:-2160}" "${3:-5}" "$color" "${@:4}"
