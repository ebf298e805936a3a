namespace Rushes.Plugins.Containers.Common;

/// <summary>
/// Normalized keys of the host's clip schema v1 that the contracts' NormalizedField does not name yet
/// (the same strings as Rushes.Host.Metadata.ClipKeys; plugins see only the contracts).
/// </summary>
internal static class Keys
{
    public const string FileName = "clip.file_name";
    public const string Duration = "clip.duration";
    public const string ActiveWidth = "image.active_width";
    public const string ActiveHeight = "image.active_height";
    public const string Lut = "colour.lut";
    public const string Cdl = "colour.cdl";
}
