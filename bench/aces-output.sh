#!/usr/bin/env bash
# Benchmark: ACES output transforms on a 4096×2160 float RGB image, Rushes (in process, row bands on all
# cores) against OpenColorIO 2.1's ocioconvert (whole process, the same pixels from a PFM file). Reports
# CPU seconds as well as wall time, since the machine may be shared. Usage: bench/aces-output.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build bench/aces-output -c Release -v q -nologo >/dev/null
bench="dotnet bench/aces-output/bin/Release/net10.0/AcesOutputBench.dll"
$bench --write-pfm "$work"
cat > "$work/config.ocio" <<'CONFIG'
ocio_profile_version: 2.1
roles:
  default: aces
colorspaces:
  - !<ColorSpace>
    name: aces
  - !<ColorSpace>
    name: rec709
    from_scene_reference: !<GroupTransform> {children: [!<BuiltinTransform> {style: "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0"}, !<BuiltinTransform> {style: "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709"}]}
  - !<ColorSpace>
    name: pq
    from_scene_reference: !<GroupTransform> {children: [!<BuiltinTransform> {style: "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-REC2020lim_1.1"}, !<BuiltinTransform> {style: "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ"}]}
CONFIG
cpu() { /usr/bin/time -f "%U %S %e" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.2f CPU-s, %.2f s wall", $1 + $2, $3 }'; }
echo "ocioconvert I/O alone (oiiotool PFM -> EXR copy): $(cpu oiiotool "$work/in.pfm" -o "$work/copy.exr")"
for space in rec709 pq; do
  echo "ocioconvert ACES -> $space (whole process): $(OCIO="$work/config.ocio" cpu ocioconvert "$work/in.pfm" aces "$work/out.exr" $space)"
done
$bench \
  "urn:ampas:aces:transformId:v1.5:RRT.a1.0.3" \
  "urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3" \
  "urn:ampas:aces:transformId:v1.5:RRTODT.Academy.Rec2020_1000nits_15nits_ST2084.a1.1.0" \
  "urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1" \
  "urn:ampas:aces:transformId:v2.0:Output.Academy.P3-D65_1000nit_in_Rec2100-D65_ST2084.a2.v1" \
  "urn:ampas:aces:transformId:v2.0:InvOutput.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1"
