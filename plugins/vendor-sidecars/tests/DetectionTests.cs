using Rushes.Contracts.CameraFormats;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>Every sample is claimed by content by exactly its own format; names alone claim nothing.</summary>
public sealed class DetectionTests
{
    [Theory]
    [InlineData("venice", "sony-nrt-xml")]
    [InlineData("arri", "arri-meta-extract")]
    [InlineData("red", "red-printmeta")]
    [InlineData("canon", "canon-csv")]
    [InlineData("bmd", "bmd-raw-metadata")]
    public void Each_sample_file_is_claimed_by_its_own_format_only(string vendor, string formatId)
    {
        foreach (var file in Directory.GetFiles(Folder(vendor)).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)))
        {
            var claims = Formats.Where(f => f.Detect(Header(file, f.HeaderSize), "renamed.bin") == DetectionConfidence.Certain).Select(f => f.Id).ToList();
            Assert.Equal([formatId], claims);
        }
    }

    [Fact]
    public void Readmes_licences_and_other_text_are_nobody_s()
    {
        var others = Directory.GetFiles(ConformanceDataRoot(), "*.txt", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is "README.txt" or "LICENSE.txt");
        byte[][] junk = [[], "a,b,c\n1,2,3\n"u8.ToArray(), "<?xml version=\"1.0\"?><clip/>"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]];
        foreach (var format in Formats)
        {
            Assert.All(others, f => Assert.Equal(DetectionConfidence.None, format.Detect(Header(f, format.HeaderSize), "A001C001M01.xml")));
            Assert.All(junk, j => Assert.Equal(DetectionConfidence.None, format.Detect(j, "B001C001_180327_R1ZA.mov.csv")));
        }
    }

    private static string ConformanceDataRoot() => Path.GetDirectoryName(Folder("arri"))!;
}
