using Rushes.Contracts.Colour;

namespace Rushes.Host.Colour;

/// <summary>Compiled processors applied one after another; immutable and thread-safe as its members are.</summary>
internal sealed class ChainProcessor(IReadOnlyList<IPixelProcessor> members, string cacheId) : IPixelProcessor
{
    // Interleaved runs are processed in chunks small enough to stay in cache between members.
    private const int ChunkPixels = 4096;

    public IReadOnlyList<IPixelProcessor> Members { get; } = members;

    public string CacheId { get; } = cacheId;

    public bool IsIdentity => Members.Count == 0;

    public ColourMatrix? AsMatrix => Members.Count == 0 ? ColourMatrix.Identity : null;

    public void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        if (red.Length != green.Length || red.Length != blue.Length)
        {
            throw new ArgumentException("The red, green and blue runs must have equal lengths.", nameof(red));
        }

        // Members run over chunks rather than whole runs so that the data stays in cache.
        for (var start = 0; start < red.Length; start += ChunkPixels)
        {
            var n = Math.Min(ChunkPixels, red.Length - start);
            foreach (var member in Members)
            {
                member.Apply(red.Slice(start, n), green.Slice(start, n), blue.Slice(start, n));
            }
        }
    }

    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        PixelRuns.CheckInterleaved(pixels, channels);
        var chunk = ChunkPixels * channels;
        for (var start = 0; start < pixels.Length; start += chunk)
        {
            var run = pixels.Slice(start, Math.Min(chunk, pixels.Length - start));
            foreach (var member in Members)
            {
                member.ApplyInterleaved(run, channels);
            }
        }
    }
}
