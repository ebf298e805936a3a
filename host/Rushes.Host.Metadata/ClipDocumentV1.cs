using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Host.Metadata;

/// <summary>
/// Builds a clip's normalized v1 document from the metadata its camera-format plugin read. Every field
/// of <see cref="ClipSchemaV1.Fields"/> is written: the plugin's value in the field's unit, or
/// <c>{"missing": reason}</c>. A value of the wrong unit or kind is reported missing with why, never converted
/// by guesswork; only exact conversions (an integral number to an integer, an integer to a fraction) are made.
/// </summary>
public static partial class ClipDocumentV1
{
    /// <summary>Builds the document.</summary>
    /// <param name="metadata">The clip's metadata.</param>
    /// <param name="fileName">The media file name, used when the plugin gives no <c>clip.file_name</c>.</param>
    /// <param name="frames">Per-frame metadata for the lens tracks, or null for none.</param>
    public static JsonObject Build(ClipMetadata metadata, string? fileName = null, IReadOnlyList<FrameMetadata>? frames = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var values = Resolve(metadata.Normalized, fileName);
        var document = new JsonObject
        {
            ["schema"] = ClipSchemaV1.Id,
            ["version"] = ClipSchemaV1.Version,
        };
        foreach (var field in ClipSchemaV1.Fields)
        {
            if (document[field.Group] is not JsonObject group)
            {
                document[field.Group] = group = [];
            }

            group[field.Name] = values[field.Key];
        }

        document["format_key"] = FormatKey(values);
        if (frames is { Count: > 0 } && Tracks(frames) is { Count: > 0 } tracks)
        {
            document["tracks"] = tracks;
        }

        return document;
    }

    /// <summary>Each field's JSON, with the derived fields (file name, timecode out, duration) filled where the plugin left them.</summary>
    private static Dictionary<string, JsonObject> Resolve(MetadataSet normalized, string? fileName)
    {
        var values = ClipSchemaV1.Fields.ToDictionary(f => f.Key, f => Encode(f, normalized[f.Key]), StringComparer.Ordinal);
        if (!normalized.ContainsKey(ClipKeys.FileName) && !string.IsNullOrWhiteSpace(fileName))
        {
            values[ClipKeys.FileName] = new JsonObject { ["value"] = fileName };
        }

        var start = normalized[NormalizedField.TimecodeIn].AsTimecode();
        var count = normalized[NormalizedField.FrameCount].AsInteger();
        if (!normalized.ContainsKey(ClipKeys.TimecodeOut))
        {
            // The last frame is inclusive: a clip of N frames ends N - 1 frames after its first.
            values[ClipKeys.TimecodeOut] = start is { } tc && count is > 0
                ? Encode(new ClipField(ClipKeys.TimecodeOut, FieldKind.Timecode, string.Empty), MetadataValue.Of(tc.AddFrames(count.Value - 1)))
                : Missing("needs the timecode in and the frame count, and the source lacks one of them");
        }

        if (!normalized.ContainsKey(ClipKeys.Duration))
        {
            // camdkit's static.duration: frames over the capture rate.
            var fps = normalized[NormalizedField.CaptureFrameRate];
            values[ClipKeys.Duration] = count is > 0 && fps.Kind == MetadataValueKind.Rational && fps.Unit == MetadataUnit.FramesPerSecond && fps.AsRational() is { Numerator: > 0 } rate
                ? RationalValue(new Rational(checked(count.Value * rate.Denominator), rate.Numerator), "s")
                : Missing("needs the frame count and the capture frame rate, and the source lacks one of them");
        }

        return values;
    }

    private static JsonObject Encode(ClipField field, MetadataValue value)
    {
        if (!value.IsPresent)
        {
            return Missing(string.IsNullOrWhiteSpace(value.MissingReason) ? "the source does not say" : value.MissingReason);
        }

        if (field.Unit.Length > 0 && value.Unit.Symbol != field.Unit)
        {
            return Missing($"the plugin gave '{value}', in '{value.Unit.Symbol}' where the schema wants '{field.Unit}'");
        }

        JsonObject? encoded = field.Kind switch
        {
            FieldKind.Text => value.AsText() is { } text && !string.IsNullOrWhiteSpace(text) ? new JsonObject { ["value"] = text.Trim() } : null,
            FieldKind.Integer => AsExactInteger(value) is { } whole ? WithUnit(JsonValue.Create(whole), field.Unit) : null,
            FieldKind.Number => value.Kind is MetadataValueKind.Integer or MetadataValueKind.Number or MetadataValueKind.Rational && value.AsDouble() is { } d && double.IsFinite(d)
                ? WithUnit(JsonValue.Create(d), field.Unit)
                : null,
            FieldKind.Rational => value.Kind is MetadataValueKind.Rational or MetadataValueKind.Integer && value.AsRational() is { } r ? RationalValue(r, field.Unit) : null,
            FieldKind.Datetime => value.AsDateTime() is { } at ? new JsonObject { ["value"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) }
                : value.AsText() is { } local && LocalDateTime().IsMatch(local) ? new JsonObject { ["value"] = local } : null,
            FieldKind.Timecode => value.AsTimecode() is { } tc ? TimecodeValue(tc) : null,
            FieldKind.Cdl => value.AsNumberList() is { Count: 10 } list && list.All(double.IsFinite) ? new JsonObject { ["value"] = new JsonArray([.. list.Select(n => (JsonNode)n)]) } : null,
            _ => null,
        };
        return encoded ?? Missing($"the plugin gave '{value}' ({value.Kind}), where the schema wants {Describe(field.Kind)}");
    }

    private static long? AsExactInteger(MetadataValue value) => value.Kind switch
    {
        MetadataValueKind.Integer => value.AsInteger(),
        MetadataValueKind.Number when value.AsDouble() is { } d && double.IsFinite(d) && Math.Abs(d) < 9e15 && Math.Round(d) == d => (long)d,
        MetadataValueKind.Rational when value.AsRational() is { Denominator: 1 } r => r.Numerator,
        _ => null,
    };

    private static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.Integer => "a whole number",
        FieldKind.Number => "a number",
        FieldKind.Rational => "an exact fraction",
        FieldKind.Datetime => "a date and time",
        FieldKind.Timecode => "a timecode",
        FieldKind.Cdl => "ten CDL numbers",
        _ => "non-empty text",
    };

    private static JsonObject WithUnit(JsonNode? value, string unit)
    {
        var node = new JsonObject { ["value"] = value };
        if (unit.Length > 0)
        {
            node["unit"] = unit;
        }

        return node;
    }

    private static JsonObject RationalValue(Rational r, string unit)
        => WithUnit(new JsonObject { ["num"] = r.Numerator, ["denom"] = r.Denominator }, unit);

    private static JsonObject TimecodeValue(Timecode tc) => new()
    {
        ["value"] = tc.ToString(),
        ["rate"] = new JsonObject { ["num"] = tc.Rate.Numerator, ["denom"] = tc.Rate.Denominator },
        ["drop_frame"] = tc.DropFrame,
    };

    private static JsonObject Missing(string reason) => new() { ["missing"] = reason };

    /// <summary>
    /// Netflix's Camera Format Cards key a format on camera letter, model, sensor mode, codec and squeeze
    /// (industry-context.md §2.3); the cards describe sensor mode by resolution, so the recorded size stands in for it.
    /// </summary>
    private static JsonObject FormatKey(Dictionary<string, JsonObject> values)
    {
        var missing = new JsonArray();
        string Part(string key, Func<JsonNode, string>? format = null)
        {
            if (values[key]["value"] is { } v)
            {
                return format is null ? v.GetValue<string>() : format(v);
            }

            missing.Add(key);
            return "Missing";
        }

        var sensorMode = values[NormalizedField.SensorMode]["value"] is { } mode
            ? mode.GetValue<string>()
            : values[NormalizedField.Width]["value"] is { } w && values[NormalizedField.Height]["value"] is { } h
                ? string.Create(CultureInfo.InvariantCulture, $"{w.GetValue<long>()}x{h.GetValue<long>()}")
                : Part(NormalizedField.SensorMode);
        var parts = new[]
        {
            Part(NormalizedField.CameraLetter),
            Part(NormalizedField.CameraModel),
            sensorMode,
            Part(NormalizedField.Codec),
            Part(NormalizedField.Squeeze, v => v.GetValue<double>().ToString("0.###", CultureInfo.InvariantCulture)),
        };
        return new JsonObject
        {
            ["value"] = string.Join('|', parts.Select(p => p.Replace('|', '/'))),
            ["complete"] = missing.Count == 0,
            ["missing"] = missing,
        };
    }

    private static JsonObject Tracks(IReadOnlyList<FrameMetadata> frames)
    {
        var first = frames.Min(f => f.Frame);
        var last = frames.Max(f => f.Frame);
        var tracks = new JsonObject();
        foreach (var field in ClipSchemaV1.TrackFields)
        {
            var samples = new JsonNode?[last - first + 1];
            var any = false;
            foreach (var frame in frames)
            {
                var value = frame.Values[field.Key];
                if (value.IsPresent && value.Unit.Symbol == field.Unit && value.AsDouble() is { } d && double.IsFinite(d))
                {
                    samples[frame.Frame - first] = JsonValue.Create(d);
                    any = true;
                }
            }

            if (any)
            {
                tracks[field.Key] = new JsonObject { ["unit"] = field.Unit, ["first_frame"] = first, ["values"] = new JsonArray(samples) };
            }
        }

        return tracks;
    }

    /// <summary>A date, or a local date and time without an offset, as a source that gives no zone writes it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?$")]
    private static partial System.Text.RegularExpressions.Regex LocalDateTime();
}
