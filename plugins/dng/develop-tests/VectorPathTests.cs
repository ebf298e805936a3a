using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop.Tests;

[CollectionDefinition(nameof(VectorPathTests), DisableParallelization = true)]
public sealed class VectorPathCollection;

/// <summary>The SIMD path of the edge-directed method computes what the scalar path computes.</summary>
[Collection(nameof(VectorPathTests))]
public sealed class VectorPathTests
{
    [Theory]
    [InlineData("RGGB", 61, 37)]
    [InlineData("GBRG", 64, 40)]
    [InlineData("BGGR", 2, 9)]
    public void Vector_and_scalar_paths_agree(string pattern, int width, int height)
    {
        var truth = Scenes.Natural(width, height);
        using var mosaic = truth.Mosaic(CfaPattern.Parse(pattern));
        using var vector = Demosaic.Run(mosaic, DemosaicMethod.EdgeDirected, ResolutionLevel.Full);
        try
        {
            EdgeDirectedDemosaic.UseVectors = false;
            using var scalar = Demosaic.Run(mosaic, DemosaicMethod.EdgeDirected, ResolutionLevel.Full);
            Assert.InRange(Quality.MaxError(RgbImage.From(scalar), RgbImage.From(vector), border: 0), 0, 1e-5);
        }
        finally
        {
            EdgeDirectedDemosaic.UseVectors = true;
        }
    }
}
