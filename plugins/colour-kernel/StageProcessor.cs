using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Rushes.Contracts.Colour;

namespace Rushes.Colour.Kernel;

/// <summary>A compiled, immutable chain of stages; thread-safe to apply.</summary>
internal sealed class StageProcessor : IPixelProcessor
{
    // Interleaved pixels are split into planar chunks of this many pixels so that they take the SIMD
    // path too; 3 × 512 floats fit comfortably on the stack.
    private const int ChunkPixels = 512;

    private readonly Stage[] _stages;

    /// <summary>Makes a processor; <paramref name="name"/> leads the cache id, the stages' constants complete it.</summary>
    public StageProcessor(string name, IReadOnlyList<Stage> stages)
    {
        _stages = [.. stages];
        var content = string.Join('\n', _stages.Select(s => s.Key));
        CacheId = $"{name}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16]}";
        AsMatrix = _stages.All(s => s is MatrixStage)
            ? _stages.Cast<MatrixStage>().Select(s => s.Matrix).Aggregate(ColourMatrix.Identity, ColourMatrix.Compose)
            : null;
        IsIdentity = _stages.Length == 0 || (AsMatrix?.IsIdentity ?? false);
    }

    public string CacheId { get; }

    public bool IsIdentity { get; }

    public ColourMatrix? AsMatrix { get; }

    internal IReadOnlyList<Stage> Stages => _stages;

    public void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        CheckLengths(red, green, blue);
        foreach (var stage in _stages)
        {
            stage.Apply(red, green, blue);
        }
    }

    /// <summary>The same transform with every stage on its scalar path: the reference for the SIMD path.</summary>
    internal void ApplyScalar(Span<float> red, Span<float> green, Span<float> blue)
    {
        CheckLengths(red, green, blue);
        foreach (var stage in _stages)
        {
            stage.ApplyScalar(red, green, blue);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Interleaved pixels have 3 (RGB) or 4 (RGBA) channels.");
        }

        if (pixels.Length % channels != 0)
        {
            throw new ArgumentException($"{pixels.Length} samples are not a whole number of {channels}-channel pixels.", nameof(pixels));
        }

        Span<float> red = stackalloc float[ChunkPixels];
        Span<float> green = stackalloc float[ChunkPixels];
        Span<float> blue = stackalloc float[ChunkPixels];
        var count = pixels.Length / channels;
        for (var start = 0; start < count; start += ChunkPixels)
        {
            var n = Math.Min(ChunkPixels, count - start);
            var chunk = pixels.Slice(start * channels, n * channels);
            for (int i = 0, s = 0; i < n; i++, s += channels)
            {
                red[i] = chunk[s];
                green[i] = chunk[s + 1];
                blue[i] = chunk[s + 2];
            }

            Apply(red[..n], green[..n], blue[..n]);
            for (int i = 0, s = 0; i < n; i++, s += channels)
            {
                chunk[s] = red[i];
                chunk[s + 1] = green[i];
                chunk[s + 2] = blue[i];
            }
        }
    }

    private static void CheckLengths(Span<float> red, Span<float> green, Span<float> blue)
    {
        if (red.Length != green.Length || red.Length != blue.Length)
        {
            throw new ArgumentException("The red, green and blue runs must have equal lengths.", nameof(red));
        }
    }
}
