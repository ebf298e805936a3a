namespace Rushes.Host.Editorial.Matching;

/// <summary>Where the matcher finds clips: a catalog, or <see cref="ClipList"/> in memory.</summary>
public interface IClipLookup
{
    /// <summary>
    /// Every clip that might be <paramref name="reel"/>: those whose reel, clip name or source file name
    /// starts with it, ignoring case. The matcher decides among them, so returning more is safe; returning
    /// fewer loses matches. (A prefix search keeps Avid's 8-character reels finding their long names.)
    /// </summary>
    IReadOnlyList<CandidateClip> Candidates(string reel);
}
