namespace Rushes.Host.Amf.Model;

/// <summary>The clip an AMF belongs to: a name, and a file, a numbered sequence or a uuid.</summary>
public sealed record AmfClipId
{
    /// <summary>The clip name.</summary>
    public required string ClipName { get; init; }

    /// <summary>A single file.</summary>
    public string? File { get; init; }

    /// <summary>A uuid.</summary>
    public string? Uuid { get; init; }

    /// <summary>A numbered sequence, e.g. <c>A001_C012_###.exr</c> with idx '#', frames min to max.</summary>
    public AmfSequence? Sequence { get; init; }
}

/// <summary>A numbered file sequence.</summary>
public sealed record AmfSequence(string Pattern, string Idx, long Min, long Max);
