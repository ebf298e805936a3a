using System.Buffers.Binary;

namespace Rushes.Plugins.Tiff.IO;

/// <summary>
/// The predictors applied to each row before Deflate, and undone after inflating. Horizontal differencing
/// (TIFF 6.0 section 14) subtracts from each 16-bit sample the same channel's sample of the pixel before, modulo
/// 2^16. The floating-point predictor (Adobe Photoshop TIFF technical note 3) splits the row's floats into
/// byte planes, most significant bytes first, then differences each byte from the byte one pixel before it.
/// </summary>
internal static class TiffPredictors
{
    /// <summary>Differences a row of little-endian 16-bit samples in place.</summary>
    public static void EncodeHorizontal16(Span<byte> row, int samplesPerPixel)
    {
        for (var i = (row.Length / 2) - 1; i >= samplesPerPixel; i--)
        {
            var value = BinaryPrimitives.ReadUInt16LittleEndian(row[(2 * i)..]);
            var before = BinaryPrimitives.ReadUInt16LittleEndian(row[(2 * (i - samplesPerPixel))..]);
            BinaryPrimitives.WriteUInt16LittleEndian(row[(2 * i)..], (ushort)(value - before));
        }
    }

    public static void DecodeHorizontal16(Span<byte> row, int samplesPerPixel, bool bigEndian)
    {
        for (var i = samplesPerPixel; i < row.Length / 2; i++)
        {
            var at = row[(2 * i)..];
            var before = row[(2 * (i - samplesPerPixel))..];
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(at) + BinaryPrimitives.ReadUInt16BigEndian(before)));
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(at) + BinaryPrimitives.ReadUInt16LittleEndian(before)));
            }
        }
    }

    /// <summary>Turns a row of little-endian floats into differenced byte planes in <paramref name="destination"/> (the same length).</summary>
    public static void EncodeFloatingPoint(ReadOnlySpan<byte> row, int samplesPerPixel, Span<byte> destination)
    {
        var count = row.Length / 4;
        for (var i = 0; i < count; i++)
        {
            // Plane 0 holds each float's most significant byte, which is byte 3 of a little-endian float.
            destination[i] = row[(4 * i) + 3];
            destination[count + i] = row[(4 * i) + 2];
            destination[(2 * count) + i] = row[(4 * i) + 1];
            destination[(3 * count) + i] = row[4 * i];
        }

        for (var i = destination.Length - 1; i >= samplesPerPixel; i--)
        {
            destination[i] -= destination[i - samplesPerPixel];
        }
    }

    /// <summary>Undoes <see cref="EncodeFloatingPoint"/>: <paramref name="planes"/> is accumulated in place and the floats land in <paramref name="row"/> in the file's byte order.</summary>
    public static void DecodeFloatingPoint(Span<byte> planes, int samplesPerPixel, Span<byte> row, bool bigEndian)
    {
        for (var i = samplesPerPixel; i < planes.Length; i++)
        {
            planes[i] += planes[i - samplesPerPixel];
        }

        var count = planes.Length / 4;
        for (var i = 0; i < count; i++)
        {
            for (var b = 0; b < 4; b++)
            {
                // Plane b holds the byte of significance 3 - b.
                row[(4 * i) + (bigEndian ? b : 3 - b)] = planes[(b * count) + i];
            }
        }
    }
}
