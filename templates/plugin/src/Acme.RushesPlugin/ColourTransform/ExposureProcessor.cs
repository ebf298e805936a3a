using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Rushes.Contracts.Colour;

namespace Acme.RushesPlugin.ColourTransform;

/// <summary>
/// A compiled exposure change: multiplies R, G and B by one gain. Immutable, so the host may call
/// it from every core at once. The loops run over <see cref="Vector{T}"/> lanes, with a scalar tail.
/// </summary>
internal sealed class ExposureProcessor : IPixelProcessor
{
    private readonly double _gain;
    private readonly float _gainF;
    private readonly Vector<float> _gainVector;

    // Gain on R, G and B lanes and 1 on A lanes. Vector<float>.Count is a multiple of 4 on every
    // platform .NET runs on, so each vector covers whole RGBA pixels.
    private readonly Vector<float> _rgbaGainVector;

    public ExposureProcessor(double stops)
    {
        _gain = Math.Pow(2, stops);
        _gainF = (float)_gain;
        _gainVector = new Vector<float>(_gainF);
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = i % 4 == 3 ? 1f : _gainF;
        }

        _rgbaGainVector = new Vector<float>(lanes);
    }

    // Equal gains compute the same thing, whatever the stops and direction that led to them.
    public string CacheId => string.Create(CultureInfo.InvariantCulture, $"{ExposureTransformProvider.TransformId};gain={_gain:R}");

    public bool IsIdentity => _gain == 1.0;

    public ColourMatrix? AsMatrix => new([_gain, 0, 0, 0, _gain, 0, 0, 0, _gain]);

    public void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        if (red.Length != green.Length || red.Length != blue.Length)
        {
            throw new ArgumentException($"The planes have {red.Length}, {green.Length} and {blue.Length} samples; they must be equal.", nameof(red));
        }

        Scale(red);
        Scale(green);
        Scale(blue);
    }

    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), $"Interleaved pixels have 3 (RGB) or 4 (RGBA) channels, not {channels}.");
        }

        if (pixels.Length % channels != 0)
        {
            throw new ArgumentException($"{pixels.Length} samples are not a whole number of {channels}-channel pixels.", nameof(pixels));
        }

        if (channels == 3)
        {
            // Every sample is a colour sample.
            Scale(pixels);
            return;
        }

        var done = 0;
        if (Vector<float>.Count % 4 == 0)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(pixels);
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] *= _rgbaGainVector;
            }

            done = vectors.Length * Vector<float>.Count;
        }

        for (var i = done; i < pixels.Length; i += 4)
        {
            pixels[i] *= _gainF;
            pixels[i + 1] *= _gainF;
            pixels[i + 2] *= _gainF;
        }
    }

    private void Scale(Span<float> values)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] *= _gainVector;
        }

        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            values[i] *= _gainF;
        }
    }
}
