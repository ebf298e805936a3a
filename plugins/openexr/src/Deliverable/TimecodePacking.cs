using Rushes.Contracts.Time;

namespace Rushes.Plugins.OpenExr.Deliverable;

/// <summary>
/// Packs a timecode into the 32-bit time-and-flags word of OpenEXR's <c>timecode</c> attribute: the SMPTE
/// ST 12-1 BCD digits in the order of the 60-field (TV60) packing: frame units and tens (bits 0-5),
/// drop-frame flag (6), colour frame (7), seconds (8-14), field phase (15), minutes (16-22),
/// binary group flag 0 (23), hours (24-29), binary group flags 1 and 2 (30, 31).
/// </summary>
internal static class TimecodePacking
{
    public static uint Pack(Timecode timecode)
    {
        var frames = timecode.Frames;
        var secondOfPair = false;
        if (timecode.Rate.TimecodeBase > 30)
        {
            // ST 12-1 counts frame pairs above 30 fps and marks the second frame of a pair with the field bit.
            secondOfPair = (frames & 1) != 0;
            frames /= 2;
        }

        uint word = 0;
        word |= Bcd(frames);
        word |= timecode.DropFrame ? 1u << 6 : 0;
        word |= Bcd(timecode.Seconds) << 8;
        word |= secondOfPair ? 1u << 15 : 0;
        word |= Bcd(timecode.Minutes) << 16;
        word |= Bcd(timecode.Hours) << 24;
        return word;
    }

    private static uint Bcd(int value) => (uint)(((value / 10) << 4) | (value % 10));
}
