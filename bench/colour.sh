#!/usr/bin/env bash
# Colour benchmark (#4), not a test. One 4096x2160 float RGB image of LogC3 code values through
#   ARRI LogC3 (EI 800, AWG3) -> ACES2065-1 -> ACEScct -> ASC CDL (bench/colour/grade.cdl, ASC clamping
#   style, as an AMF look applies it) -> ACES2065-1 -> ACES Rec.709 100-nit output (BT.1886 encoding)
# (OCIO's built-ins leave out the ODT's final clip of display RGB to [0, 1]; the config adds it as a Range)
# by Rushes with the ACES 2.0 output, by Rushes with the ACES 1.3 output (RRT + ODT), and by OpenColorIO
# 2.1 with its ACES 1.3 output (2.1 has no ACES 2.0), in one run on this machine. Each side runs 3 times:
#   - whole process: Rushes.Bench.Colour with one apply (load plugins, read PFM, compile, apply, write PFM)
#     against ocioconvert (read PFM, build the processor, apply, write float EXR);
#   - processing only: 3 applies in one Rushes process (CPU time of all threads) against 3 ocioperf runs
#     ("complete image (in place)", one thread in OCIO 2.1, default optimisation);
# then the difference between Rushes' ACES 1.3 result and OCIO's (oiiotool --diff).
# Usage: bench/colour.sh   (W and H override the size, RUNS the number of runs of each side)
set -euo pipefail
cd "$(dirname "$0")/.."
W=${W:-4096}; H=${H:-2160}; RUNS=${RUNS:-3}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

dotnet publish host/Rushes.Cli -c Release -o "$work/dist" -v quiet -nologo >/dev/null
dotnet build bench/colour -c Release -o "$work/bench" -v quiet -nologo >/dev/null
bench="$work/bench/Rushes.Bench.Colour"
"$bench" generate "$work/in.pfm" "$W" "$H"
cdl="$PWD/bench/colour/grade.cdl"; cc=bench_warm_contrast

cat > "$work/config.ocio" <<CONFIG
ocio_profile_version: 2
roles:
  default: aces
  scene_linear: aces
file_rules:
  - !<Rule> {name: Default, colorspace: aces}
displays:
  none:
    - !<View> {name: aces, colorspace: aces}
colorspaces:
  - !<ColorSpace>
    name: aces
  - !<ColorSpace>
    name: logc3
    to_reference: !<BuiltinTransform> {style: "ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1"}
  - !<ColorSpace>
    name: graded709
    from_reference: !<GroupTransform>
      children:
        - !<BuiltinTransform> {style: "ACEScct_to_ACES2065-1", direction: inverse}
        - !<FileTransform> {src: "$cdl", cccid: $cc, cdl_style: asc}
        - !<BuiltinTransform> {style: "ACEScct_to_ACES2065-1"}
        - !<BuiltinTransform> {style: "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0"}
        - !<BuiltinTransform> {style: "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709"}
        - !<RangeTransform> {min_in_value: 0, max_in_value: 1, min_out_value: 0, max_out_value: 1}
CONFIG
export OCIO="$work/config.ocio"

into_cct=(ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1 ACES2065-1_to_ACEScct "org.rushes.look.cdl@$cdl#$cc" ACEScct_to_ACES2065-1)
aces20=("${into_cct[@]}" "urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1")
aces13=("${into_cct[@]}" "urn:ampas:aces:transformId:v1.5:RRT.a1.0.3" "urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3")

# best and median of a column of numbers
stats() { sort -g | awk '{ v[NR] = $1 } END { printf "best %.3f, median %.3f", v[1], v[int((NR + 1) / 2)] }'; }
# runs a command RUNS times; prints wall and CPU (user + sys) seconds, best and median
whole() {
  local label=$1; shift; : > "$work/times"
  for _ in $(seq "$RUNS"); do /usr/bin/time -a -o "$work/times" -f "%e %U %S" "$@" >/dev/null 2>&1; done
  echo "$label: wall s $(awk '{ print $1 }' "$work/times" | stats); CPU s $(awk '{ print $2 + $3 }' "$work/times" | stats)"
}

echo "== $W x $H float RGB, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(dpkg-query -W -f='opencolorio-tools ${Version}' opencolorio-tools 2>/dev/null || echo OpenColorIO)"
echo "-- whole process, $RUNS runs each"
whole "rushes ACES 2.0 (plugins, PFM read, compile, 1 apply, PFM write)" "$bench" apply "$work/dist/plugins" "$work/in.pfm" "$work/rushes20.pfm" 1 "${aces20[@]}"
whole "rushes ACES 1.3 (plugins, PFM read, compile, 1 apply, PFM write)" "$bench" apply "$work/dist/plugins" "$work/in.pfm" "$work/rushes13.pfm" 1 "${aces13[@]}"
whole "ocioconvert ACES 1.3 (PFM read, processor, 1 apply, EXR write)" ocioconvert "$work/in.pfm" logc3 "$work/ocio.exr" graded709

echo "-- processing only, $RUNS applies in one Rushes process (all cores), $RUNS ocioperf runs (one thread)"
"$bench" apply "$work/dist/plugins" "$work/in.pfm" "$work/rushes20.pfm" "$RUNS" "${aces20[@]}" | sed 's/^/ACES 2.0 /'
"$bench" apply "$work/dist/plugins" "$work/in.pfm" "$work/rushes13.pfm" "$RUNS" "${aces13[@]}" | sed 's/^/ACES 1.3 /'
: > "$work/perf"; : > "$work/perf0"
for _ in $(seq "$RUNS"); do
  for pair in "logc3 graded709 perf" "aces aces perf0"; do
    set -- $pair
    /usr/bin/time -f "process %e %U %S" ocioperf --image "$work/in.pfm" --colorspaces "$1" "$2" --iter 1 --test 0 >"$work/perf.out" 2>&1
    awk '/complete image \(in place\)/ { gsub(/[][]/, ""); ms = $(NF - 1) } /^process / { print ms, $2, $3 + $4 }' "$work/perf.out" >> "$work/$3"
  done
done
echo "ocioperf ACES 1.3, in-place apply wall ms (one thread: an upper bound of its CPU time): $(awk '{ print $1 }' "$work/perf" | stats)"
echo "ocioperf whole process (load, build the processors, apply in place and to a second buffer): wall s $(awk '{ print $2 }' "$work/perf" | stats); CPU s $(awk '{ print $3 }' "$work/perf" | stats)"
# The same run with no transform (aces -> aces): the difference over its two applies is the CPU the chain
# costs per apply, free of loading and of the wall-clock inflation of a busy machine.
echo "ocioperf with no transform, whole process: CPU s $(awk '{ print $3 }' "$work/perf0" | stats)"
paste "$work/perf" "$work/perf0" | awk '{ print ($3 - $6) / 2 * 1000 }' > "$work/perfd"
echo "ocioperf CPU per apply of the chain (whole-process CPU less the no-transform run's, halved), ms: $(stats < "$work/perfd")"

echo "-- difference, Rushes ACES 1.3 vs OCIO 2.1 (display code values)"
oiiotool --diff "$work/rushes13.pfm" "$work/ocio.exr" 2>&1 | grep -iE "error|PSNR|over" || true
echo "-- ACES 2.0 against ACES 1.3 (Rushes), for scale: a different rendering, not an error"
oiiotool --diff "$work/rushes20.pfm" "$work/rushes13.pfm" 2>&1 | grep -iE "mean|RMS|max" || true
