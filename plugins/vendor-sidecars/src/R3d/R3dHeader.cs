using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.R3d;

/// <summary>
/// The header of an R3D file, big-endian throughout. Layout as exiftool's Red.pm describes it (the only public
/// description): the file starts with a block of u32 size and "RED1" or "RED2"; in RED2 the byte at 0x40 counts
/// 0x18-byte "rdi" records from 0x44 (the first holds width u32 @0x4C, height u32 @0x50 and the frame rate as
/// int16u[3] @0x56: (a1·65536 + a2) / a0), and the Red directory follows them: u16 length, then entries of
/// u16 length (its 4-byte head included), u16 tag (the tag's top 4 bits are the value's format) and the value.
/// In RED1 the header holds width u16 @0x36, height u16 @0x3A, the rate as u16/u16 @0x3E and the file name
/// string[32] @0x43, and the directory starts 0x22 bytes into the second block.
/// </summary>
internal sealed record R3dHeader
{
    /// <summary>The largest header block read: RED2 header blocks sit on 0x1000 boundaries and are a few KiB.</summary>
    public const int MaxHeaderBlock = 1024 * 1024;

    /// <summary>How much of a RED1 file's second block holds its directory (exiftool reads 0x10000).</summary>
    private const int Red1DirectoryBlock = 0x10000;

    public required int Version { get; init; }

    public required long Width { get; init; }

    public required long Height { get; init; }

    /// <summary>The header's frame rate (the project / timebase rate), exact.</summary>
    public Rational? FrameRate { get; init; }

    /// <summary>The directory's entries by tag, in file order; a repeated tag keeps its first value.</summary>
    public required IReadOnlyDictionary<int, R3dValue> Tags { get; init; }

    public string? Text(int tag) => Tags.TryGetValue(tag, out var v) && v.Text is { Length: > 0 } t ? t : null;

    public double? Number(int tag) => Tags.TryGetValue(tag, out var v) && v.Numbers is [var n, ..] && double.IsFinite(n) ? n : null;

    public static R3dHeader Read(string path)
    {
        using var source = BinarySource.Open(path);
        var head = source.Read(0, Math.Min(8, (int)Math.Min(source.Length, 8)), "R3D block header");
        if (head.Length < 8 || !(head.AsSpan(4).SequenceEqual("RED1"u8) || head.AsSpan(4).SequenceEqual("RED2"u8)))
        {
            throw new InputException($"{source.Name} is not an R3D file: it does not start with a block of type 'RED1' or 'RED2'.", path, "magic", "'RED1' or 'RED2' at offset 4");
        }

        var version = head[7] - '0';
        var size = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (size < 0x44 || size > MaxHeaderBlock)
        {
            throw new InputException($"{source.Name}'s RED{version} header block says it is {size} bytes; it must be between {0x44} and {MaxHeaderBlock}.", path, "header size", $"{0x44} to {MaxHeaderBlock}");
        }

        var block = source.Read(0, (int)size, $"RED{version} header block");
        return version == 2 ? Red2(source, block) : Red1(source, block);
    }

    private static R3dHeader Red2(BinarySource source, byte[] block)
    {
        var records = block[0x40];
        var directory = 0x44 + (records * 0x18);
        if (records == 0 || directory + 2 > block.Length)
        {
            throw new InputException($"{source.Name}'s RED2 header says it has {records} rdi records, which do not fit its {block.Length} bytes.", source.Path, "rdi count", $"1 to {(block.Length - 0x46) / 0x18}");
        }

        var b = block.AsSpan();
        var a0 = BinaryPrimitives.ReadUInt16BigEndian(b[0x56..]);
        var numerator = ((long)BinaryPrimitives.ReadUInt16BigEndian(b[0x58..]) << 16) + BinaryPrimitives.ReadUInt16BigEndian(b[0x5A..]);
        return new R3dHeader
        {
            Version = 2,
            Width = BinaryPrimitives.ReadUInt32BigEndian(b[0x4C..]),
            Height = BinaryPrimitives.ReadUInt32BigEndian(b[0x50..]),
            FrameRate = a0 > 0 && numerator > 0 ? new Rational(numerator, a0) : null,
            Tags = Directory(source, block, directory),
        };
    }

    private static R3dHeader Red1(BinarySource source, byte[] block)
    {
        var b = block.AsSpan();
        var num = BinaryPrimitives.ReadUInt16BigEndian(b[0x3E..]);
        var den = BinaryPrimitives.ReadUInt16BigEndian(b[0x40..]);
        var second = source.Read(block.Length, (int)Math.Min(Red1DirectoryBlock, source.Length - block.Length), "RED1 second block");
        var tags = Directory(source, second, 0x22);
        if (!tags.ContainsKey(R3dTags.OriginalFileName) && block.Length >= 0x43 + 32)
        {
            tags[R3dTags.OriginalFileName] = new R3dValue(1, BinarySource.Text(b.Slice(0x43, 32)), []);
        }

        return new R3dHeader
        {
            Version = 1,
            Width = BinaryPrimitives.ReadUInt16BigEndian(b[0x36..]),
            Height = BinaryPrimitives.ReadUInt16BigEndian(b[0x3A..]),
            FrameRate = num > 0 && den > 0 ? new Rational(num, den) : null,
            Tags = tags,
        };
    }

    private static Dictionary<int, R3dValue> Directory(BinarySource source, byte[] block, int at)
    {
        if (at + 2 > block.Length)
        {
            throw new InputException($"{source.Name} is truncated: its Red directory at offset {at} is past its header block ({block.Length} bytes).", source.Path, "Red directory", $"a directory within {block.Length} bytes");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(at));
        var start = at + 2;
        var end = start + length;
        if (end > block.Length)
        {
            throw new InputException($"{source.Name}'s Red directory says it is {length} bytes, past the end of its header block ({block.Length - start} bytes left).",
                source.Path, "Red directory length", $"at most {block.Length - start}");
        }

        var tags = new Dictionary<int, R3dValue>();
        var pos = start;
        while (pos + 4 <= end)
        {
            var entryLength = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(pos));
            var tag = BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(pos + 2));
            if (entryLength == 0)
            {
                // Zero padding ends the directory.
                break;
            }

            if (entryLength < 4 || pos + entryLength > end)
            {
                throw new InputException($"{source.Name}: Red directory entry 0x{tag:X4} at offset {pos} says it is {entryLength} bytes; an entry is at least 4 and ends within the directory ({end - pos} bytes left).",
                    source.Path, $"tag 0x{tag:X4}", $"4 to {end - pos} bytes");
            }

            tags.TryAdd(tag, R3dValue.Decode(tag, block.AsSpan(pos + 4, entryLength - 4)));
            pos += entryLength;
        }

        return tags;
    }
}

/// <summary>One directory value: text for strings, numbers for numeric formats, and the raw bytes for the rest.</summary>
internal sealed record R3dValue(int Format, string? Text, IReadOnlyList<double> Numbers)
{
    public byte[] Raw { get; init; } = [];

    /// <summary>Format codes from exiftool Red.pm: 0/3 int8u, 1 string, 2 float, 4 int16u, 5 int8s, 6 int32s, 8 int32u, 7/9 undefined.</summary>
    public static R3dValue Decode(int tag, ReadOnlySpan<byte> data)
    {
        var format = tag >> 12;
        var width = format switch { 0 or 3 or 5 => 1, 4 => 2, 2 or 6 or 8 => 4, _ => 0 };
        if (format == 1)
        {
            return new R3dValue(format, BinarySource.Text(data), []);
        }

        if (width == 0 || data.Length % width != 0)
        {
            return new R3dValue(format, null, []) { Raw = data.ToArray() };
        }

        var numbers = new double[data.Length / width];
        for (var i = 0; i < numbers.Length; i++)
        {
            var v = data.Slice(i * width, width);
            numbers[i] = format switch
            {
                0 or 3 => v[0],
                5 => (sbyte)v[0],
                4 => BinaryPrimitives.ReadUInt16BigEndian(v),
                2 => BinaryPrimitives.ReadSingleBigEndian(v),
                6 => BinaryPrimitives.ReadInt32BigEndian(v),
                _ => BinaryPrimitives.ReadUInt32BigEndian(v),
            };
        }

        return new R3dValue(format, string.Join(' ', numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture))), numbers);
    }

    public override string ToString() => Text ?? Convert.ToHexString(Raw);
}

/// <summary>Tag ids from exiftool's Red.pm (its names in the comments).</summary>
internal static class R3dTags
{
    public const int StartEdgeCode = 0x1000;
    public const int StartTimecode = 0x1001;
    public const int DateTimeOriginal = 0x1005;
    public const int SerialNumber = 0x1006;
    public const int CameraType = 0x1019;
    public const int ReelNumber = 0x101A;
    public const int Take = 0x101B;
    public const int DateCreated = 0x1023;
    public const int TimeCreated = 0x1024;
    public const int FirmwareVersion = 0x1025;
    public const int ReelTimecode = 0x1029;
    public const int OriginalFileName = 0x1056;
    public const int LensMake = 0x106E;
    public const int LensNumber = 0x106F;
    public const int LensModel = 0x1070;
    public const int Model = 0x1071;
    public const int VideoFormat = 0x1086;
    public const int Sensor = 0x10A1;
    public const int ColorTemperature = 0x200D;
    public const int OriginalFrameRate = 0x2066;
    public const int Iso = 0x403B;
    public const int FNumber = 0x406A;
    public const int FocalLength = 0x406B;
    public const int FocusDistance = 0x606C;

    /// <summary>exiftool's names, for the vendor set; other tags are kept as "0x1234".</summary>
    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [StartEdgeCode] = "StartEdgeCode", [StartTimecode] = "StartTimecode", [0x1002] = "OtherDate1", [0x1003] = "OtherDate2", [0x1004] = "OtherDate3",
        [DateTimeOriginal] = "DateTimeOriginal", [SerialNumber] = "SerialNumber", [CameraType] = "CameraType", [ReelNumber] = "ReelNumber", [Take] = "Take",
        [DateCreated] = "DateCreated", [TimeCreated] = "TimeCreated", [FirmwareVersion] = "FirmwareVersion", [ReelTimecode] = "ReelTimecode",
        [0x102A] = "StorageType", [0x1030] = "StorageFormatDate", [0x1031] = "StorageFormatTime", [0x1032] = "StorageSerialNumber", [0x1033] = "StorageModel",
        [0x1036] = "AspectRatio", [0x1042] = "Revision", [OriginalFileName] = "OriginalFileName", [LensMake] = "LensMake", [LensNumber] = "LensNumber",
        [LensModel] = "LensModel", [Model] = "Model", [0x107C] = "CameraOperator", [VideoFormat] = "VideoFormat", [0x1096] = "Filter", [0x10A0] = "Brain",
        [Sensor] = "Sensor", [ColorTemperature] = "ColorTemperature", [0x204B] = "RGBCurves", [OriginalFrameRate] = "OriginalFrameRate", [0x4037] = "CropArea",
        [Iso] = "ISO", [FNumber] = "FNumber", [FocalLength] = "FocalLength", [FocusDistance] = "FocusDistance",
    };

    public static string NameOf(int tag) => Names.TryGetValue(tag, out var name) ? name : string.Create(CultureInfo.InvariantCulture, $"0x{tag:X4}");
}
