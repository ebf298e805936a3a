using System.Globalization;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.Dpx.IO;

/// <summary>
/// The television header's SMPTE time code word (SMPTE ST 268 after ST 12-1): BCD hours, minutes, seconds and
/// frames from the most significant byte down, with the ST 12-1 flags in the spare bits: drop-frame (bit 6),
/// and above 30 fps frame pairs counted with the second frame of a pair marked by the field bit (bit 15),
/// as ST 12-1 and OpenImageIO read it.
/// </summary>
internal static class SmpteTimecode
{
    private const uint DropFrameBit = 1u << 6;
    private const uint SecondOfPairBit = 1u << 15;

    public static uint Pack(Timecode timecode)
    {
        var frames = timecode.Frames;
        var secondOfPair = false;
        if (timecode.Rate.TimecodeBase > 30)
        {
            secondOfPair = (frames & 1) != 0;
            frames /= 2;
        }

        return (Bcd(timecode.Hours) << 24) | (Bcd(timecode.Minutes) << 16) | (Bcd(timecode.Seconds) << 8) | Bcd(frames)
            | (timecode.DropFrame ? DropFrameBit : 0) | (secondOfPair ? SecondOfPairBit : 0);
    }

    /// <summary>The word as <c>HH:MM:SS:FF</c> (<c>;</c> before the frames for drop-frame), frames as stored (pairs above 30 fps).</summary>
    public static string Describe(uint word)
        => string.Create(CultureInfo.InvariantCulture,
            $"{Digits(word >> 24, 0x3f):00}:{Digits(word >> 16, 0x7f):00}:{Digits(word >> 8, 0x7f):00}{((word & DropFrameBit) != 0 ? ';' : ':')}{Digits(word, 0x3f):00}");

    private static uint Bcd(int value) => (uint)(((value / 10) << 4) | (value % 10));

    private static uint Digits(uint bcd, uint mask) => (((bcd & mask) >> 4) * 10) + (bcd & 0xf);
}
