namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>Finds and edits marker segments in the header part of a JPEG stream (before the coded data), for building variants of test streams.</summary>
internal static class JpegSegments
{
    /// <summary>The offset of the FF byte of the first marker <paramref name="marker"/> up to SOS, or -1.</summary>
    public static int Find(byte[] stream, byte marker)
    {
        var pos = 2;
        while (pos + 4 <= stream.Length && stream[pos] == 0xFF)
        {
            if (stream[pos + 1] == marker)
            {
                return pos;
            }

            if (stream[pos + 1] == 0xDA)
            {
                return -1;
            }

            pos += 2 + ((stream[pos + 2] << 8) | stream[pos + 3]);
        }

        return -1;
    }

    /// <summary>The stream without the segment of <paramref name="marker"/>.</summary>
    public static byte[] Remove(byte[] stream, byte marker)
    {
        var at = Find(stream, marker);
        var length = 2 + ((stream[at + 2] << 8) | stream[at + 3]);
        return [.. stream[..at], .. stream[(at + length)..]];
    }

    /// <summary>The stream with <paramref name="segment"/> (marker included) inserted before the segment of <paramref name="before"/>.</summary>
    public static byte[] InsertBefore(byte[] stream, byte before, byte[] segment)
    {
        var at = Find(stream, before);
        return [.. stream[..at], .. segment, .. stream[at..]];
    }

    /// <summary>The offset of the first byte after the SOS header.</summary>
    public static int EntropyStart(byte[] stream)
    {
        var sos = Find(stream, 0xDA);
        return sos + 2 + ((stream[sos + 2] << 8) | stream[sos + 3]);
    }
}
