using System.Globalization;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.VendorSidecars.Sony;

/// <summary>
/// The LtcChange value of Sony's NRT XML: eight hex digits, the four SMPTE ST 12-1 BCD bytes frames, seconds,
/// minutes, hours (camera-formats.md §1.5: "19044716" is 16:47:04:19). In the frames byte bit 6 flags drop-frame
/// and bit 7 colour framing; the tens digits take 2 bits (frames, hours) or 3 bits (seconds, minutes).
/// </summary>
internal static class NrtTimecode
{
    public static bool TryParse(string value, FrameRate rate, out Timecode timecode)
    {
        timecode = default;
        if (value.Length != 8 || !uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var packed))
        {
            return false;
        }

        var ff = (int)(packed >> 24);
        var ss = (int)(packed >> 16) & 0xFF;
        var mm = (int)(packed >> 8) & 0xFF;
        var hh = (int)packed & 0xFF;
        var dropFrame = (ff & 0x40) != 0;
        var frames = (((ff >> 4) & 0x3) * 10) + (ff & 0xF);
        var seconds = (((ss >> 4) & 0x7) * 10) + (ss & 0xF);
        var minutes = (((mm >> 4) & 0x7) * 10) + (mm & 0xF);
        var hours = (((hh >> 4) & 0x3) * 10) + (hh & 0xF);
        if (dropFrame && !rate.SupportsDropFrame)
        {
            return false;
        }

        try
        {
            timecode = Timecode.FromParts(hours, minutes, seconds, frames, rate, dropFrame);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
