using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Edl;

/// <summary>
/// One edit of an EDL: which reel, which part of it (source in/out), where it sits in the sequence
/// (record in/out), and what the comments say about the clip (the Avid/Premiere <c>FROM CLIP NAME</c>
/// and <c>SOURCE FILE</c>, FDL and AMF references).
/// </summary>
public sealed record EdlEvent
{
    /// <summary>The event number as written (events of a dissolve share it).</summary>
    public required int Number { get; init; }

    /// <summary>The reel (tape) name; long names as Avid and Premiere write them are kept whole.</summary>
    public required string Reel { get; init; }

    /// <summary>The track field: <c>V</c>, <c>A</c>, <c>A2</c>, <c>AA</c>, <c>B</c>, <c>AA/V</c>...</summary>
    public required string Track { get; init; }

    /// <summary>How the event begins.</summary>
    public required EdlTransition Transition { get; init; }

    /// <summary>First source frame.</summary>
    public required Timecode SourceIn { get; init; }

    /// <summary>One past the last source frame.</summary>
    public required Timecode SourceOut { get; init; }

    /// <summary>First record (sequence) frame.</summary>
    public required Timecode RecordIn { get; init; }

    /// <summary>One past the last record frame.</summary>
    public required Timecode RecordOut { get; init; }

    /// <summary>
    /// Frames this event's source keeps playing under the transition of the next line of its pair: the
    /// outgoing side of a dissolve or wipe, written with a zero-length record range, still shows for the
    /// transition's duration from its source in.
    /// </summary>
    public int TransitionOutFrames { get; init; }

    /// <summary>The clip name from <c>* FROM CLIP NAME:</c> (or <c>* TO CLIP NAME:</c> for the incoming side of a dissolve).</summary>
    public string? ClipName { get; init; }

    /// <summary>The file from <c>* SOURCE FILE:</c>.</summary>
    public string? SourceFile { get; init; }

    /// <summary>A motion effect on this event's reel.</summary>
    public EdlRetime? Retime { get; init; }

    /// <summary>The ASC FDL document uuid from <c>* FDL-UUID:</c>.</summary>
    public string? FdlUuid { get; init; }

    /// <summary>The FDL framing decision id from <c>* FDL-FRAMING-DECISION-ID:</c>.</summary>
    public string? FdlFramingDecisionId { get; init; }

    /// <summary>The AMF uuid from <c>* AMF_UUID:</c>.</summary>
    public string? AmfUuid { get; init; }

    /// <summary>Avid locators (<c>* LOC:</c>) on this event.</summary>
    public IReadOnlyList<EdlLocator> Locators { get; init; } = [];

    /// <summary>Every comment line, without the leading <c>*</c>.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>The line the event starts on.</summary>
    public int Line { get; init; }

    /// <summary>Source frames between the source in and out as written (for a retime, see <see cref="SourceRead"/>).</summary>
    public long SourceFrames => SourceOut.FramesSince(SourceIn);

    /// <summary>
    /// The source frames the event actually reads, over its R = record frames + <see cref="TransitionOutFrames"/>.
    /// Without a retime, R frames from the source in. With an <c>M2</c> of speed v at timecode base b,
    /// record frame i shows source frame floor(i × |v| / b) after the M2 entry point (before it when
    /// reversed), so the event reads floor((R − 1) × |v| / b) + 1 frames; a freeze (v = 0) reads the entry
    /// frame alone.
    /// </summary>
    public EdlSourceSpan SourceRead
    {
        get
        {
            if (Retime is not { } retime)
            {
                return new EdlSourceSpan(SourceIn, SourceFrames + TransitionOutFrames);
            }

            if (RecordFrames + TransitionOutFrames == 0)
            {
                return new EdlSourceSpan(retime.SourceIn, 0, retime.Reverse);
            }

            var steps = (long)decimal.Floor((RecordFrames + TransitionOutFrames - 1) * retime.SpeedAt(SourceIn.Rate.TimecodeBase));
            return retime.Reverse
                ? new EdlSourceSpan(retime.SourceIn.AddFrames(-steps), steps + 1, Reverse: true)
                : new EdlSourceSpan(retime.SourceIn, steps + 1);
        }
    }

    /// <summary>Record frames the event fills.</summary>
    public long RecordFrames => RecordOut.FramesSince(RecordIn);

    /// <summary>
    /// True for reels that are not a tape: black (<c>BL</c>), colour bars, and aux sources (<c>AX</c>).
    /// Premiere writes <c>AX</c> for file media with no reel and names the file in the comments, so an
    /// <c>AX</c> event with a clip name or source file still points at media (see <see cref="NamesMedia"/>).
    /// </summary>
    public bool IsGenerated => Reel is "BL" or "BLK" or "BLACK" or "AX" or "AUX" or "BARS";

    /// <summary>True for black and bars: events that never point at a clip.</summary>
    public bool IsBlack => Reel is "BL" or "BLK" or "BLACK" or "BARS";

    /// <summary>True when the event can point at media: a tape reel, or an aux reel that names its clip or file.</summary>
    public bool NamesMedia => !IsBlack && (!IsGenerated || ClipName is not null || SourceFile is not null);

    /// <summary>True for events with sound and no picture: the track field has no <c>V</c> and is not <c>B</c> (both).</summary>
    public bool IsAudioOnly => !Track.Contains('V', StringComparison.Ordinal) && Track != "B" && Track != "NONE";

    /// <summary>True for events with picture: <c>V</c>, <c>B</c>, <c>AA/V</c>...</summary>
    public bool HasPicture => Track.Contains('V', StringComparison.Ordinal) || Track == "B";
}
