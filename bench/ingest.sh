#!/usr/bin/env bash
# Ingest benchmark (#9): whole-process `rushes ingest` over a card of 500 clips against `exiftool -json` over the
# same files in one run. Not a test: it prints a Markdown table for docs/PERFORMANCE.md.
#
#   bash bench/ingest.sh [DNG_CLIPS] [SIDECAR_COPIES]    # default 450 CinemaDNG clips + 10 copies of the 5 vendor samples = 500 clips
#
# The card: the demo's CinemaDNG clip (2 frames, 256x128, lossless JPEG) copied under 450 clip names, and the vendor
# metadata samples (shared/conformance/metadata) copied 10 times under new file names, sealed with ASC MHL.
# It lives under /tmp and is deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
dng_clips=${1:-450}
copies=${2:-10}
for tool in exiftool dotnet; do command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }; done
samples=${RUSHES_CONFORMANCE:-../shared/conformance}/metadata
[ -d "$samples" ] || { echo "bench: no vendor samples at $samples (set RUSHES_CONFORMANCE)" >&2; exit 1; }

dotnet build host/Rushes.Cli -c Release -v quiet -nologo >/dev/null
rushes=(dotnet host/Rushes.Cli/bin/Release/net10.0/rushes.dll)

tree=$(mktemp -d /tmp/rushes-ingest-bench.XXXXXX)
trap 'rm -rf "$tree" "${timing:-}"' EXIT
"${rushes[@]}" demo --out "$tree/demo" --frames 2 --size 256x128 >/dev/null 2>&1
source_clip=$(ls -d "$tree"/demo/card/*/ | head -1)
source_name=$(basename "$source_clip")
card="$tree/card"
mkdir -p "$card"
for i in $(seq -f "%03g" 1 "$dng_clips"); do
  name="A001C${i}_261206_R1DM"
  mkdir "$card/$name"
  for f in "$source_clip"*.dng; do cp "$f" "$card/$name/$(basename "$f" | sed "s/$source_name/$name/")"; done
done
for k in $(seq 1 "$copies"); do
  for vendor in arri venice red canon bmd; do
    mkdir -p "$card/sidecars_$k/$vendor"
    for f in "$samples/$vendor"/*; do
      case $(basename "$f") in README.txt) continue ;; esac
      cp "$f" "$card/sidecars_$k/$vendor/x${k}_$(basename "$f")"
    done
  done
done
"${rushes[@]}" mhl create "$card" >/dev/null
files=$(find "$card" -type f -not -path '*/ascmhl/*' | wc -l)
cat $(find "$card" -type f) > /dev/null   # warm the page cache

timing=$(mktemp)
seconds() { # runs a command 3 times; prints "wall cpu" of the run with the best wall time (cpu = user + sys)
  local best=""
  for _ in 1 2 3; do
    rm -f "$tree"/catalog.db*
    /usr/bin/time -o "$timing" -f "%e %U %S" "$@" > "$tree/out.json" 2>/dev/null || true
    best=$(awk -v best="$best" '{ w = $1; c = $2 + $3; split(best, b, " "); if (best == "" || w < b[1]) print w, c; else print best }' "$timing")
  done
  echo "$best"
}

row() { # label, reference wall seconds or "", command...
  local label=$1 reference=$2; shift 2
  local wall cpu; read -r wall cpu < <(seconds "$@")
  local rate; rate=$(awk -v f="$files" -v t="$wall" 'BEGIN { printf "%.0f", f / t }')
  local ratio=""
  [ -n "$reference" ] && ratio=$(awk -v r="$reference" -v t="$wall" 'BEGIN { printf "%.1f", r / t }')
  printf '| %s | %.2f | %.2f | %s | %s |\n' "$label" "$wall" "$cpu" "$rate" "$ratio" >&2
  echo "$wall"
}

clips=$(( dng_clips + 5 * copies ))
echo "Card: $clips clips, $files files, $(du -sm "$card" | cut -f1) MiB, $(nproc) cores, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(exiftool -ver | sed 's/^/exiftool /')" >&2
echo "| Run | Wall s (best of 3) | CPU s (user+sys) | files/s | Speed-up vs exiftool (wall) |" >&2
echo "|---|---:|---:|---:|---:|" >&2
ref=$(row 'exiftool -json -r (reference)' '' exiftool -json -r "$card")
row 'rushes ingest (ASC MHL verify + discover + normalize + validate + store, new SQLite catalog)' "$ref" "${rushes[@]}" ingest "$card" --catalog "$tree/catalog.db" --json >/dev/null
row 'rushes ingest --no-mhl (new SQLite catalog)' "$ref" "${rushes[@]}" ingest "$card" --no-mhl --catalog "$tree/catalog.db" --json >/dev/null
rm -f "$tree"/catalog.db*
"${rushes[@]}" ingest "$card" --catalog "$tree/catalog.db" --json > "$tree/first.json" 2>/dev/null || true
echo "Stored: $(python3 -c "import json,sys; d=json.load(open('$tree/first.json')); print(d['added'], 'added,', d['failed'], 'failed')")" >&2
