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

    /// <summary>Every comment line, without the leading <c>*</c>.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>The line the event starts on.</summary>
    public int Line { get; init; }

    /// <summary>Source frames the event uses, in source timecode (for a retime, the frames actually read).</summary>
    public long SourceFrames => SourceOut.FramesSince(SourceIn);

    /// <summary>Record frames the event fills.</summary>
    public long RecordFrames => RecordOut.FramesSince(RecordIn);

    /// <summary>True for reels that are not media: black, aux and colour bars.</summary>
    public bool IsGenerated => Reel is "BL" or "BLK" or "BLACK" or "AX" or "AUX" or "BARS";
}
