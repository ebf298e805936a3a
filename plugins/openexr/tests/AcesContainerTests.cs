using System.Text;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.Deliverable;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;
using Rushes.Testing;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>The ACES image container mode (SMPTE ST 2065-4).</summary>
public sealed class AcesContainerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("rgb")]
    [InlineData("rgba")]
    public void Exrheader_accepts_the_container_with_its_attributes(string channels)
    {
        using var image = TestFrames.Picture(32, 18, channels == "rgba" ? 4 : 3);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("aces-container", "true"), ("compression", "none"), ("channels", channels));

        var header = ExrAssert.Tool("exrheader", path).StandardOutput;
        string[] expected =
        [
            "file format version: 2, flags 0x0",
            "acesImageContainerFlag (type int): 1",
            "adoptedNeutral (type v2f): (0.32168 0.33767)",
            "compression (type compression): none",
            "red   (0.7347 0.2653)",
            "green (0 1)",
            "blue  (0.0001 -0.077)",
            "white (0.32168 0.33767)",
            "B, 16-bit floating-point, sampling 1 1",
            "G, 16-bit floating-point, sampling 1 1",
            "R, 16-bit floating-point, sampling 1 1",
            "lineOrder (type lineOrder): increasing y",
            "pixelAspectRatio (type float): 1",
            "screenWindowCenter (type v2f): (0 0)",
            "screenWindowWidth (type float): 1",
        ];
        Assert.All(expected, line => Assert.Contains(line, header, StringComparison.Ordinal));
        Assert.Equal(channels == "rgba", header.Contains("A, 16-bit floating-point", StringComparison.Ordinal));

        var info = ExrAssert.Tool("oiiotool", "--info", "-v", "--stats", path).StandardOutput;
        Assert.Contains("acesImageContainerFlag: 1", info, StringComparison.Ordinal);
        Assert.Contains("compression: \"none\"", info, StringComparison.Ordinal);

        var back = ExrFileReader.Read(path);
        ExrAssert.SamePixels(image, back, ExrPixelType.Half, channels == "rgba");
        Golden.VerifyText(ExrAssert.Dump(back.Header), $"container-{channels}-header");
    }

    [Fact]
    public void Ap0_and_the_adopted_neutral_are_the_openexr_library_s_own()
    {
        // exr2aces (OpenEXR's ACES file writer) stamps the library's ACES chromaticities and adopted neutral:
        // ours must be the same floats, bit for bit.
        using var image = TestFrames.Picture(16, 8);
        var ours = TestFrames.WriteFrame(_temp.Path, image, 1001, ("aces-container", "true"), ("compression", "none"));
        var theirs = _temp.File("exr2aces.exr");
        ExrAssert.Tool("exr2aces", ours, theirs);

        var ourHeader = ExrFileReader.ReadHeader(ours);
        var theirHeader = ExrFileReader.ReadHeader(theirs);
        Assert.Equal(theirHeader["chromaticities"]!.Value, ourHeader["chromaticities"]!.Value);
        Assert.Equal(theirHeader["adoptedNeutral"]!.Value, ourHeader["adoptedNeutral"]!.Value);
        ExrAssert.SamePixels(image, ExrFileReader.Read(theirs), ExrPixelType.Half, alpha: false);
    }

    [Fact]
    public void Refuses_options_a_container_cannot_have()
    {
        var type = new OpenExrDeliverableType();
        var report = new StringBuilder();
        foreach (var options in new[]
        {
            new[] { ("aces-container", "true"), ("compression", "zip") },
            new[] { ("aces-container", "true"), ("compression", "piz"), ("pixel-type", "float") },
        })
        {
            var problems = type.ValidateOptions(new Rushes.Contracts.Parameters.ParameterValues(options.Select(o => new KeyValuePair<string, string>(o.Item1, o.Item2))));
            report.AppendLine(string.Join(", ", options.Select(o => $"{o.Item1}={o.Item2}")) + ":");
            foreach (var problem in problems)
            {
                report.AppendLine($"  {problem}");
            }
        }

        // The colour encoding is the request's, so it is checked when the writer starts.
        var request = TestFrames.Request(_temp.Path, 8, 8, ("aces-container", "true"), ("compression", "none")) with { ColourEncoding = "Rec.709" };
        var error = Assert.Throws<InputException>(() => type.CreateWriter(request));
        report.AppendLine($"colour encoding Rec.709:\n  {error.ToDiagnostic()}");

        var zip = Assert.Throws<InputException>(() => type.CreateWriter(TestFrames.Request(_temp.Path, 8, 8, ("aces-container", "true"))));
        Assert.Equal("compression", zip.Field);
        Golden.VerifyText(report.ToString(), "refusals");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }
}
