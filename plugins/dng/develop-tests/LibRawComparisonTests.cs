using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Xunit.Abstractions;

namespace Rushes.Plugins.Dng.Develop.Tests;

/// <summary>
/// Our demosaic against LibRaw's on the same DNG files: a 16-bit uncompressed mosaic of a synthetic scene
/// with a known truth, written by the test kit and developed by both.
/// </summary>
public sealed class LibRawComparisonTests(ITestOutputHelper output) : IDisposable
{
    // LibRaw's AHD leaves its outer pixels to a cruder border interpolation; compare the interior.
    private const int Border = 8;

    private readonly string _folder = Directory.CreateTempSubdirectory("rushes-demosaic-").FullName;

    public static TheoryData<string> SceneNames() => ["zone plate", "colour edges", "natural"];

    [Theory]
    [MemberData(nameof(SceneNames))]
    public void Our_bilinear_matches_LibRaws_bilinear(string scene)
    {
        var (truth, samples) = Prepare(scene, CfaPattern.Rggb);
        var dng = LibRaw.WriteDng(_folder, "bilinear", samples, truth.Width, truth.Height, CfaPattern.Rggb);
        var libraw = LibRaw.Develop(dng, quality: 0);
        using var mosaic = LibRaw.Mosaic(samples, truth.Width, truth.Height, CfaPattern.Rggb);
        using var ours = Demosaic.Run(mosaic, DemosaicMethod.Bilinear, ResolutionLevel.Full);

        // LibRaw rounds each output to 16 bits; the interpolation is the same, so the interior agrees to a code value.
        var difference = Quality.MaxError(libraw, RgbImage.From(ours), border: 1);
        output.WriteLine($"{scene}: max |ours − LibRaw -q 0| = {difference * 65535:F2} code values");
        Assert.True(difference <= 1.01 / 65535, $"{scene}: bilinear differs from LibRaw's by {difference * 65535:F2} code values");
    }

    [Theory]
    [MemberData(nameof(SceneNames))]
    public void Our_edge_directed_method_is_at_least_as_good_as_LibRaws_AHD(string scene)
    {
        var (truth, samples) = Prepare(scene, CfaPattern.Bggr);
        var dng = LibRaw.WriteDng(_folder, "ahd", samples, truth.Width, truth.Height, CfaPattern.Bggr);
        var ahd = Quality.Psnr(truth, LibRaw.Develop(dng, quality: 3), Border);
        using var mosaic = LibRaw.Mosaic(samples, truth.Width, truth.Height, CfaPattern.Bggr);
        using var ours = Demosaic.Run(mosaic, DemosaicMethod.EdgeDirected, ResolutionLevel.Full);
        var edge = Quality.Psnr(truth, RgbImage.From(ours), Border);

        output.WriteLine($"{scene}: edge-directed {edge:F2} dB, LibRaw AHD {ahd:F2} dB");
        Assert.True(edge >= ahd, $"{scene}: edge-directed {edge:F2} dB is below LibRaw AHD's {ahd:F2} dB");
    }

    private static (RgbImage Truth, ushort[] Samples) Prepare(string scene, CfaPattern pattern)
    {
        var truth = scene switch
        {
            "zone plate" => Scenes.ZonePlate(192, 128),
            "colour edges" => Scenes.ColourEdges(192, 128),
            _ => Scenes.Natural(192, 128),
        };
        return (truth, LibRaw.Quantize(truth, pattern));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
