#!/usr/bin/env bash
# Colour benchmark (#4), not a test. One 4096x2160 float RGB image of LogC3 code values through
#   ARRI LogC3 (EI 800, AWG3) -> ACES2065-1 -> ACEScct -> ACES2065-1 -> Rec.709 (BT.1886 encoding)
# by Rushes (host compiler + banded applier over the first-party plugins) and by OpenColorIO 2.1
# (ocioconvert end to end, ocioperf for the processing alone), in one run on this machine, then the
# largest difference between the two outputs (oiiotool --diff).
# The looks (CDL) and output-transform plugins are not in main yet, so the chain stops at a Rec.709
# encoding and passes through ACEScct, the CDL working space, instead of applying a grade there.
# Usage: bench/colour.sh   (W, H and ITER override the size and the number of timed runs)
set -euo pipefail
cd "$(dirname "$0")/.."
W=${W:-4096}; H=${H:-2160}; ITER=${ITER:-5}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

dotnet publish host/Rushes.Cli -c Release -o "$work/dist" -v quiet -nologo >/dev/null
dotnet build bench/colour -c Release -o "$work/bench" -v quiet -nologo >/dev/null
bench="$work/bench/Rushes.Bench.Colour"
"$bench" generate "$work/in.pfm" "$W" "$H"

cat > "$work/config.ocio" <<'EOF'
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
    name: rec709
    from_reference: !<GroupTransform>
      children:
        - !<BuiltinTransform> {style: "ACEScct_to_ACES2065-1", direction: inverse}
        - !<BuiltinTransform> {style: "ACEScct_to_ACES2065-1"}
        - !<BuiltinTransform> {style: "UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD"}
        - !<BuiltinTransform> {style: "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709"}
EOF
export OCIO="$work/config.ocio"

echo "== $W x $H float RGB, $(nproc) cores, $(ocioconvert --help 2>&1 | grep -m1 'Library Version')"
echo "-- Rushes (whole process: load plugins, read PFM, compile, apply $ITER times, write PFM)"
/usr/bin/time -f "rushes wall %e s, user %U s, max RSS %M KB" \
  "$bench" apply "$work/dist/plugins" "$work/in.pfm" "$work/rushes.pfm" "$ITER" \
  ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1 ACES2065-1_to_ACEScct ACEScct_to_ACES2065-1 ACES2065-1_to_Rec709-BT1886

echo "-- ocioconvert (whole process: read PFM, apply once, write EXR)"
/usr/bin/time -f "ocioconvert wall %e s, user %U s, max RSS %M KB" \
  ocioconvert "$work/in.pfm" logc3 "$work/ocio.exr" rec709 >/dev/null

echo "-- ocioperf (processing alone, default optimisation, one thread: OCIO 2.1's CPU processor does not split images)"
ocioperf --image "$work/in.pfm" --colorspaces logc3 rec709 --iter "$ITER" --test 0 2>&1 | grep -E "complete image" || true
# CPU time per iteration: the difference between ITER+1 iterations and 1, so loading the image cancels out.
cpu_of() { /usr/bin/time -f "%U %S" ocioperf --image "$work/in.pfm" --colorspaces logc3 rec709 --iter "$1" --test 0 2>&1 >/dev/null | tail -1 | awk '{ print $1 + $2 }'; }
one=$(cpu_of 1); many=$(cpu_of $((ITER + 1)))
awk -v a="$one" -v b="$many" -v n="$ITER" 'BEGIN { printf "ocioperf CPU per iteration %.1f ms\n", (b - a) / n * 1000 }'

echo "-- difference, Rushes vs OCIO (display code values; near black the 1/2.4 power's infinite slope magnifies tiny linear differences)"
oiiotool --diff "$work/rushes.pfm" "$work/ocio.exr" 2>&1 | grep -iE "error|PSNR|differ" || true

echo "-- difference on the camera transform alone (LogC3 -> ACES2065-1, scene-linear)"
"$bench" apply "$work/dist/plugins" "$work/in.pfm" "$work/rushes-aces.pfm" 1 ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1 >/dev/null
ocioconvert "$work/in.pfm" logc3 "$work/ocio-aces.exr" aces >/dev/null
oiiotool --diff "$work/rushes-aces.pfm" "$work/ocio-aces.exr" 2>&1 | grep -iE "error|PSNR|differ" || true
