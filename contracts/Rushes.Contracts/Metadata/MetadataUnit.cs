namespace Rushes.Contracts.Metadata;

/// <summary>
/// The unit of a metadata value, by symbol. Normalized fields use the SI-style units below, so that
/// vendor units (feet, 1/60 degrees, linear iris) are converted once, by the plugin that knows them.
/// </summary>
public readonly record struct MetadataUnit(string Symbol)
{
    /// <summary>No unit (a count, a ratio, a name).</summary>
    public static MetadataUnit None { get; } = new(string.Empty);

    /// <summary>Millimetres (focal length, sensor size).</summary>
    public static MetadataUnit Millimetre { get; } = new("mm");

    /// <summary>Metres (focus distance).</summary>
    public static MetadataUnit Metre { get; } = new("m");

    /// <summary>Seconds (shutter time).</summary>
    public static MetadataUnit Second { get; } = new("s");

    /// <summary>Degrees (shutter angle).</summary>
    public static MetadataUnit Degree { get; } = new("deg");

    /// <summary>Kelvin (white balance).</summary>
    public static MetadataUnit Kelvin { get; } = new("K");

    /// <summary>Frames per second.</summary>
    public static MetadataUnit FramesPerSecond { get; } = new("fps");

    /// <summary>Pixels.</summary>
    public static MetadataUnit Pixel { get; } = new("px");

    /// <summary>Photographic stops (exposure, ND).</summary>
    public static MetadataUnit Stop { get; } = new("stop");

    /// <summary>An f-number (geometric aperture).</summary>
    public static MetadataUnit FNumber { get; } = new("f");

    /// <summary>A T-number (transmitted aperture).</summary>
    public static MetadataUnit TNumber { get; } = new("T");

    /// <summary>ISO or exposure index.</summary>
    public static MetadataUnit Iso { get; } = new("ISO");

    /// <summary>Bytes.</summary>
    public static MetadataUnit Byte { get; } = new("B");

    /// <summary>The symbol.</summary>
    public override string ToString() => Symbol;
}
