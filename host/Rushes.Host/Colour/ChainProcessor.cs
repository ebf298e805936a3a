using System.Buffers;
using System.Runtime.CompilerServices;
using Rushes.Contracts.Colour;

namespace Rushes.Host.Colour;

/// <summary>Compiled processors applied one after another; immutable and thread-safe as its members are.</summary>
internal sealed class ChainProcessor(IReadOnlyList<IPixelProcessor> members, string cacheId) : IPixelProcessor
{
    // Runs are processed in chunks small enough to stay in cache from one member to the next.
    private const int ChunkPixels = 4096;

    // Interleaved pixels are split into planes of this many pixels (3 × 4 KiB, in L1/L2).
    private const int PlanarChunk = 1024;

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

    /// <summary>
    /// Splits each chunk into planes once, runs every member on the planes (their SIMD path), and
    /// interleaves the result back, rather than letting each member split and join the pixels again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        PixelRuns.CheckInterleaved(pixels, channels);
        var planes = ArrayPool<float>.Shared.Rent(3 * PlanarChunk);
        try
        {
            var red = planes.AsSpan(0, PlanarChunk);
            var green = planes.AsSpan(PlanarChunk, PlanarChunk);
            var blue = planes.AsSpan(2 * PlanarChunk, PlanarChunk);
            var count = pixels.Length / channels;
            for (var start = 0; start < count; start += PlanarChunk)
            {
                var n = Math.Min(PlanarChunk, count - start);
                var run = pixels.Slice(start * channels, n * channels);
                for (int i = 0, s = 0; i < n; i++, s += channels)
                {
                    red[i] = run[s];
                    green[i] = run[s + 1];
                    blue[i] = run[s + 2];
                }

                foreach (var member in Members)
                {
                    member.Apply(red[..n], green[..n], blue[..n]);
                }

                for (int i = 0, s = 0; i < n; i++, s += channels)
                {
                    run[s] = red[i];
                    run[s + 1] = green[i];
                    run[s + 2] = blue[i];
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(planes);
        }
    }
}
