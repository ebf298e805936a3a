using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Tiff.Format;

namespace Rushes.Plugins.Tiff.IO;

/// <summary>A TIFF read whole: the first directory's entries (values in the file's byte order) and the RGB pixels, integers scaled so the largest code is 1.0.</summary>
internal sealed class TiffImage(bool bigEndian, IReadOnlyDictionary<ushort, TiffEntry> tags, PlanarImage pixels) : IDisposable
{
    public bool BigEndian { get; } = bigEndian;

    public IReadOnlyDictionary<ushort, TiffEntry> Tags { get; } = tags;

    public PlanarImage Pixels { get; } = pixels;

    public uint Number(ushort tag, int index = 0) => TiffFileReader.Number(Tags[tag], index, BigEndian);

    public string? Text(ushort tag) => Tags.TryGetValue(tag, out var entry) ? TiffDirectory.Text(entry) : null;

    public void Dispose() => Pixels.Dispose();
}

/// <summary>
/// Reads the first image of a TIFF of either byte order as far as this plugin writes them: RGB, chunky strips,
/// 16-bit unsigned or 32-bit float samples, uncompressed or Deflate with predictor 1, 2 or 3. Counts, offsets and
/// sizes are checked against the file before anything is allocated; anything else is an <see cref="InputException"/>.
/// </summary>
internal static class TiffFileReader
{
    private const int MaxEntries = 4096;

    public static TiffImage Read(string path)
    {
        byte[] file;
        try
        {
            // Deliverables are read whole; the bound keeps a damaged size from asking for more than a real file.
            var length = new FileInfo(path).Length;
            if (length > int.MaxValue)
            {
                throw Refuse(path, "file size", length.ToString(CultureInfo.InvariantCulture), "a TIFF under 2 GiB");
            }

            file = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot open {path}: {ex.Message}", path, "file", "a readable TIFF file");
        }

        if (file.Length < 8 || !(file.AsSpan(0, 4).SequenceEqual("II*\0"u8) || file.AsSpan(0, 4).SequenceEqual("MM\0*"u8)))
        {
            throw Damaged(path, "header", file.Length < 8 ? "too short" : Convert.ToHexString(file.AsSpan(0, 4)), "\"II*\\0\" or \"MM\\0*\" (classic TIFF)");
        }

        var bigEndian = file[0] == 'M';
        var tags = Directory(file, bigEndian, path);
        uint Get(ushort tag, uint? fallback = null, int index = 0)
            => tags.TryGetValue(tag, out var e) ? Number(e, index, bigEndian) : fallback ?? throw Refuse(path, $"tag {tag}", "missing", "a baseline RGB TIFF");

        var width = Get(TiffTag.ImageWidth);
        var height = Get(TiffTag.ImageLength);
        var spp = Get(TiffTag.SamplesPerPixel, 1);
        var bits = Get(TiffTag.BitsPerSample, 1);
        var format = Get(TiffTag.SampleFormat, 1);
        var compression = Get(TiffTag.Compression, 1);
        var predictor = Get(TiffTag.Predictor, 1);
        if (!ImageLimits.IsAllowed(width, height))
        {
            throw Refuse(path, "image size", $"{width} × {height}", $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        }

        if (spp is not (3 or 4) || Get(TiffTag.PhotometricInterpretation) != 2 || Get(TiffTag.PlanarConfiguration, 1) != 1)
        {
            throw Refuse(path, "layout", $"{spp} samples, photometric {Get(TiffTag.PhotometricInterpretation)}", "chunky RGB or RGBA (PhotometricInterpretation 2, PlanarConfiguration 1)");
        }

        if ((bits, format) is not ((16, 1) or (32, 3)))
        {
            throw Refuse(path, "sample format", $"{bits}-bit, SampleFormat {format}", "16-bit unsigned integers or 32-bit floats");
        }

        if (compression is not (1 or 8 or 32946) || predictor is not (1 or 2 or 3) || (predictor == 2 && bits != 16) || (predictor == 3 && bits != 32))
        {
            throw Refuse(path, "compression", $"{compression} with predictor {predictor}", "none or Deflate, with the predictor of the sample type");
        }

        var bytesPerSample = (int)bits / 8;
        var rowBytes = checked((int)(width * spp * bytesPerSample));
        var rowsPerStrip = (int)Math.Min(Get(TiffTag.RowsPerStrip, height), height);
        var strips = (int)((height + rowsPerStrip - 1) / rowsPerStrip);
        if (!tags.TryGetValue(TiffTag.StripOffsets, out var offsetsEntry) || offsetsEntry.Count != strips || !tags.TryGetValue(TiffTag.StripByteCounts, out var countsEntry) || countsEntry.Count != strips)
        {
            throw Damaged(path, "strips", "a strip table that does not match the rows per strip", $"{strips} strip offsets and byte counts");
        }

        var image = new PlanarImage((int)width, (int)height, spp == 4 ? 4 : 3);
        try
        {
            Parallel.For(0, strips, strip =>
            {
                var offset = Number(offsetsEntry, strip, bigEndian);
                var count = Number(countsEntry, strip, bigEndian);
                var rows = (int)Math.Min(rowsPerStrip, height - (strip * rowsPerStrip));
                if (offset + (long)count > file.Length)
                {
                    throw Damaged(path, "strip", string.Create(CultureInfo.InvariantCulture, $"strip {strip} at {offset}, {count} bytes"), "strips inside the file");
                }

                var raw = new byte[rows * rowBytes];
                var stored = file.AsSpan((int)offset, (int)count);
                if (compression == 1)
                {
                    if (stored.Length < raw.Length)
                    {
                        throw Damaged(path, "strip", string.Create(CultureInfo.InvariantCulture, $"strip {strip} of {count} bytes"), $"{raw.Length} bytes");
                    }

                    stored[..raw.Length].CopyTo(raw);
                }
                else if (!Inflate(file, (int)offset, (int)count, raw))
                {
                    throw Damaged(path, "strip", $"strip {strip}, whose Deflate stream does not inflate", $"{raw.Length} bytes once inflated");
                }

                var planes = new byte[rowBytes];
                for (var r = 0; r < rows; r++)
                {
                    var row = raw.AsSpan(r * rowBytes, rowBytes);
                    if (predictor == 2)
                    {
                        TiffPredictors.DecodeHorizontal16(row, (int)spp, bigEndian);
                    }
                    else if (predictor == 3)
                    {
                        row.CopyTo(planes);
                        TiffPredictors.DecodeFloatingPoint(planes, (int)spp, row, bigEndian);
                    }

                    Unpack(row, image, (strip * rowsPerStrip) + r, (int)spp, bits == 16, bigEndian);
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions is [InputException refused, ..])
        {
            image.Dispose();
            throw refused;
        }
        catch
        {
            image.Dispose();
            throw;
        }

        return new TiffImage(bigEndian, tags, image);
    }

    public static uint Number(TiffEntry entry, int index, bool bigEndian) => entry.Type switch
    {
        TiffType.Short => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(entry.Value.AsSpan(index * 2)) : BinaryPrimitives.ReadUInt16LittleEndian(entry.Value.AsSpan(index * 2)),
        TiffType.Byte or TiffType.Undefined => entry.Value[index],
        _ => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(entry.Value.AsSpan(index * 4)) : BinaryPrimitives.ReadUInt32LittleEndian(entry.Value.AsSpan(index * 4)),
    };

    private static Dictionary<ushort, TiffEntry> Directory(byte[] file, bool bigEndian, string path)
    {
        uint U32(int at) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
        ushort U16(int at) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at));

        var ifd = U32(4);
        if (ifd < 8 || ifd > file.Length - 2L || U16((int)ifd) is var n && (n > MaxEntries || ifd + 2L + (12L * n) > file.Length))
        {
            throw Damaged(path, "directory", $"offset {ifd}", "a directory inside the file");
        }

        var tags = new Dictionary<ushort, TiffEntry>();
        for (var i = 0; i < n; i++)
        {
            var at = (int)ifd + 2 + (12 * i);
            var type = (TiffType)U16(at + 2);
            var size = type switch
            {
                TiffType.Byte or TiffType.Ascii or TiffType.Undefined => 1,
                TiffType.Short => 2,
                TiffType.Long => 4,
                TiffType.Rational => 8,
                _ => 0,
            };
            if (size == 0)
            {
                continue; // Types this reader has no use for.
            }

            var count = U32(at + 4);
            var length = (long)count * size;
            var valueAt = length <= 4 ? (uint)(at + 8) : U32(at + 8);
            if (valueAt + length > file.Length)
            {
                throw Damaged(path, $"tag {U16(at)}", string.Create(CultureInfo.InvariantCulture, $"{count} values at {valueAt}"), "values inside the file");
            }

            tags[U16(at)] = new TiffEntry(U16(at), type, count, file.AsSpan((int)valueAt, (int)length).ToArray());
        }

        return tags;
    }

    private static void Unpack(ReadOnlySpan<byte> row, PlanarImage image, int y, int spp, bool integers, bool bigEndian)
    {
        var width = image.Width;
        for (var c = 0; c < image.Channels; c++)
        {
            var plane = image.GetRow(c, y);
            for (var x = 0; x < width; x++)
            {
                var k = (x * spp) + c;
                plane[x] = integers
                    ? (bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(row[(2 * k)..]) : BinaryPrimitives.ReadUInt16LittleEndian(row[(2 * k)..])) / 65535f
                    : bigEndian ? BinaryPrimitives.ReadSingleBigEndian(row[(4 * k)..]) : BinaryPrimitives.ReadSingleLittleEndian(row[(4 * k)..]);
            }
        }
    }

    private static bool Inflate(byte[] file, int offset, int count, Span<byte> destination)
    {
        try
        {
            using var input = new MemoryStream(file, offset, count, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            return zlib.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false) == destination.Length;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static InputException Refuse(string path, string field, string found, string expected)
        => new($"{Path.GetFileName(path)}: {field} is {found}, which this TIFF reader does not read.", path, field, expected);

    private static InputException Damaged(string path, string field, string found, string expected)
        => new($"{Path.GetFileName(path)} is damaged or not a TIFF: {field} is {found}.", path, field, expected);

    /// <summary>The tags as text for dumps, one a line, by tag number.</summary>
    public static string Describe(TiffImage image)
    {
        var text = new StringBuilder();
        foreach (var entry in image.Tags.Values.OrderBy(e => e.Tag))
        {
            var value = entry.Type switch
            {
                TiffType.Ascii => $"\"{TiffDirectory.Text(entry)}\"",
                TiffType.Undefined => $"{entry.Count} bytes",
                TiffType.Rational => string.Create(CultureInfo.InvariantCulture, $"{Number(entry, 0, image.BigEndian)}/{Number(entry, 1, image.BigEndian)}"),
                _ when entry.Count > 8 => $"{entry.Count} values",
                _ => string.Join(' ', Enumerable.Range(0, (int)entry.Count).Select(i => Number(entry, i, image.BigEndian).ToString(CultureInfo.InvariantCulture))),
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"{entry.Tag} {entry.Type} [{entry.Count}]: {value}");
        }

        return text.ToString();
    }
}
