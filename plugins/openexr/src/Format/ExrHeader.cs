using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.OpenExr.Format;

/// <summary>
/// The header of a single-part OpenEXR file: its attributes in order, and the required ones decoded
/// (channels, compression, data window, line order, tiles).
/// </summary>
internal sealed class ExrHeader
{
    // Headers of real files are a few kilobytes; a megabyte allows very long comments and still bounds a corrupt file.
    private const int MaxAttributeSize = 1 << 20;

    public ExrHeader(IReadOnlyList<ExrAttribute> attributes, int versionFlags = 0)
    {
        Attributes = attributes;
        VersionFlags = versionFlags;
    }

    public IReadOnlyList<ExrAttribute> Attributes { get; }

    /// <summary>The flag bits of the version field (tiled, long names, deep, multipart).</summary>
    public int VersionFlags { get; }

    public bool IsTiled => (VersionFlags & ExrFormat.TiledFlag) != 0;

    public ExrAttribute? this[string name] => Attributes.FirstOrDefault(a => a.Name == name);

    /// <summary>Writes the magic number, the version field and the attributes, ended by a null byte.</summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        var longNames = Attributes.Any(a => a.Name.Length > 31 || a.TypeName.Length > 31);
        BinaryPrimitives.WriteInt32LittleEndian(word, ExrFormat.Magic);
        stream.Write(word);
        BinaryPrimitives.WriteInt32LittleEndian(word, ExrFormat.Version | VersionFlags | (longNames ? ExrFormat.LongNamesFlag : 0));
        stream.Write(word);
        foreach (var attribute in Attributes)
        {
            stream.Write(Encoding.UTF8.GetBytes(attribute.Name));
            stream.WriteByte(0);
            stream.Write(Encoding.UTF8.GetBytes(attribute.TypeName));
            stream.WriteByte(0);
            BinaryPrimitives.WriteInt32LittleEndian(word, attribute.Value.Length);
            stream.Write(word);
            stream.Write(attribute.Value);
        }

        stream.WriteByte(0);
        return stream.ToArray();
    }

    /// <summary>Reads the header at the start of a file; <paramref name="end"/> is where the offset table starts.</summary>
    public static ExrHeader Parse(ReadOnlySpan<byte> data, string file, out int end)
    {
        var reader = new ExrByteReader(data, file);
        if (data.Length < 8 || reader.ReadInt32("magic") != ExrFormat.Magic)
        {
            throw new InputException($"{Path.GetFileName(file)} is not an OpenEXR file: it does not start with the magic number 76 2f 31 01.", file, "magic", "76 2f 31 01");
        }

        var version = reader.ReadInt32("version");
        if ((version & 0xff) != ExrFormat.Version)
        {
            throw new InputException($"{Path.GetFileName(file)} is OpenEXR version {version & 0xff}, which this reader does not know.", file, "version", "2");
        }

        if ((version & (ExrFormat.MultipartFlag | ExrFormat.NonImageFlag)) != 0)
        {
            throw new InputException($"{Path.GetFileName(file)} is a multi-part or deep OpenEXR file; only single-part scanline and tiled images are read.", file, "version",
                "a single-part scanline or tiled image");
        }

        var maxName = (version & ExrFormat.LongNamesFlag) != 0 ? 255 : 31;
        var attributes = new List<ExrAttribute>();
        while (true)
        {
            var name = reader.ReadName(maxName, "header");
            if (name.Length == 0)
            {
                break;
            }

            var type = reader.ReadName(maxName, name);
            var size = reader.ReadInt32(name);
            if (size < 0 || size > MaxAttributeSize)
            {
                throw new InputException($"{Path.GetFileName(file)}: attribute '{name}' claims {size} bytes.", file, name, $"0 to {MaxAttributeSize} bytes");
            }

            attributes.Add(new ExrAttribute(name, type, reader.ReadBytes(size, name).ToArray()));
        }

        end = reader.Position;
        var header = new ExrHeader(attributes, version & ~0xff & ~ExrFormat.LongNamesFlag);
        header.Check(file);
        return header;
    }

    public IReadOnlyList<ExrChannel> Channels(string file = "")
    {
        var value = Require("channels", "chlist", file).Value;
        var reader = new ExrByteReader(value, file);
        var channels = new List<ExrChannel>();
        while (true)
        {
            var name = reader.ReadName(255, "channels");
            if (name.Length == 0)
            {
                return channels;
            }

            var type = reader.ReadInt32("channels");
            var linear = reader.ReadByte("channels") != 0;
            reader.ReadBytes(3, "channels");
            var xs = reader.ReadInt32("channels");
            var ys = reader.ReadInt32("channels");
            if (type is < 0 or > 2)
            {
                throw new InputException($"{Path.GetFileName(file)}: channel '{name}' has pixel type {type}.", file, "channels", "0 (uint), 1 (half) or 2 (float)");
            }

            channels.Add(new ExrChannel(name, (ExrPixelType)type, linear, xs, ys));
        }
    }

    public ExrCompression Compression(string file = "") => (ExrCompression)Require("compression", "compression", file).Value[0];

    public Box2i DataWindow(string file = "") => ReadBox("dataWindow", file);

    public Box2i DisplayWindow(string file = "") => ReadBox("displayWindow", file);

    public ExrLineOrder LineOrder(string file = "") => (ExrLineOrder)Require("lineOrder", "lineOrder", file).Value[0];

    public TileDescription Tiles(string file = "")
    {
        var v = Require("tiles", "tiledesc", file).Value;
        var width = BinaryPrimitives.ReadUInt32LittleEndian(v);
        var height = BinaryPrimitives.ReadUInt32LittleEndian(v.AsSpan(4));
        if (width is 0 or > ImageLimits.MaxDimension || height is 0 or > ImageLimits.MaxDimension)
        {
            throw new InputException($"{Path.GetFileName(file)}: tiles of {width} x {height} pixels.", file, "tiles", $"each side 1 to {ImageLimits.MaxDimension}");
        }

        return new TileDescription((int)width, (int)height, v[8] & 0xf, v[8] >> 4);
    }

    /// <summary>Checks the required attributes and what this reader supports, before any pixel is allocated.</summary>
    private void Check(string file)
    {
        var channels = Channels(file);
        if (channels.Count == 0)
        {
            throw new InputException($"{Path.GetFileName(file)} has no channels.", file, "channels", "at least one channel");
        }

        foreach (var channel in channels.Where(c => c.XSampling != 1 || c.YSampling != 1))
        {
            throw new InputException($"{Path.GetFileName(file)}: channel '{channel.Name}' is subsampled {channel.XSampling}x{channel.YSampling}; only full-resolution channels are read.",
                file, "channels", "x and y sampling 1");
        }

        var compression = Compression(file);
        if (compression is not (ExrCompression.None or ExrCompression.Rle or ExrCompression.Zips or ExrCompression.Zip or ExrCompression.Piz))
        {
            throw new InputException($"{Path.GetFileName(file)} uses {ExrFormat.Name(compression)} compression, which this reader does not decode.", file, "compression",
                "none, rle, zips, zip or piz");
        }

        var window = DataWindow(file);
        if (!ImageLimits.IsAllowed(window.Width, window.Height))
        {
            throw new InputException($"{Path.GetFileName(file)}: the data window {window} is {window.Width} x {window.Height} pixels.", file, "dataWindow",
                $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        }

        DisplayWindow(file);
        LineOrder(file);
        if (IsTiled)
        {
            Tiles(file);
        }
    }

    private Box2i ReadBox(string name, string file)
    {
        var v = Require(name, "box2i", file).Value.AsSpan();
        return new Box2i(BinaryPrimitives.ReadInt32LittleEndian(v), BinaryPrimitives.ReadInt32LittleEndian(v[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(v[8..]), BinaryPrimitives.ReadInt32LittleEndian(v[12..]));
    }

    private ExrAttribute Require(string name, string type, string file)
    {
        var attribute = this[name] ?? throw new InputException($"{Path.GetFileName(file)} has no '{name}' attribute, which every OpenEXR header needs.", file, name, $"a {type} attribute");
        var size = type switch { "box2i" => 16, "compression" or "lineOrder" => 1, "tiledesc" => 9, _ => -1 };
        if (attribute.TypeName != type || (size >= 0 && attribute.Value.Length != size))
        {
            throw new InputException($"{Path.GetFileName(file)}: '{name}' is a {attribute.TypeName} of {attribute.Value.Length} bytes.", file, name,
                size >= 0 ? $"a {type} of {size} bytes" : $"a {type}");
        }

        return attribute;
    }
}
