using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl;

/// <summary>The JSON conventions of FDL files: snake_case names, nulls left out, floats written as floats.</summary>
internal static class FdlJson
{
    /// <summary>Deep enough for any real FDL, shallow enough that hostile nesting fails fast.</summary>
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            MaxDepth = MaxDepth,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new FloatConverter());
        options.Converters.Add(new IntDimensionsConverter());
        options.Converters.Add(new FloatDimensionsConverter());
        options.Converters.Add(new AnchorPointConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Writes whole doubles as <c>4004.0</c>, as the reference tools do, so a float field never reads
    /// back as an integer in strictly typed consumers.
    /// </summary>
    private sealed class FloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetDouble();
            return double.IsFinite(value) ? value : throw new JsonException("Numbers must be finite.");
        }

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (!double.IsFinite(value))
            {
                throw new JsonException($"Cannot write the non-finite number {value}.");
            }

            var text = value.ToString("R", CultureInfo.InvariantCulture);
            writer.WriteRawValue(text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0", skipInputValidation: true);
        }
    }

    private static (double First, double Second) ReadPair(ref Utf8JsonReader reader, string first, string second)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object with '{first}' and '{second}'.");
        }

        double? a = null, b = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"'{name}' must be a number.");
            }

            var value = reader.GetDouble();
            if (name == first) { a = value; }
            else if (name == second) { b = value; }
            else { throw new JsonException($"Unexpected property '{name}'; expected '{first}' and '{second}'."); }
        }

        return a is { } x && b is { } y ? (x, y) : throw new JsonException($"Expected both '{first}' and '{second}'.");
    }

    private static int ToInt(double value, string name)
        => value == Math.Floor(value) && value is >= 0 and <= int.MaxValue
            ? (int)value
            : throw new JsonException($"'{name}' must be a non-negative integer, not {value.ToString(CultureInfo.InvariantCulture)}.");

    private sealed class IntDimensionsConverter : JsonConverter<IntDimensions>
    {
        public override IntDimensions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (w, h) = ReadPair(ref reader, "width", "height");
            return new IntDimensions(ToInt(w, "width"), ToInt(h, "height"));
        }

        public override void Write(Utf8JsonWriter writer, IntDimensions value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("width", value.Width);
            writer.WriteNumber("height", value.Height);
            writer.WriteEndObject();
        }
    }

    private sealed class FloatDimensionsConverter : JsonConverter<FloatDimensions>
    {
        public override FloatDimensions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (w, h) = ReadPair(ref reader, "width", "height");
            return new FloatDimensions(w, h);
        }

        public override void Write(Utf8JsonWriter writer, FloatDimensions value, JsonSerializerOptions options)
        {
            var number = (JsonConverter<double>)options.GetConverter(typeof(double));
            writer.WriteStartObject();
            writer.WritePropertyName("width");
            number.Write(writer, value.Width, options);
            writer.WritePropertyName("height");
            number.Write(writer, value.Height, options);
            writer.WriteEndObject();
        }
    }

    private sealed class AnchorPointConverter : JsonConverter<AnchorPoint>
    {
        public override AnchorPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (x, y) = ReadPair(ref reader, "x", "y");
            return new AnchorPoint(x, y);
        }

        public override void Write(Utf8JsonWriter writer, AnchorPoint value, JsonSerializerOptions options)
        {
            var number = (JsonConverter<double>)options.GetConverter(typeof(double));
            writer.WriteStartObject();
            writer.WritePropertyName("x");
            number.Write(writer, value.X, options);
            writer.WritePropertyName("y");
            number.Write(writer, value.Y, options);
            writer.WriteEndObject();
        }
    }
}
