using System.Globalization;
using Rushes.Contracts.Deliverables;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// The drawtext filters that burn the running timecode (bottom right) and the clip name (bottom left) into the
/// picture: white text in an opaque black box, legible over any image, sized from the frame height.
/// </summary>
internal static class BurnIns
{
    /// <summary>Text height as a share of the frame height: 1/28 is 39 pixels at 1080, the size dailies burn-ins commonly use.</summary>
    public static int FontSize(int height) => Math.Max(10, (int)Math.Round(height / 28.0));

    /// <summary>The filters, in drawing order; empty when no burn-in is asked for.</summary>
    public static List<string> Filters(DeliverableRequest request, MovieOptions options, string? font)
    {
        var filters = new List<string>();
        if (!options.HasBurnIns)
        {
            return filters;
        }

        ArgumentNullException.ThrowIfNull(font);
        var size = FontSize(request.Height);
        var border = Math.Max(2, size / 4);
        var margin = Math.Max(4, size / 2);
        var box = string.Create(CultureInfo.InvariantCulture,
            $"fontfile={FilterText.Quote(font)}:fontsize={size}:fontcolor=white:box=1:boxcolor=black:boxborderw={border}:y=h-lh-{margin + border}");

        if (options.BurnInTimecode && request.StartTimecode is { } start)
        {
            // drawtext counts from this timecode, one per frame, at the rate's timecode base; ';' marks drop-frame.
            // tc24hmax: wrap at 24 hours as SMPTE ST 12-1 time of day does, rather than count on to 24:00:00:00.
            filters.Add(string.Create(CultureInfo.InvariantCulture,
                $"drawtext={box}:timecode={FilterText.Quote(start.ToString())}:rate={request.FrameRate}:tc24hmax=1:x=w-tw-{margin + border}"));
        }

        if (options.BurnInClipName && MovieCommand.ClipName(request) is { } clip)
        {
            // expansion=none: the name is drawn as written, '%' and '\' included, never as a %{...} function.
            filters.Add(string.Create(CultureInfo.InvariantCulture,
                $"drawtext={box}:expansion=none:text={FilterText.Quote(clip)}:x={margin + border}"));
        }

        return filters;
    }
}
