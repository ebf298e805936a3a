using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Rushes.Plugins.OpenExr.Format;

/// <summary>
/// One header attribute: its name, its type name and its value bytes as stored (OpenEXR File Layout,
/// "Attribute Layout"). The typed factories write the predefined types; <see cref="Describe"/> reads any of
/// them back as text for header dumps.
/// </summary>
internal sealed record ExrAttribute(string Name, string TypeName, byte[] Value)
{
    public static ExrAttribute String(string name, string value) => new(name, "string", Encoding.UTF8.GetBytes(value));

    public static ExrAttribute Int(string name, int value) => new(name, "int", Bytes(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, value)));

    public static ExrAttribute Float(string name, float value) => new(name, "float", Floats(value));

    public static ExrAttribute V2f(string name, float x, float y) => new(name, "v2f", Floats(x, y));

    /// <summary>A <c>rational</c>: a signed numerator and an unsigned denominator.</summary>
    public static ExrAttribute Rational(string name, int numerator, uint denominator)
        => new(name, "rational", Bytes(8, b =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(b, numerator);
            BinaryPrimitives.WriteUInt32LittleEndian(b[4..], denominator);
        }));

    public static ExrAttribute Box(string name, Box2i box)
        => new(name, "box2i", Bytes(16, b =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(b, box.MinX);
            BinaryPrimitives.WriteInt32LittleEndian(b[4..], box.MinY);
            BinaryPrimitives.WriteInt32LittleEndian(b[8..], box.MaxX);
            BinaryPrimitives.WriteInt32LittleEndian(b[12..], box.MaxY);
        }));

    public static ExrAttribute Compression(ExrCompression compression) => new("compression", "compression", [(byte)compression]);

    public static ExrAttribute LineOrder(ExrLineOrder order) => new("lineOrder", "lineOrder", [(byte)order]);

    /// <summary>Red, green, blue and white CIE xy, in that order.</summary>
    public static ExrAttribute Chromaticities(ReadOnlySpan<float> xy)
    {
        if (xy.Length != 8)
        {
            throw new ArgumentException("Chromaticities are 8 floats: red, green, blue and white xy.", nameof(xy));
        }

        return new("chromaticities", "chromaticities", Floats(xy.ToArray()));
    }

    /// <summary>A <c>timecode</c>: SMPTE ST 12-1 time and flags, then the user data (binary groups).</summary>
    public static ExrAttribute TimeCode(string name, uint timeAndFlags, uint userData)
        => new(name, "timecode", Bytes(8, b =>
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, timeAndFlags);
            BinaryPrimitives.WriteUInt32LittleEndian(b[4..], userData);
        }));

    /// <summary>A <c>chlist</c>: each channel's name, pixel type, pLinear, three reserved bytes and sampling; then a null byte.</summary>
    public static ExrAttribute Channels(IReadOnlyList<ExrChannel> channels)
    {
        using var stream = new MemoryStream();
        Span<byte> fields = stackalloc byte[16];
        foreach (var channel in channels)
        {
            stream.Write(Encoding.UTF8.GetBytes(channel.Name));
            stream.WriteByte(0);
            fields.Clear();
            BinaryPrimitives.WriteInt32LittleEndian(fields, (int)channel.Type);
            fields[4] = channel.Linear ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32LittleEndian(fields[8..], channel.XSampling);
            BinaryPrimitives.WriteInt32LittleEndian(fields[12..], channel.YSampling);
            stream.Write(fields);
        }

        stream.WriteByte(0);
        return new("channels", "chlist", stream.ToArray());
    }

    /// <summary>The value as text, in the manner of <c>exrheader</c>; unknown types show their size.</summary>
    public string Describe()
    {
        var v = Value;
        string F(int at) => BinaryPrimitives.ReadSingleLittleEndian(v.AsSpan(at)).ToString("R", CultureInfo.InvariantCulture);
        int I(int at) => BinaryPrimitives.ReadInt32LittleEndian(v.AsSpan(at));
        uint U(int at) => BinaryPrimitives.ReadUInt32LittleEndian(v.AsSpan(at));
        return (TypeName, v.Length) switch
        {
            ("string", _) => $"\"{Encoding.UTF8.GetString(v)}\"",
            ("int", 4) => I(0).ToString(CultureInfo.InvariantCulture),
            ("float", 4) => F(0),
            ("double", 8) => BinaryPrimitives.ReadDoubleLittleEndian(v).ToString("R", CultureInfo.InvariantCulture),
            ("v2f", 8) => $"({F(0)} {F(4)})",
            ("v2i", 8) => $"({I(0)} {I(4)})",
            ("rational", 8) => $"{I(0)}/{U(4)}",
            ("box2i", 16) => new Box2i(I(0), I(4), I(8), I(12)).ToString(),
            ("compression", 1) => ExrFormat.Name((ExrCompression)v[0]),
            ("lineOrder", 1) => ((ExrLineOrder)v[0]).ToString(),
            ("chromaticities", 32) => $"red ({F(0)} {F(4)}) green ({F(8)} {F(12)}) blue ({F(16)} {F(20)}) white ({F(24)} {F(28)})",
            ("timecode", 8) => $"{DescribeTimeCode(U(0))} (0x{U(0):x8}, user data 0x{U(4):x8})",
            ("tiledesc", 9) => $"{U(0)} x {U(4)}, level mode {v[8] & 0xf}, rounding {v[8] >> 4}",
            ("chlist", _) => DescribeChannels(),
            _ => $"{v.Length} bytes",
        };
    }

    private static string DescribeTimeCode(uint packed)
    {
        // SMPTE ST 12-1 BCD fields as the OpenEXR timecode attribute packs them (TV60 packing).
        static int Bcd(uint units, uint tens) => (int)((tens * 10) + units);
        var frames = Bcd(packed & 0xf, (packed >> 4) & 0x3);
        var seconds = Bcd((packed >> 8) & 0xf, (packed >> 12) & 0x7);
        var minutes = Bcd((packed >> 16) & 0xf, (packed >> 20) & 0x7);
        var hours = Bcd((packed >> 24) & 0xf, (packed >> 28) & 0x3);
        var drop = (packed & (1u << 6)) != 0;
        return string.Create(CultureInfo.InvariantCulture, $"{hours:D2}:{minutes:D2}:{seconds:D2}{(drop ? ';' : ':')}{frames:D2}");
    }

    private string DescribeChannels()
    {
        var parts = new List<string>();
        var reader = new ExrByteReader(Value, "header", 0);
        while (reader.Remaining > 0)
        {
            var name = reader.ReadName(255, "channels");
            if (name.Length == 0)
            {
                break;
            }

            var type = (ExrPixelType)reader.ReadInt32("channels");
            reader.ReadBytes(4, "channels");
            var xs = reader.ReadInt32("channels");
            var ys = reader.ReadInt32("channels");
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {type.ToString().ToLowerInvariant()} {xs}x{ys}"));
        }

        return string.Join(", ", parts);
    }

    private static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    private static byte[] Bytes(int length, SpanAction write)
    {
        var bytes = new byte[length];
        write(bytes);
        return bytes;
    }

    private delegate void SpanAction(Span<byte> bytes);
}
