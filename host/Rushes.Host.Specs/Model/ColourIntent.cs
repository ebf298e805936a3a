namespace Rushes.Host.Specs.Model;

/// <summary>
/// The colour a deliverable carries. <see cref="Output"/> is an output transform id (ACES
/// transformId or alias), <c>none</c> for scene-linear ACES 2065-1, or <c>camera</c> to stay in
/// the camera's own log encoding (log DPX).
/// </summary>
public sealed record ColourIntent(string Output, bool ApplyLooks)
{
    public const string None = "none";

    public const string Camera = "camera";

    /// <summary>ACES 2065-1 plates: looks travel in the AMF, not in the pixels.</summary>
    public static ColourIntent SceneLinear { get; } = new(None, ApplyLooks: false);
}
