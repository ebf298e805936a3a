using Rushes.Contracts.Time;
using Rushes.Host.Editorial.Edl;
using Rushes.Host.Editorial.Timecodes;

namespace Rushes.Host.Editorial.Matching;

/// <summary>
/// Finds, for each EDL event, the clip it was cut from and the frames it reads: by reel name (exact,
/// then normalized: case, spaces, media extension, Avid's 8-character cut; the clip name and source file
/// of the comments when the reel is <c>AX</c> or ties), then by source timecode, which must lie wholly in
/// the clip. Handles are added at each end and clamped to the clip, saying so.
/// </summary>
public sealed class EventMatcher
{
    private readonly IClipLookup _clips;
    private readonly int _handles;

    /// <summary>A matcher over <paramref name="clips"/> adding <paramref name="handles"/> frames at each end.</summary>
    public EventMatcher(IClipLookup clips, int handles = 0)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentOutOfRangeException.ThrowIfNegative(handles);
        _clips = clips;
        _handles = handles;
    }

    /// <summary>Every event of the list, in order, matched or with the reason it was not.</summary>
    public IReadOnlyList<EventMatch> MatchAll(EdlDocument edl)
    {
        ArgumentNullException.ThrowIfNull(edl);
        return [.. edl.Events.Select(Match)];
    }

    /// <summary>One event's match.</summary>
    public EventMatch Match(EdlEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.HasPicture || !e.NamesMedia)
        {
            var why = e.IsBlack ? "black or bars" : !e.HasPicture ? "sound only" : $"aux source '{e.Reel}' with no clip name or source file";
            return new EventMatch { Event = e, Outcome = MatchOutcome.Skipped, Reason = why, Handles = _handles };
        }

        var span = e.SourceRead;
        if (span.Count == 0)
        {
            return new EventMatch { Event = e, Outcome = MatchOutcome.Skipped, Reason = "the event reads no source frames", Handles = _handles };
        }

        // The first rule whose clips hold the timecode wins; a reel's clips that do not hold it let the
        // next rule try (a reel reused on another card, a clip name that names the right take).
        var stages = ByName(e).ToList();
        if (stages.Count == 0)
        {
            return new EventMatch { Event = e, Outcome = MatchOutcome.NoReel, Handles = _handles, Reason = $"no clip has reel '{e.Reel}'{Names(e)}" };
        }

        var (holding, by) = stages
            .Select(s => (Holding: s.Clips.Select(c => (Clip: c, Offset: OffsetIn(c, span))).Where(h => h.Offset is not null).ToList(), s.By))
            .FirstOrDefault(s => s.Holding.Count > 0, ([], string.Empty));
        if (holding.Count == 0)
        {
            var named = stages.SelectMany(s => s.Clips).DistinctBy(c => c.Id).ToList();
            return new EventMatch
            {
                Event = e,
                Outcome = MatchOutcome.OutsideTimecode,
                Handles = _handles,
                Candidates = named,
                Reason = $"source {span.First}-{span.Last} is in none of the {named.Count} clip(s) of reel '{e.Reel}': {string.Join("; ", named.Select(Describe))}",
            };
        }

        if (holding.Count > 1)
        {
            // A reel reused across clips (a tape recorded twice over the same timecode): the comments decide.
            var told = holding.Where(h => NamedByComment(e, h.Clip)).ToList();
            if (told.Count != 1)
            {
                return new EventMatch
                {
                    Event = e,
                    Outcome = MatchOutcome.Ambiguous,
                    Handles = _handles,
                    Candidates = [.. holding.Select(h => h.Clip)],
                    Reason = $"{holding.Count} clips hold source {span.First}-{span.Last} of reel '{e.Reel}': {string.Join("; ", holding.Select(h => h.Clip.ToString()))}",
                };
            }

            holding = told;
            var chosen = holding[0].Clip;
            by = e.ClipName is not null && (ReelName.Same(e.ClipName, chosen.ClipName) || ReelName.Same(e.ClipName, chosen.SourceFileName)) ? "clip name" : "source file";
        }

        var (clip, offset) = (holding[0].Clip, holding[0].Offset!.Value);
        var frames = new FrameRange(clip.FirstFrame + offset, clip.FirstFrame + offset + span.Count - 1);
        var head = Math.Min(_handles, frames.First - clip.Frames.First);
        var tail = Math.Min(_handles, clip.Frames.Last - frames.Last);
        var clamped = head < _handles || tail < _handles;
        return new EventMatch
        {
            Event = e,
            Outcome = MatchOutcome.Matched,
            Clip = clip,
            MatchedBy = by,
            Frames = frames,
            FramesWithHandles = new FrameRange(frames.First - head, frames.Last + tail),
            Handles = _handles,
            HeadHandles = head,
            TailHandles = tail,
            Reason = clamped ? $"handles clamped to the clip's frames {clip.Frames}: {head} at the head and {tail} at the tail of {_handles} asked" : null,
        };
    }

    /// <summary>The clips each naming rule finds, in the order the rules are tried; rules that find none are left out.</summary>
    private IEnumerable<(List<CandidateClip> Clips, string By)> ByName(EdlEvent e)
    {
        var byReel = e.IsGenerated ? [] : Lookup(e.Reel);
        var stages = new List<(List<CandidateClip>, string)>
        {
            (byReel.Where(c => c.Reel == e.Reel).ToList(), "reel"),
            (byReel.Where(c => ReelName.Same(e.Reel, c.Reel) || ReelName.Same(e.Reel, c.ClipName) || ReelName.Same(e.Reel, c.SourceFileName)).ToList(), "reel (normalized)"),
            (byReel.Where(c => ReelName.Truncates(e.Reel, c.Reel) || ReelName.Truncates(e.Reel, c.ClipName) || ReelName.Truncates(e.Reel, c.SourceFileName)).ToList(), "reel (8-character)"),
        };
        foreach (var (name, by) in new[] { (e.ClipName, "clip name"), (e.SourceFile, "source file") })
        {
            if (name is not null && ReelName.Normalize(name).Length > 0)
            {
                stages.Add((Lookup(name).Where(c => ReelName.Same(name, c.ClipName) || ReelName.Same(name, c.SourceFileName) || ReelName.Same(name, c.Reel)).ToList(), by));
            }
        }

        return stages.Where(s => s.Item1.Count > 0);
    }

    // Asks for the reel as written and as normalized (spaces as underscores, no extension): the lookup
    // matches prefixes as they are, and cameras name clips with underscores where lists may have spaces.
    private List<CandidateClip> Lookup(string name)
    {
        var found = _clips.Candidates(name.Trim()).ToList();
        var bare = ReelName.Bare(name).Replace(' ', '_');
        if (bare != name.Trim() && bare.Length > 0)
        {
            found.AddRange(_clips.Candidates(bare).Where(c => !found.Any(f => f.Id == c.Id)));
        }

        return found;
    }

    private static bool NamedByComment(EdlEvent e, CandidateClip clip)
        => (e.ClipName is not null && (ReelName.Same(e.ClipName, clip.ClipName) || ReelName.Same(e.ClipName, clip.SourceFileName)))
           || (e.SourceFile is not null && (ReelName.Same(e.SourceFile, clip.SourceFileName) || ReelName.Same(e.SourceFile, clip.ClipName)));

    /// <summary>
    /// Where the span starts in the clip (0 is the clip's first frame), or null when the clip does not hold
    /// all of it. Labels compare as labels: the EDL's source timecode is the clip's own, so a label read at
    /// the list's rate is relabelled at the clip's when the two count the same frames a second.
    /// </summary>
    private static long? OffsetIn(CandidateClip clip, EdlSourceSpan span)
    {
        if (clip.FrameCount <= 0 || span.First.Rate.TimecodeBase != clip.Rate.TimecodeBase)
        {
            return null;
        }

        Timecode first;
        try
        {
            first = Timecode.FromParts(span.First.Hours, span.First.Minutes, span.First.Seconds, span.First.Frames, clip.Rate, clip.TimecodeIn.DropFrame);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // a drop-frame label the clip's non-drop count has, or the reverse: not this clip's frame
        }

        var offset = first.FramesSince(clip.TimecodeIn);
        return offset + span.Count <= clip.FrameCount ? offset : null;
    }

    private static string Describe(CandidateClip clip) => $"{clip} at {SmpteRate.Of(clip.Rate, clip.TimecodeIn.DropFrame).Name} fps";

    private static string Names(EdlEvent e)
        => (e.ClipName, e.SourceFile) switch
        {
            (null, null) => string.Empty,
            (var c, null) => $", clip name '{c}'",
            (null, var f) => $", source file '{f}'",
            var (c, f) => $", clip name '{c}' or source file '{f}'",
        };
}
