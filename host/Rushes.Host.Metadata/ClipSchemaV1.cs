namespace Rushes.Host.Metadata;

/// <summary>How a normalized field's value is written in the v1 document.</summary>
public enum FieldKind
{
    /// <summary>A non-empty string.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Number,

    /// <summary>An exact fraction <c>{num, denom}</c>.</summary>
    Rational,

    /// <summary>An ISO 8601 date and time.</summary>
    Datetime,

    /// <summary>A SMPTE timecode with its rate and counting.</summary>
    Timecode,

    /// <summary>Ten numbers: ASC CDL slope, offset and power per channel, then saturation.</summary>
    Cdl,
}

/// <summary>One field of the normalized clip schema: its key (<c>group.name</c>), kind and unit symbol.</summary>
public sealed record ClipField(string Key, FieldKind Kind, string Unit)
{
    /// <summary>The group object the field lives in (<c>lens</c> for <c>lens.t_stop</c>).</summary>
    public string Group => Key[..Key.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The member name inside its group.</summary>
    public string Name => Key[(Key.IndexOf('.', StringComparison.Ordinal) + 1)..];
}

/// <summary>
/// The fields of the normalized clip schema v1 (docs/schema/clip-v1.schema.json), in document order.
/// Keys are those of <see cref="Rushes.Contracts.Metadata.NormalizedField"/>, plus the workflow keys
/// in <see cref="ClipKeys"/> that the contracts do not name yet.
/// </summary>
public static class ClipSchemaV1
{
    /// <summary>The schema's id, written in every document.</summary>
    public const string Id = "https://rushes.dev/schema/clip-v1.schema.json";

    /// <summary>The schema version, written in every document.</summary>
    public const string Version = "1.0.0";

    /// <summary>Every field, in document order.</summary>
    public static IReadOnlyList<ClipField> Fields { get; } =
    [
        new("clip.name", FieldKind.Text, ""),
        new("clip.file_name", FieldKind.Text, ""),
        new("clip.reel", FieldKind.Text, ""),
        new("clip.scene", FieldKind.Text, ""),
        new("clip.take", FieldKind.Text, ""),
        new("clip.frame_count", FieldKind.Integer, ""),
        new("clip.duration", FieldKind.Rational, "s"),
        new("clip.capture_fps", FieldKind.Rational, "fps"),
        new("clip.project_fps", FieldKind.Rational, "fps"),
        new("clip.codec", FieldKind.Text, ""),
        new("clip.recorded_at", FieldKind.Datetime, ""),
        new("camera.letter", FieldKind.Text, ""),
        new("camera.make", FieldKind.Text, ""),
        new("camera.model", FieldKind.Text, ""),
        new("camera.serial", FieldKind.Text, ""),
        new("camera.firmware", FieldKind.Text, ""),
        new("camera.sensor_mode", FieldKind.Text, ""),
        new("timecode.in", FieldKind.Timecode, ""),
        new("timecode.out", FieldKind.Timecode, ""),
        new("image.width", FieldKind.Integer, "px"),
        new("image.height", FieldKind.Integer, "px"),
        new("image.active_width", FieldKind.Integer, "px"),
        new("image.active_height", FieldKind.Integer, "px"),
        new("lens.make", FieldKind.Text, ""),
        new("lens.model", FieldKind.Text, ""),
        new("lens.serial", FieldKind.Text, ""),
        new("lens.squeeze", FieldKind.Number, ""),
        new("lens.focal_length", FieldKind.Number, "mm"),
        new("lens.t_stop", FieldKind.Number, "T"),
        new("lens.f_stop", FieldKind.Number, "f"),
        new("lens.focus_distance", FieldKind.Number, "m"),
        new("exposure.iso", FieldKind.Integer, "ISO"),
        new("exposure.shutter_angle", FieldKind.Number, "deg"),
        new("exposure.shutter_time", FieldKind.Rational, "s"),
        new("exposure.nd", FieldKind.Number, "stop"),
        new("white_balance.kelvin", FieldKind.Number, "K"),
        new("white_balance.tint", FieldKind.Number, ""),
        new("colour.gamma", FieldKind.Text, ""),
        new("colour.gamut", FieldKind.Text, ""),
        new("colour.input_transform_id", FieldKind.Text, ""),
        new("colour.look", FieldKind.Text, ""),
        new("colour.lut", FieldKind.Text, ""),
        new("colour.cdl", FieldKind.Cdl, ""),
    ];

    /// <summary>The fields that may have per-frame tracks.</summary>
    public static IReadOnlyList<ClipField> TrackFields { get; } =
        [.. Fields.Where(f => f.Key is "lens.focal_length" or "lens.t_stop" or "lens.f_stop" or "lens.focus_distance")];
}
