namespace Rushes.Host.Metadata;

/// <summary>
/// Normalized keys of schema v1 that <see cref="Rushes.Contracts.Metadata.NormalizedField"/> does not
/// define. Plugins write them as plain strings (the contracts stay unchanged); the values are the same.
/// </summary>
public static class ClipKeys
{
    /// <summary>The clip's media file name (text).</summary>
    public const string FileName = "clip.file_name";

    /// <summary>Clip duration (rational, s).</summary>
    public const string Duration = "clip.duration";

    /// <summary>Timecode of the last frame, inclusive (timecode).</summary>
    public const string TimecodeOut = "timecode.out";

    /// <summary>Active image width (integer, px).</summary>
    public const string ActiveWidth = "image.active_width";

    /// <summary>Active image height (integer, px).</summary>
    public const string ActiveHeight = "image.active_height";

    /// <summary>LUT file name recorded in camera (text).</summary>
    public const string Lut = "colour.lut";

    /// <summary>ASC CDL recorded in camera: slope RGB, offset RGB, power RGB, saturation (number list).</summary>
    public const string Cdl = "colour.cdl";
}
