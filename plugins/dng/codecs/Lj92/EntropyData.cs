namespace Rushes.Plugins.Dng.Codecs.Lj92;

/// <summary>
/// Removes the byte stuffing from a scan's entropy-coded data (T.81 B.1.1.5: FF 00 stands for FF) and
/// splits it at its restart markers, so the bit reader can run over plain bytes without looking for markers.
/// </summary>
internal static class EntropyData
{
    /// <summary>Zero bytes kept after the data: the bit reader loads 8 bytes at a time and may look past the end.</summary>
    public const int Padding = 16;

    /// <summary>
    /// Copies the unstuffed data of <paramref name="intervals"/> restart intervals into <paramref name="clean"/>
    /// (at least <paramref name="coded"/>.Length + <see cref="Padding"/> bytes) and returns where each starts,
    /// with the end of the last as a final entry. The data must end with EOI.
    /// </summary>
    public static int[] Unstuff(ReadOnlySpan<byte> coded, byte[] clean, int intervals, string file)
    {
        var starts = new int[intervals + 1];
        int o = 0, pos = 0, interval = 0;
        while (true)
        {
            var run = coded[pos..].IndexOf((byte)0xFF);
            if (run < 0 || pos + run + 1 >= coded.Length)
            {
                throw Lj92Error.Malformed(file, "EOI", "an EOI marker (FF D9) after the coded data", "the stream ends without EOI.");
            }

            coded.Slice(pos, run).CopyTo(clean.AsSpan(o));
            o += run;
            pos += run;
            var next = coded[pos + 1];
            if (next == 0x00)
            {
                clean[o++] = 0xFF;
                pos += 2;
            }
            else if (next == 0xFF)
            {
                // A fill byte before a marker (T.81 B.1.1.2).
                pos++;
            }
            else if (next is >= 0xD0 and <= 0xD7)
            {
                interval++;
                if (interval >= intervals)
                {
                    throw Lj92Error.Malformed(file, "RST", $"{intervals - 1} restart markers for {intervals} intervals", "there are more restart markers than intervals.");
                }

                var expected = (interval - 1) % 8;
                if (next - 0xD0 != expected)
                {
                    throw Lj92Error.Malformed(file, "RST", $"RST{expected} (restart markers count modulo 8)", $"RST{next - 0xD0} after interval {interval}.");
                }

                starts[interval] = o;
                pos += 2;
            }
            else if (next == 0xD9)
            {
                if (interval != intervals - 1)
                {
                    throw Lj92Error.Malformed(file, "RST", $"{intervals - 1} restart markers for {intervals} intervals", $"EOI follows {interval}.");
                }

                starts[intervals] = o;
                clean.AsSpan(o, Padding).Clear();
                return starts;
            }
            else
            {
                throw Lj92Error.Malformed(file, "EOI", "an EOI marker (FF D9) after the coded data", $"marker FF {next:X2} inside the coded data.");
            }
        }
    }
}
