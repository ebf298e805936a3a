#!/usr/bin/env bash
# Framing benchmark (#5), not a test. One 4096x2160 float RGB picture from a 2x anamorphic camera, framed
# by an FDL canvas template to a 1920x1080 canvas with the host's resampler (Lanczos-3 and bilinear), and
# the same crop and scale by oiiotool (--cut, then --resize with the lanczos3 or triangle filter), in one
# run on this machine. Two cases, both with whole source pixels at whole output pixels so that oiiotool's
# integer crop can match the FDL placement exactly:
#   extract-16x9     the 16:9 extraction (1920x2160 squeezed = 3840x2160 to the eye) to 1920x1080;
#   scope-letterbox  a 2.37:1 extraction (2048x1728 squeezed) fitted to 1920x810, letterboxed at y = 135.
# Each side runs RUNS times (default 3); figures are best and median, wall and CPU (user + sys, all threads):
#   - ours whole process: Rushes.Bench.Framing (read PFM, apply the template, frame once, write PFM);
#   - ours in process: RUNS frames in one process (CPU time of the process around each call);
#   - oiiotool whole process: read PFM, cut, resize, pad, write uncompressed float EXR; its resize alone
#     is estimated as its CPU time less that of the same command without the resize.
# Then the difference between the two results on the framing region (PSNR for peak 1, max error), whole,
# and without its 8 outer pixels, where oiiotool, having cut first, sees black and Rushes the source.
# Usage: bench/framing.sh   (RUNS overrides the number of runs)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build bench/framing -c Release -o "$work/bench" -v quiet -nologo >/dev/null
bench="$work/bench/Rushes.Bench.Framing"
"$bench" generate "$work/src.pfm" 4096 2160

stats() { sort -g | awk '{ v[NR] = $1 } END { printf "best %.3f, median %.3f", v[1], v[int((NR + 1) / 2)] }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# runs a command RUNS times; prints wall and CPU seconds, best and median; leaves the CPU column in $work/cpu
whole() {
  local label=$1; shift; : > "$work/times"
  for _ in $(seq "$RUNS"); do /usr/bin/time -a -o "$work/times" -f "%e %U %S" "$@" >/dev/null 2>&1; done
  awk '{ print $2 + $3 }' "$work/times" > "$work/cpu"
  echo "$label: wall s $(awk '{ print $1 }' "$work/times" | stats); CPU s $(stats < "$work/cpu")"
}
diff_region() { # ours oiio region
  oiiotool "$1" --cut "$3" "$2" --cut "$3" --diff 2>&1 | grep -E "Mean|RMS|SNR|Max" | tr -s ' ' | tr '\n' ';' | sed 's/;$/\n/'
}

echo "== 4096x2160 float RGB, 2x anamorphic, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(oiiotool --version 2>&1 | head -1)"
for case in extract-16x9 scope-letterbox; do
  if [ "$case" = extract-16x9 ]; then
    cut=1920x2160+1088+0; size=1920x1080; place=(); region=1920x1080+0+0; inner=1904x1064+8+8
  else
    cut=2048x1728+1024+216; size=1920x810; place=(--origin +0+135 --fullsize 1920x1080 --croptofull); region=1920x810+0+135; inner=1904x794+8+143
  fi
  whole "oiiotool without the resize ($case, read, cut, pad, write)" \
    oiiotool "$work/src.pfm" --cut "$cut" --cut "$size" "${place[@]}" --compression none -o "$work/base.exr"
  base=$(median < "$work/cpu")
  for filter in lanczos3 bilinear; do
    oiio_filter=$([ "$filter" = lanczos3 ] && echo lanczos3 || echo triangle)
    echo "-- $case, $filter (oiiotool filter $oiio_filter)"
    whole "ours whole process" "$bench" frame "$work/src.pfm" "$work/ours.pfm" "$case" "$filter" 1
    "$bench" frame "$work/src.pfm" "$work/ours.pfm" "$case" "$filter" "$RUNS"
    whole "oiiotool whole process" \
      oiiotool "$work/src.pfm" --cut "$cut" --resize:filter="$oiio_filter" "$size" "${place[@]}" --compression none -o "$work/oiio.exr"
    echo "oiiotool resize alone (median CPU less the median without it): $(awk -v a="$(median < "$work/cpu")" -v b="$base" 'BEGIN { printf "%.3f", a - b }') CPU s"
    echo "difference, framing region $region: $(diff_region "$work/ours.pfm" "$work/oiio.exr" "$region")"
    echo "difference, framing region less 8 px, $inner: $(diff_region "$work/ours.pfm" "$work/oiio.exr" "$inner")"
  done
done
