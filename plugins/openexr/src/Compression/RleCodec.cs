namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>
/// OpenEXR's run-length coding of the reordered bytes (see <see cref="ByteReorder"/>). Each block starts
/// with a signed count: n &gt;= 0 means the next byte repeats n + 1 times; n &lt; 0 means -n literal bytes follow.
/// </summary>
internal static class RleCodec
{
    // A run shorter than 3 costs as much as literals; a count byte holds at most 127 (+1 for runs).
    private const int MinRun = 3;
    private const int MaxRun = 128;
    private const int MaxLiterals = 127;

    /// <summary>Encodes into <paramref name="destination"/>; returns the length, or -1 when it would not be smaller than the input.</summary>
    public static int Encode(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var limit = Math.Min(destination.Length, data.Length);
        var o = 0;
        var i = 0;
        while (i < data.Length)
        {
            var run = RunAt(data, i);
            if (run >= MinRun)
            {
                if (o + 2 > limit)
                {
                    return -1;
                }

                destination[o++] = (byte)(run - 1);
                destination[o++] = data[i];
                i += run;
                continue;
            }

            var start = i;
            while (i < data.Length && i - start < MaxLiterals && RunAt(data, i) < MinRun)
            {
                i++;
            }

            var count = i - start;
            if (o + 1 + count > limit)
            {
                return -1;
            }

            destination[o++] = (byte)(sbyte)-count;
            data.Slice(start, count).CopyTo(destination[o..]);
            o += count;
        }

        return o;
    }

    /// <summary>Decodes exactly <paramref name="destination"/>.Length bytes; false when the data are short, long or malformed.</summary>
    public static bool Decode(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var i = 0;
        var o = 0;
        while (i < data.Length)
        {
            var count = (sbyte)data[i++];
            if (count < 0)
            {
                var n = -count;
                if (i + n > data.Length || o + n > destination.Length)
                {
                    return false;
                }

                data.Slice(i, n).CopyTo(destination[o..]);
                i += n;
                o += n;
            }
            else
            {
                var n = count + 1;
                if (i >= data.Length || o + n > destination.Length)
                {
                    return false;
                }

                destination.Slice(o, n).Fill(data[i++]);
                o += n;
            }
        }

        return o == destination.Length;
    }

    private static int RunAt(ReadOnlySpan<byte> data, int at)
    {
        var end = Math.Min(data.Length, at + MaxRun);
        var value = data[at];
        var i = at + 1;
        while (i < end && data[i] == value)
        {
            i++;
        }

        return i - at;
    }
}
