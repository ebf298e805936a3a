using System.Buffers.Binary;

namespace Rushes.Plugins.Dng.Codecs.Deflate;

/// <summary>Turns one row of 16, 24 or 32-bit floating-point bytes into floats.</summary>
internal static class FloatRow
{
    /// <summary>
    /// From byte planes: after the floating-point predictor a row holds all samples' most significant bytes,
    /// then the next bytes, and so on (Adobe TIFF Technical Note 3), whatever the file's byte order.
    /// </summary>
    public static void FromPlanes(ReadOnlySpan<byte> row, int size, Span<float> samples)
    {
        var n = samples.Length;
        switch (size)
        {
            case 2:
                for (var x = 0; x < n; x++)
                {
                    samples[x] = (float)BitConverter.UInt16BitsToHalf((ushort)((row[x] << 8) | row[n + x]));
                }

                break;
            case 3:
                for (var x = 0; x < n; x++)
                {
                    samples[x] = Float24.ToSingle(((uint)row[x] << 16) | ((uint)row[n + x] << 8) | row[(2 * n) + x]);
                }

                break;
            default:
                for (var x = 0; x < n; x++)
                {
                    var bits = ((uint)row[x] << 24) | ((uint)row[n + x] << 16) | ((uint)row[(2 * n) + x] << 8) | row[(3 * n) + x];
                    samples[x] = BitConverter.UInt32BitsToSingle(bits);
                }

                break;
        }
    }

    /// <summary>From whole values in the file's byte order (no predictor).</summary>
    public static void FromInterleaved(ReadOnlySpan<byte> row, int size, bool bigEndian, Span<float> samples)
    {
        for (var x = 0; x < samples.Length; x++)
        {
            var value = row.Slice(x * size, size);
            samples[x] = size switch
            {
                2 => (float)BitConverter.UInt16BitsToHalf(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(value) : BinaryPrimitives.ReadUInt16LittleEndian(value)),
                3 => Float24.ToSingle(bigEndian
                    ? ((uint)value[0] << 16) | ((uint)value[1] << 8) | value[2]
                    : ((uint)value[2] << 16) | ((uint)value[1] << 8) | value[0]),
                _ => BitConverter.UInt32BitsToSingle(bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(value) : BinaryPrimitives.ReadUInt32LittleEndian(value)),
            };
        }
    }
}
