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

    // OCIO's results for every file, computed once with several ocioconvert processes at a time:
    // each run is mostly process start-up, so running them side by side keeps the suite quick.
    private static readonly Lazy<IReadOnlyDictionary<string, float[]>> OcioResults = new(() =>
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, float[]>();
        Parallel.ForEach(ClfConformanceTests.LegalFiles(), new ParallelOptions { MaxDegreeOfParallelism = 4 }, relative => results[relative] = RunOcio(relative));
        return results;
    });

    [Theory]
    [MemberData(nameof(LegalClfFiles))]
    public void LegalClfFileMatchesOcio(string relative)
    {
        var path = Looks.Color("clf", relative);
        var image = Looks.TestImage();
        var expected = OcioResults.Value[relative];
        var actual = Looks.Apply(Looks.Compile(LooksTransforms.ClfId, path), image);
        var (error, index) = Looks.MaxError(actual, expected);
        output.WriteLine($"{relative}: max error {error:E2}");
        if (error > Tolerance)
        {
            Assert.Fail($"{relative}: max error {error:E3} at value {index} (pixel {index / 3}: in {image[index]}, Rushes {actual[index]}, OCIO {expected[index]})");
        }
    }

    private static float[] RunOcio(string relative)
    {
        var path = Looks.Color("clf", relative);

        // OCIO 2.1 predates ST 2136-1; for the SMPTE-only files it reads our CLF v3 rewrite instead.
        if (!relative.StartsWith("smpte_only", StringComparison.Ordinal))
        {
            return Ocio.Apply(path, Looks.TestImage());
        }

        var document = ClfReader.Read(path);
        var temporary = Path.Combine(Path.GetTempPath(), $"rushes-looks-{Guid.NewGuid():N}.clf");
        ClfWriter.Save(document.Ops, document.Id, temporary);
        try
        {
            return Ocio.Apply(temporary, Looks.TestImage());
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
