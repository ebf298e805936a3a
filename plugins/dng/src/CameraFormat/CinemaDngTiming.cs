using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.CameraFormat;

/// <summary>CinemaDNG 1.1 FrameRate and TimeCodes (SMPTE 12M-1 binary-coded decimal, as SMPTE 331M packs it).</summary>
internal static class CinemaDngTiming
{
    /// <summary>FrameRate (SRATIONAL), or null when absent; a zero or negative rate is an input error.</summary>
    public static FrameRate? Rate(TiffFile tiff)
    {
        if (tiff.Ifd0[TiffTags.FrameRate] is not { } entry)
        {
            return null;
        }

        if (entry.Type is not (TiffFieldType.SRational or TiffFieldType.Rational) || entry.Count < 1)
        {
            throw entry.WrongType("one SRATIONAL");
        }

        var (n, d) = entry.Fraction(0);
        return n > 0 && d > 0
            ? new FrameRate(n, d)
            : throw new InputException($"FrameRate is {n}/{d}.", tiff.Path, "FrameRate", "a positive frame rate such as 24/1 or 24000/1001");
    }

    /// <summary>The first TimeCodes entry: (hours, minutes, seconds, frames, drop frame), or null when absent.</summary>
    public static (int H, int M, int S, int F, bool Drop)? Parts(TiffFile tiff)
    {
        if (tiff.Ifd0[TiffTags.TimeCodes] is not { } entry)
        {
            return null;
        }

        if (entry.Type is not (TiffFieldType.Byte or TiffFieldType.Undefined) || entry.Count < 8)
        {
            throw new InputException($"TimeCodes has {entry.Count} values of type {entry.Type}.", tiff.Path, "TimeCodes", "8 BYTEs per timecode (SMPTE 12M)");
        }

        var b = entry.Bytes;
        // Byte 0: frame units (bits 0-3), tens (4-5), drop frame flag (6), colour frame (7); then seconds, minutes, hours.
        var frames = Bcd(b[0] & 0x3F);
        var seconds = Bcd(b[1] & 0x7F);
        var minutes = Bcd(b[2] & 0x7F);
        var hours = Bcd(b[3] & 0x3F);
        if (frames < 0 || seconds < 0 || minutes < 0 || hours < 0)
        {
            throw new InputException("TimeCodes holds digits that are not binary-coded decimal.", tiff.Path, "TimeCodes", "SMPTE 12M BCD digits");
        }

        return (hours, minutes, seconds, frames, (b[0] & 0x40) != 0);
    }

    /// <summary>The timecode at a rate; an impossible one is an input error naming the tag.</summary>
    public static Timecode At((int H, int M, int S, int F, bool Drop) parts, FrameRate rate, string file)
    {
        try
        {
            return Timecode.FromParts(parts.H, parts.M, parts.S, parts.F, rate, parts.Drop && rate.SupportsDropFrame);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new InputException($"TimeCodes {parts.H:00}:{parts.M:00}:{parts.S:00}{(parts.Drop ? ';' : ':')}{parts.F:00} is not a timecode at {rate} fps: {ex.Message.Split(" (Parameter")[0]}",
                file, "TimeCodes", "a timecode valid at the FrameRate");
        }
    }

    private static int Bcd(int value)
    {
        var units = value & 0x0F;
        var tens = value >> 4;
        return units > 9 ? -1 : (tens * 10) + units;
    }
}
