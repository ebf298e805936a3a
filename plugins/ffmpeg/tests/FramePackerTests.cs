namespace Rushes.Plugins.Ffmpeg.Tests;

/// <summary>The vector quantizer of the 16-bit pipe gives the scalar rule's codes for every kind of sample.</summary>
public sealed class FramePackerTests
{
    [Fact]
    public void Vector_and_scalar_quantization_agree()
    {
        var random = new Random(6);
        var samples = new float[4099];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (i % 9) switch
            {
                0 => float.NaN,
                1 => float.PositiveInfinity,
                2 => float.NegativeInfinity,
                3 => (i % 65536) / 65535f,
                // Exactly halfway between two codes, where rounding direction shows.
                4 => ((i % 65535) + 0.5f) / 65535f,
                5 => -(float)random.NextDouble(),
                6 => 1 + (float)random.NextDouble(),
                _ => (float)random.NextDouble(),
            };
        }

        var codes = new int[samples.Length];
        FramePacker.QuantizeRow(samples, codes);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.True(FramePacker.Quantize(samples[i]) == codes[i], $"sample {i} = {samples[i]:R}: scalar {FramePacker.Quantize(samples[i])}, vector {codes[i]}");
        }

        Assert.Equal([0, 65535, 0, 0, 65535, 65535, 32768], new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.5f, 1.5f, 1f, 0.5f }.Select(v => (int)FramePacker.Quantize(v)));
    }
}
