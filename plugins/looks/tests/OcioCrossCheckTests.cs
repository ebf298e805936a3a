using Rushes.Plugins.Looks.Clf;
using Xunit.Abstractions;

namespace Rushes.Plugins.Looks.Tests;

/// <summary>
/// Every legal CLF file, the .cube files and the CDL files, applied by Rushes and by OpenColorIO 2.1's
/// ocioconvert to the same generated image; errors are |a − e| / max(1, |e|).
/// </summary>
public sealed class OcioCrossCheckTests(ITestOutputHelper output)
{
    // The bound for non-LUT ops; LUT files meet it too (both sides interpolate the same float
    // tables), so one bound serves all.
    internal const double Tolerance = 1e-5;

    public static TheoryData<string> LegalClfFiles() => [.. ClfConformanceTests.LegalFiles()];

    [Theory]
    [MemberData(nameof(LegalClfFiles))]
    public void LegalClfFileMatchesOcio(string relative)
    {
        var path = Looks.Color("clf", relative);
        var document = ClfReader.Read(path);

        // OCIO 2.1 predates ST 2136-1; for the SMPTE-only files it reads our CLF v3 rewrite instead.
        var forOcio = path;
        string? temporary = null;
        if (relative.StartsWith("smpte_only", StringComparison.Ordinal))
        {
            temporary = Path.Combine(Path.GetTempPath(), $"rushes-looks-{Guid.NewGuid():N}.clf");
            ClfWriter.Save(document.Ops, document.Id, temporary);
            forOcio = temporary;
        }

        try
        {
            var image = Looks.TestImage();
            var expected = Ocio.Apply(forOcio, image);
            var actual = Looks.Apply(Looks.Compile(LooksTransforms.ClfId, path), image);
            var (error, index) = Looks.MaxError(actual, expected);
            output.WriteLine($"{relative}: max error {error:E2}");
            if (error > Tolerance)
            {
                Assert.Fail($"{relative}: max error {error:E3} at value {index} (pixel {index / 3}: in {image[index]}, Rushes {actual[index]}, OCIO {expected[index]})");
            }
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }
}
