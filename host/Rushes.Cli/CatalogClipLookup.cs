using Rushes.Host.Catalog;
using Rushes.Host.Editorial.Matching;

namespace Rushes.Cli;

/// <summary>
/// The matcher's clips straight from the catalog: each name an EDL asks for is one indexed query, so matching a
/// cut against a show's whole catalog reads only the clips its reels could be. The query may return more than
/// the name could mean; the same filter as <see cref="ClipList"/> then keeps exactly what it would.
/// </summary>
internal sealed class CatalogClipLookup(IClipCatalog catalog, CancellationToken cancellationToken) : IClipLookup
{
    private readonly Dictionary<string, IReadOnlyList<CandidateClip>> _asked = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CandidateClip> Candidates(string reel)
    {
        ArgumentNullException.ThrowIfNull(reel);
        if (!_asked.TryGetValue(reel, out var found))
        {
            // The matcher is synchronous; a command line has no context for the wait to block.
            var records = catalog.SearchAsync(new ClipQuery { Named = reel }, cancellationToken).GetAwaiter().GetResult();
            var clips = records.Select(c => CandidateClip.FromDocument(c.Document, c.Identity, c.Path, c.Frames?.First ?? 0)).OfType<CandidateClip>();
            found = new ClipList(clips).Candidates(reel);
            _asked[reel] = found;
        }

        return found;
    }
}
