namespace Rushes.Plugins.Dng.TestKit;

/// <summary>
/// Packs samples of 8 to 16 bits MSB first, each row starting on a byte boundary, as TIFF
/// FillOrder 1 prescribes and as DNG readers expect for uncompressed 10, 12 and 14-bit data.
/// </summary>
public static class BitPacker
{
    public static byte[] Pack(ReadOnlySpan<ushort> samples, int samplesPerRow, int rows, int bits, bool bigEndian16)
    {
        if (bits == 16)
        {
            var bytes16 = new byte[samples.Length * 2];
            for (var i = 0; i < samples.Length; i++)
            {
                TiffValue.Put16(bytes16.AsSpan(i * 2), samples[i], bigEndian16);
            }

            return bytes16;
        }

        var rowBytes = ((samplesPerRow * bits) + 7) / 8;
        var packed = new byte[rowBytes * rows];
        for (var row = 0; row < rows; row++)
        {
            ulong acc = 0;
            var accBits = 0;
            var o = row * rowBytes;
            for (var i = 0; i < samplesPerRow; i++)
            {
                acc = (acc << bits) | (uint)(samples[(row * samplesPerRow) + i] & ((1 << bits) - 1));
                accBits += bits;
                while (accBits >= 8)
                {
                    accBits -= 8;
                    packed[o++] = (byte)(acc >> accBits);
                }
            }

            if (accBits > 0)
            {
                packed[o] = (byte)(acc << (8 - accBits));
            }
        }

        return packed;
    }
}
