using Rushes.Colour.Kernel;
using Rushes.Contracts.Colour;

namespace Rushes.Plugins.CameraLog;

/// <summary>
/// One camera encoding to ACES2065-1: a log curve (decoded per channel) then the camera gamut's matrix
/// to AP0 with the chromatic adaptation its reference CSC uses. A curve-only entry has no gamut.
/// </summary>
internal sealed record CameraEncoding(
    string Id,
    string[] Aliases,
    string Description,
    Func<double, Curve> Curve,
    Primaries? Gamut,
    ChromaticAdaptation? Adaptation,
    bool TakesExposureIndex = false,
    double FixedExposureIndex = 800)
{
    /// <summary>What <see cref="TransformInfo.Category"/> reports.</summary>
    public TransformCategory Category => Gamut is null ? TransformCategory.Utility : TransformCategory.Input;

    /// <summary>The stages from camera code values to ACES2065-1 (or to linear, for a curve alone).</summary>
    public Stage[] ForwardStages(double exposureIndex)
    {
        var curve = new CurveStage(Curve(exposureIndex));
        return Gamut is null
            ? [curve]
            : [curve, new MatrixStage(Gamut.To(Primaries.Ap0, Adaptation!))];
    }
}
