#!/usr/bin/env bash
# MHL hashing benchmark (#8): whole-process throughput of `rushes mhl create` against xxhsum and md5sum
# on the same tree in one run, warm cache. Not a test: it prints a Markdown table for docs/PERFORMANCE.md.
#
#   bash bench/mhl.sh [FILES] [MIB_PER_FILE]      # default 200 files x 10 MiB = 2000 MiB
#
# The tree lives under /tmp and is deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-200}
mib=${2:-10}
for tool in xxhsum md5sum dotnet; do command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }; done

dotnet build host/Rushes.Cli -c Release -v quiet -nologo >/dev/null
rushes=(dotnet host/Rushes.Cli/bin/Release/net10.0/rushes.dll)

tree=$(mktemp -d /tmp/rushes-mhl-bench.XXXXXX)
trap 'rm -rf "$tree" "${timing:-}"' EXIT
mkdir -p "$tree/card"
for i in $(seq -w 1 "$files"); do
  head -c $((mib << 20)) /dev/urandom > "$tree/card/clip_$i.mov"
done
bytes=$(du -sb "$tree/card" | cut -f1)
cat "$tree"/card/* > /dev/null   # warm the page cache

timing=$(mktemp)
seconds() { # runs a command 3 times; prints "wall cpu" of the run with the best wall time (cpu = user + sys)
  local best=""
  for _ in 1 2 3; do
    rm -rf "$tree"/*/ascmhl
    /usr/bin/time -o "$timing" -f "%e %U %S" "$@" > /dev/null 2>&1
    best=$(awk -v best="$best" '{ w = $1; c = $2 + $3; split(best, b, " "); if (best == "" || w < b[1]) print w, c; else print best }' "$timing")
  done
  echo "$best"
}

row() { # label, reference wall seconds or "", command...
  local label=$1 reference=$2; shift 2
  local wall cpu; read -r wall cpu < <(seconds "$@")
  local rate; rate=$(awk -v b="$bytes" -v t="$wall" 'BEGIN { printf "%.0f", b / t / 1e6 }')
  local ratio=""
  [ -n "$reference" ] && ratio=$(awk -v r="$reference" -v t="$wall" 'BEGIN { printf "%.2f", r / t }')
  printf '| %s | %.2f | %.2f | %s | %s |\n' "$label" "$wall" "$cpu" "$rate" "$ratio" >&2
  echo "$wall"
}

echo "Tree: $files files, $((bytes / 1000000)) MB, $(nproc) cores, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| Run | Wall s (best of 3) | CPU s (user+sys) | MB/s | Speed-up vs reference (wall) |" >&2
echo "|---|---:|---:|---:|---:|" >&2
mkdir -p "$tree/tiny" && echo tiny > "$tree/tiny/one.txt"
row 'rushes mhl create on 1 tiny file (start-up cost)' '' "${rushes[@]}" mhl create "$tree/tiny" -h xxh64 >/dev/null
x64=$(row 'xxhsum -H64 (reference, 1 thread)' '' xxhsum -H64 "$tree"/card/*)
x128=$(row 'xxhsum -H128 (reference, 1 thread)' '' xxhsum -H128 "$tree"/card/*)
m5=$(row 'md5sum (reference, 1 thread)' '' md5sum "$tree"/card/*)
all=$(awk -v a="$x64" -v b="$x128" -v c="$m5" 'BEGIN { print a + b + c }')
for format in xxh64 xxh128 md5; do
  case $format in xxh64) ref=$x64 ;; xxh128) ref=$x128 ;; md5) ref=$m5 ;; esac
  row "rushes mhl create -h $format --parallelism 1" "$ref" "${rushes[@]}" mhl create "$tree/card" -h "$format" --parallelism 1 >/dev/null
  row "rushes mhl create -h $format (all cores)" "$ref" "${rushes[@]}" mhl create "$tree/card" -h "$format" >/dev/null
done
row 'rushes mhl create -h xxh64 -h xxh128 -h md5 --parallelism 1 (one pass; vs the 3 tools in turn)' "$all" "${rushes[@]}" mhl create "$tree/card" -h xxh64 -h xxh128 -h md5 --parallelism 1 >/dev/null
row 'rushes mhl create -h xxh64 -h xxh128 -h md5 (one pass, all cores; vs the 3 tools in turn)' "$all" "${rushes[@]}" mhl create "$tree/card" -h xxh64 -h xxh128 -h md5 >/dev/null

echo >&2
echo "In process (bench/MhlHashBench, no start-up; one thread):" >&2
dotnet run -c Release --project bench/MhlHashBench -- "$tree/card" >&2
echo "xxhsum -b (reference in-memory speeds):" >&2
xxhsum -b1,3,5,11 2>&1 | tr '\r' '\n' | grep -E '^ *[0-9]+#' >&2 || true

