using Rushes.Contracts.Colour;

namespace Rushes.Plugins.AcesOutput.Tests;

internal static class TestSupport
{
    public static readonly AcesOutputTransforms Provider = new();

    public static IPixelProcessor Compile(string id, TransformDirection direction = TransformDirection.Forward)
        => Provider.Compile(new TransformDescription { TransformId = id, Direction = direction });

    public static (float R, float G, float B) ApplyOne(IPixelProcessor processor, float r, float g, float b)
    {
        Span<float> red = [r];
        Span<float> green = [g];
        Span<float> blue = [b];
        processor.Apply(red, green, blue);
        return (red[0], green[0], blue[0]);
    }

    /// <summary>The conformance data's rule: absolute error below 1, relative above; NaN equals NaN.</summary>
    public static double Error(double actual, double expected)
        => actual == expected || (double.IsNaN(actual) && double.IsNaN(expected)) ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1);
}
