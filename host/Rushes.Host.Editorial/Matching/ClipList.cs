namespace Rushes.Host.Editorial.Matching;

/// <summary>An <see cref="IClipLookup"/> over clips held in memory.</summary>
public sealed class ClipList(IEnumerable<CandidateClip> clips) : IClipLookup
{
    private readonly CandidateClip[] _clips = [.. clips];

    /// <inheritdoc />
    public IReadOnlyList<CandidateClip> Candidates(string reel)
    {
        ArgumentNullException.ThrowIfNull(reel);
        return [.. _clips.Where(c => StartsWith(c.Reel, reel) || StartsWith(c.ClipName, reel) || StartsWith(c.SourceFileName, reel))];
    }

    private static bool StartsWith(string? name, string prefix) => name is not null && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
