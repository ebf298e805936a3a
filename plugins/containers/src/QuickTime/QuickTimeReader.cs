using System.Buffers.Binary;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>Finds the movie atom, parses it, and reads the timecode track's first sample.</summary>
internal static class QuickTimeReader
{
    public static ContainerClip Read(FileWindow file, string clipName, CancellationToken cancellationToken)
    {
        var top = AtomWalker.TopLevel(file, cancellationToken);
        var moovs = top.Where(a => a.Type == AtomTypes.Moov).ToList();
        if (moovs.Count == 0)
        {
            throw file.Error("moov", "the file has no movie atom (moov); its top-level atoms are " + string.Join(", ", top.Take(8).Select(a => $"'{a.TypeName}'")),
                "a 'moov' atom at the top level");
        }

        var diagnostics = new List<Diagnostic>();
        if (moovs.Count > 1)
        {
            diagnostics.Add(Diagnostic.Warning($"The file has {moovs.Count} movie atoms; the first is read.", file.Path, "moov", "one 'moov' atom"));
        }

        var moov = moovs[0];
        string? brand = null;
        if (top.FirstOrDefault(a => a.Type == AtomTypes.Ftyp) is { Type: not 0 } ftyp && ftyp.PayloadLength >= 4)
        {
            brand = FourCc.ToText(BinaryPrimitives.ReadUInt32BigEndian(file.Read(ftyp.PayloadStart, 4, "ftyp")));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var bytes = file.Read(moov.Start, moov.End - moov.Start, "moov");
        var movie = MovieParser.Parse(bytes, moov.HeaderSize, moov.Start, file, brand);
        var video = movie.Tracks.FirstOrDefault(t => t.Handler == "vide");
        var timecodeTrack = TimecodeTrackOf(movie, video);
        Timecode? start = null;
        var startFrame = 0;
        if (timecodeTrack is not null)
        {
            start = StartTimecode(file, timecodeTrack, out startFrame);
        }

        return QuickTimeNormalizer.Normalize(file.Path, clipName, movie, video, timecodeTrack, start, startFrame, diagnostics);
    }

    /// <summary>The timecode track the video track refers to ('tref'/'tmcd'), or else the first timecode track.</summary>
    private static Track? TimecodeTrackOf(Movie movie, Track? video)
    {
        var timecodeTracks = movie.Tracks.Where(t => t.Timecode is not null).ToList();
        return video?.TimecodeReferences.Select(id => timecodeTracks.FirstOrDefault(t => t.Id == id)).FirstOrDefault(t => t is not null)
               ?? timecodeTracks.FirstOrDefault();
    }

    /// <summary>
    /// The first timecode sample is a signed 32-bit frame number counted at the description's whole-frame rate
    /// (QTFF "Timecode Media": "a 32-bit integer that represents the frame number"), converted to a timecode at
    /// time scale / frame duration with the drop-frame flag. Anything that does not add up is a corrupt 'tmcd'.
    /// </summary>
    internal static Timecode StartTimecode(FileWindow file, Track track, out int frameNumber)
    {
        var d = track.Timecode!;
        var field = $"moov/trak[{track.Index}]/tmcd";
        if (d.Timescale == 0 || d.FrameDuration == 0 || d.NumberOfFrames == 0)
        {
            throw file.Error(field, $"the timecode description has time scale {d.Timescale}, frame duration {d.FrameDuration} and {d.NumberOfFrames} frames per second", "all three positive");
        }

        var rate = new FrameRate(d.Timescale, d.FrameDuration);
        if (rate.TimecodeBase != d.NumberOfFrames)
        {
            throw file.Error($"{field} number of frames", $"the timecode description counts {d.NumberOfFrames} frames a second at {d.Timescale}/{d.FrameDuration} fps", $"{rate.TimecodeBase} frames a second");
        }

        if (d.DropFrame && !rate.SupportsDropFrame)
        {
            throw file.Error($"{field} flags", $"the timecode description is flagged drop-frame at {d.Timescale}/{d.FrameDuration} fps", "drop-frame only at 30000/1001 or 60000/1001 fps");
        }

        if (d.Counter)
        {
            throw file.Error($"{field} flags", "the timecode track is a counter (flag 0x8), not a timecode", "a timecode track (counter flag clear)");
        }

        if (track.FirstChunkOffset is not { } offset || track.FirstSampleSize is not { } size)
        {
            throw file.Error($"{field} sample", "the timecode track has no sample (no chunk offset or sample size)", "one 32-bit frame number sample");
        }

        if (size < 4)
        {
            throw file.Error($"{field} sample", $"the timecode sample is {size} bytes", "a 4-byte frame number");
        }

        Span<byte> sample = stackalloc byte[4];
        file.ReadInto(offset, sample, $"{field} sample");
        frameNumber = BinaryPrimitives.ReadInt32BigEndian(sample);
        if (frameNumber < 0 && (d.Flags & TimecodeDescription.NegativeTimesOkFlag) == 0)
        {
            throw file.Error($"{field} sample", $"the timecode sample is frame {frameNumber}, but negative times are not allowed by its flags", "a frame number of 0 or more");
        }

        return Timecode.FromFrames(frameNumber, rate, d.DropFrame);
    }
}
