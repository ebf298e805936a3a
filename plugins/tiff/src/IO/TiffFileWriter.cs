using System.Buffers;
using System.Buffers.Binary;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Tiff.Format;

namespace Rushes.Plugins.Tiff.IO;

/// <summary>
/// Writes a baseline little-endian TIFF of one RGB image in strips: the 8-byte header, the strips (encoded in
/// parallel, a slab of at most <see cref="SlabBytes"/> of raw samples at a time, each strip starting on a 4-byte
/// boundary), then the directory, whose offset is patched into the header last. The stream must be seekable.
/// </summary>
internal static class TiffFileWriter
{
    private const int SlabBytes = 32 << 20;
    private const int StripBytes = 256 << 10;

    /// <summary>Rows in each strip: about 256 KiB of samples, so strips compress well and spread over the cores.</summary>
    public static int RowsPerStrip(int width, int height, TiffEncoding encoding) => Math.Clamp(StripBytes / encoding.RowBytes(width), 1, height);

    /// <summary>
    /// Writes the file. <paramref name="tags"/> carries the descriptive tags (software, date, description, ICC);
    /// the image structure tags are added here. <paramref name="subject"/> names the image in errors.
    /// </summary>
    public static void Write(Stream output, PlanarImage image, TiffEncoding encoding, TiffDirectory tags, string subject, CancellationToken cancellationToken = default)
    {
        if (!output.CanSeek)
        {
            throw new InvalidOperationException("The TIFF writer patches the directory offset into the header, so it needs a seekable stream.");
        }

        var start = output.Position;
        var width = image.Width;
        var height = image.Height;
        var rowsPerStrip = RowsPerStrip(width, height, encoding);
        var stripCount = (height + rowsPerStrip - 1) / rowsPerStrip;
        var stripsPerSlab = Math.Max(1, SlabBytes / (rowsPerStrip * encoding.RowBytes(width)));
        var offsets = new uint[stripCount];
        var counts = new uint[stripCount];

        // "II", 42, and the directory offset, patched at the end.
        Span<byte> header = stackalloc byte[8];
        "II"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], 42);
        output.Write(header);
        long position = 8;
        Span<byte> padding = stackalloc byte[4];
        padding.Clear();

        for (var first = 0; first < stripCount; first += stripsPerSlab)
        {
            var n = Math.Min(stripsPerSlab, stripCount - first);
            var strips = new (byte[] Buffer, int Length, RefusedSample? Refused)[n];
            try
            {
                Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    var row = (first + i) * rowsPerStrip;
                    strips[i] = TiffStrip.Encode(image, row, Math.Min(rowsPerStrip, height - row), encoding);
                });

                // Strips run in parallel; the first refused one in file order names the first bad row.
                if (strips.FirstOrDefault(s => s.Refused is not null).Refused is { } refused)
                {
                    throw new InputException(
                        FormattableString.Invariant($"{subject}: pixel ({refused.X}, {refused.Y}) channel {"RGB"[refused.Channel]} is {refused.Value}, which a {(encoding.SampleType == TiffSampleType.UInt16 ? "16-bit integer" : "32-bit float")} TIFF sample cannot hold."),
                        field: "pixels", expected: "finite samples (set non-finite=clamp to write NaN as 0 and clamp infinities)");
                }

                for (var i = 0; i < n; i++)
                {
                    var (buffer, length, _) = strips[i];
                    if (position + length > uint.MaxValue)
                    {
                        throw new InputException($"{subject} would make a TIFF file over 4 GiB, past what its 32-bit offsets reach.", field: "size", expected: "a smaller image, or compression");
                    }

                    offsets[first + i] = (uint)position;
                    counts[first + i] = (uint)length;
                    output.Write(buffer, 0, length);
                    var pad = TiffDirectory.Align(length) - length;
                    output.Write(padding[..pad]);
                    position += length + pad;
                }
            }
            finally
            {
                foreach (var strip in strips)
                {
                    if (strip.Buffer is { Length: > 0 })
                    {
                        ArrayPool<byte>.Shared.Return(strip.Buffer);
                    }
                }
            }
        }

        var bits = (ushort)(encoding.BytesPerSample * 8);
        var format = (ushort)(encoding.SampleType == TiffSampleType.UInt16 ? 1 : 3);
        tags.Longs(TiffTag.ImageWidth, (uint)width)
            .Longs(TiffTag.ImageLength, (uint)height)
            .Shorts(TiffTag.BitsPerSample, bits, bits, bits)
            .Shorts(TiffTag.Compression, (ushort)encoding.Compression)
            .Shorts(TiffTag.PhotometricInterpretation, 2)
            .Longs(TiffTag.StripOffsets, offsets)
            .Shorts(TiffTag.Orientation, 1)
            .Shorts(TiffTag.SamplesPerPixel, 3)
            .Longs(TiffTag.RowsPerStrip, (uint)rowsPerStrip)
            .Longs(TiffTag.StripByteCounts, counts)
            .Shorts(TiffTag.PlanarConfiguration, 1)
            .Shorts(TiffTag.SampleFormat, format, format, format);
        if (encoding.Compression == TiffCompression.Deflate && encoding.Predictor != TiffPredictor.None)
        {
            tags.Shorts(TiffTag.Predictor, (ushort)encoding.Predictor);
        }

        output.Write(tags.Serialize(position));
        output.Position = start + 4;
        Span<byte> ifd = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(ifd, (uint)position);
        output.Write(ifd);
        output.Position = output.Length;
    }
}
