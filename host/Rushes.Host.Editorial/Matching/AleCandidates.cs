using System.Globalization;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Ale;
using Rushes.Host.Editorial.Timecodes;

namespace Rushes.Host.Editorial.Matching;

/// <summary>
/// The clips of an Avid log as match candidates, so that a lab's ALE can stand in for a catalog: the
/// reel is <c>Tape</c>, the clip name <c>Name</c>, the file <c>Source File</c>, the frames run from
/// <c>Start</c> to the exclusive <c>End</c> (or for <c>Duration</c>).
/// </summary>
public static class AleCandidates
{
    /// <summary>
    /// One candidate per row with a Start and an End or Duration, at the log's FPS (drop-frame when the
    /// labels use <c>;</c>). A clip's path is <c>Source Path</c> when the log has it, else <c>Source File</c>
    /// beside <paramref name="mediaFolder"/>. Rows without timecode are left out; a bad label is an
    /// <see cref="InputException"/> naming the row and column.
    /// </summary>
    public static IReadOnlyList<CandidateClip> FromLog(AleDocument log, string logName, string mediaFolder)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Rate is not { } rate)
        {
            throw new InputException($"{logName}: the heading has no FPS, so its timecode cannot be counted.", logName, "FPS", "an FPS heading line such as 'FPS<tab>23.976'");
        }

        var clips = new List<CandidateClip>();
        for (var row = 0; row < log.Rows.Count; row++)
        {
            var start = log.Value(row, "Start")?.Trim();
            var end = log.Value(row, "End")?.Trim();
            var duration = log.Value(row, "Duration")?.Trim();
            if (start is null || (end is null && duration is null))
            {
                continue;
            }

            var dropFrame = rate.SupportsDropFrame && start.Contains(';', StringComparison.Ordinal);
            var tcIn = Label(start, rate, dropFrame, logName, row, "Start");
            var frames = end is not null
                ? Label(end, rate, dropFrame, logName, row, "End").FramesSince(tcIn)
                : Label(duration!, rate, dropFrame, logName, row, "Duration").FrameOfDay;
            if (frames <= 0)
            {
                continue;
            }

            var name = log.Value(row, "Name");
            var file = log.Value(row, "Source File");
            clips.Add(new CandidateClip
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{logName}#{row + 1}"),
                Path = log.Value(row, "Source Path") is { } folder && file is not null ? Path.Combine(folder, file) : Path.Combine(mediaFolder, file ?? name ?? string.Empty),
                Reel = log.Value(row, "Tape"),
                ClipName = name,
                SourceFileName = file,
                TimecodeIn = tcIn,
                FrameCount = frames,
            });
        }

        return clips;
    }

    private static Timecode Label(string text, FrameRate rate, bool dropFrame, string logName, int row, string column)
    {
        try
        {
            return TimecodeMath.Parse(text, rate, dropFrame);
        }
        catch (FormatException ex)
        {
            throw new InputException($"{logName}, data row {row + 1}, {column}: {ex.Message}", logName, $"row {row + 1}: {column}",
                $"HH:MM:SS{(dropFrame ? ';' : ':')}FF at {SmpteRate.Of(rate, dropFrame).Name} fps");
        }
    }
}
