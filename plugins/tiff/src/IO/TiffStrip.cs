using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Tiff.Format;

namespace Rushes.Plugins.Tiff.IO;

/// <summary>How every strip of a file is encoded.</summary>
internal sealed record TiffEncoding(TiffSampleType SampleType, TiffCompression Compression, TiffPredictor Predictor, int DeflateLevel, NonFinitePolicy Policy)
{
    public int BytesPerSample => SampleType == TiffSampleType.UInt16 ? 2 : 4;

    public int RowBytes(int width) => width * 3 * BytesPerSample;
}

/// <summary>A sample the encoding refused: where it is and what it was.</summary>
internal readonly record struct RefusedSample(int X, int Y, int Channel, float Value);

/// <summary>
/// Encodes one strip: interleaves the planar rows as little-endian RGB samples (chunky, PlanarConfiguration 1),
/// applies the predictor and compresses with Deflate (a zlib stream, RFC 1950). The bytes land in a pooled buffer
/// the caller returns.
/// </summary>
internal static class TiffStrip
{
    public static (byte[] Buffer, int Length, RefusedSample? Refused) Encode(PlanarImage image, int firstRow, int rows, TiffEncoding encoding)
    {
        var width = image.Width;
        var rowBytes = encoding.RowBytes(width);
        var raw = ArrayPool<byte>.Shared.Rent(rows * rowBytes);
        var scratch = ArrayPool<uint>.Shared.Rent(width * 3);
        var row = ArrayPool<byte>.Shared.Rent(rowBytes);
        try
        {
            for (var r = 0; r < rows; r++)
            {
                var y = firstRow + r;
                var target = raw.AsSpan(r * rowBytes, rowBytes);
                if (Interleave(image, y, encoding, scratch, target) is { } refused)
                {
                    ArrayPool<byte>.Shared.Return(raw);
                    return ([], 0, refused);
                }

                if (encoding.Compression == TiffCompression.Deflate)
                {
                    switch (encoding.Predictor)
                    {
                        case TiffPredictor.Horizontal:
                            TiffPredictors.EncodeHorizontal16(target, 3);
                            break;
                        case TiffPredictor.FloatingPoint:
                            target.CopyTo(row);
                            TiffPredictors.EncodeFloatingPoint(row.AsSpan(0, rowBytes), 3, target);
                            break;
                    }
                }
            }

            if (encoding.Compression == TiffCompression.None)
            {
                return (raw, rows * rowBytes, null);
            }

            var compressed = Deflate(raw.AsSpan(0, rows * rowBytes), encoding.DeflateLevel);
            ArrayPool<byte>.Shared.Return(raw);
            return (compressed.Buffer, compressed.Length, null);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(scratch);
            ArrayPool<byte>.Shared.Return(row);
        }
    }

    private static RefusedSample? Interleave(PlanarImage image, int y, TiffEncoding encoding, uint[] scratch, Span<byte> target)
    {
        var width = image.Width;
        if (encoding.SampleType == TiffSampleType.UInt16)
        {
            var samples = MemoryMarshal.Cast<byte, ushort>(target);
            for (var c = 0; c < 3; c++)
            {
                var source = image.GetRow(c, y);
                var codes = scratch.AsSpan(0, width);
                var bad = SampleQuantizer.Quantize(source, codes, ushort.MaxValue, encoding.Policy);
                if (bad >= 0)
                {
                    return new RefusedSample(bad, y, c, source[bad]);
                }

                for (var x = 0; x < width; x++)
                {
                    samples[(3 * x) + c] = (ushort)codes[x];
                }
            }

            if (!BitConverter.IsLittleEndian)
            {
                System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(samples, samples);
            }

            return null;
        }

        var floats = MemoryMarshal.Cast<byte, float>(target);
        var checkedRow = MemoryMarshal.Cast<uint, float>(scratch.AsSpan(0, width));
        for (var c = 0; c < 3; c++)
        {
            var source = image.GetRow(c, y);
            var bad = FloatSamples.Copy(source, checkedRow, encoding.Policy);
            if (bad >= 0)
            {
                return new RefusedSample(bad, y, c, source[bad]);
            }

            for (var x = 0; x < width; x++)
            {
                floats[(3 * x) + c] = checkedRow[x];
            }
        }

        if (!BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<byte, uint>(target);
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words, words);
        }

        return null;
    }

    private static (byte[] Buffer, int Length) Deflate(ReadOnlySpan<byte> raw, int level)
    {
        // zlib grows incompressible input by about 5 bytes per 16 KiB stored block plus a few bytes of framing
        // (deflateBound); 1/64 more and 1 KiB leaves a wide margin for any zlib build.
        var buffer = ArrayPool<byte>.Shared.Rent(raw.Length + (raw.Length / 64) + 1024);
        using var output = new MemoryStream(buffer, 0, buffer.Length, writable: true);
        using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return (buffer, (int)output.Position);
    }
}
