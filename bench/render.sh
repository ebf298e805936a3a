#!/usr/bin/env bash
# #7 benchmark: a 4096x2160 CinemaDNG clip (the demo card's chart, LJ92) rendered to ACES 2065-1
# half-float EXR PIZ through the vfx-plates spec, against the open-tool chain doing the same work on
# the same files: dcraw_emu (AHD, 16-bit, ACES output) then oiiotool to half EXR PIZ. Whole
# processes, wall and CPU time, peak memory (GNU time). Usage: bench/render.sh [FRAMES] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-24}
work=${2:-${TMPDIR:-/tmp}/rushes-bench-render}
rm -rf "$work" && mkdir -p "$work"
dotnet publish host/Rushes.Cli -c Release -o "$work/dist" >/dev/null

# The card (not timed): rushes demo writes it, then renders; the timed render below is a fresh unit.
"$work/dist/rushes" demo --out "$work/demo" --frames "$frames" --size 4096x2160 >/dev/null 2>&1 || true
clip=$(ls -d "$work"/demo/card/*/ | head -1)
measure() { /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KiB peak" "$@" 2>&1 >/dev/null | tail -1; }

echo "clip: $clip ($frames frames, 4096x2160, 12-bit LJ92)"
echo "rushes render --spec vfx-plates: $(measure "$work/dist/rushes" render --clip "$clip" --spec vfx-plates --var show=BENCH --var shot=SH010 --out "$work/rushes-out" --progress none)"

chain() {
  mkdir -p "$work/chain-out"
  for dng in "$clip"/*.dng; do
    name=$(basename "$dng" .dng)
    dcraw_emu -q 3 -4 -o 6 -w -T -Z "$work/chain-out/$name.tiff" "$dng"
    oiiotool "$work/chain-out/$name.tiff" -d half --compression piz -o "$work/chain-out/$name.exr"
    rm "$work/chain-out/$name.tiff"
  done
}
export -f chain; export clip work
echo "dcraw_emu -q 3 -4 -o 6 + oiiotool half PIZ: $(measure bash -c chain)"

# #3: decode and debayer alone, whole process. Rushes writes uncompressed float EXR (the cheapest
# writer; 106 MB a frame), dcraw_emu 16-bit TIFF (53 MB a frame).
cat > "$work/float-exr.yaml" <<'SPEC'
spec: 1
name: float-exr
deliverables:
  - name: float
    type: openexr
    options: {compression: none, pixel-type: float}
    naming: "{clip}.{frame:0000000}.exr"
SPEC
for method in bilinear edge-directed; do
  echo "rushes render (DNG decode, $method, float EXR none): $(measure "$work/dist/rushes" render --clip "$clip" --spec "$work/float-exr.yaml" --decode debayer=$method --out "$work/float-$method" --progress none)"
done
for q in 0 3; do
  dcraw() { for dng in "$clip"/*.dng; do dcraw_emu -q "$1" -4 -o 6 -w -T -Z "$work/dcraw.tiff" "$dng"; done; }
  export -f dcraw
  echo "dcraw_emu -q $q -4 -o 6 -T (per file, whole process): $(measure bash -c "dcraw $q")"
done
