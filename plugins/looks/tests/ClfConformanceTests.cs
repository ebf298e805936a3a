using System.Globalization;
using System.Text;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Clf;
using Rushes.Plugins.Looks.Ops;
using Rushes.Testing;

namespace Rushes.Plugins.Looks.Tests;

/// <summary>The CLF conformance files: every legal file parses and applies, every illegal one is refused.</summary>
public sealed class ClfConformanceTests
{
    private static readonly string[] LegalFolders = ["", "pre-smpte_only", "smpte_only"];
    private static readonly string[] IllegalFolders = ["illegal", "pre-smpte_only/illegal", "smpte_only/illegal"];

    /// <summary>Every legal CLF file, relative to the conformance clf folder, in ordinal order.</summary>
    public static IEnumerable<string> LegalFiles() => FilesIn(LegalFolders);

    public static IEnumerable<string> IllegalFiles() => FilesIn(IllegalFolders);

    private static IEnumerable<string> FilesIn(string[] folders)
        => folders
            .SelectMany(folder => Directory.GetFiles(Looks.Color("clf", folder), "*.clf").Select(f => Path.Combine(folder, Path.GetFileName(f))))
            .Order(StringComparer.Ordinal);

    private static readonly float[][] Samples = [[0.18f, 0.18f, 0.18f], [0.5f, 0.4f, 0.3f], [1f, 0f, 0f], [0.05f, 0.6f, 0.95f], [-0.1f, 0.002f, 1.2f]];

    [Fact]
    public void ConformanceFolderHoldsTheExpectedFiles()
    {
        Assert.Equal(38, LegalFiles().Count());
        Assert.Equal(44, IllegalFiles().Count());
    }

    [Fact]
    public void EveryLegalFileParsesAndApplies()
    {
        var text = new StringBuilder();
        foreach (var relative in LegalFiles())
        {
            var document = ClfReader.Read(Looks.Color("clf", relative));
            Assert.NotEmpty(document.Ops);
            Assert.Empty(document.Warnings);
            var processor = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", relative));
            text.Append(CultureInfo.InvariantCulture, $"{relative}\n  id {document.Id}, version {document.Version}, {document.Ops.Count} ops\n");
            foreach (var op in document.Ops)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {op.Summary()}\n");
            }

            foreach (var s in Samples)
            {
                var o = Looks.Apply(processor, s);
                Assert.All(o, v => Assert.True(float.IsFinite(v), $"{relative}: {v} from ({s[0]}, {s[1]}, {s[2]})"));
                text.Append(CultureInfo.InvariantCulture, $"  ({s[0]:G4}, {s[1]:G4}, {s[2]:G4}) -> ({o[0]:G6}, {o[1]:G6}, {o[2]:G6})\n");
            }
        }

        Golden.VerifyText(text.ToString(), "legal");
    }

    [Fact]
    public void EveryIllegalFileIsRejectedWithAReasonNamingFileAndLine()
    {
        var text = new StringBuilder();
        var root = Looks.Color("clf") + Path.DirectorySeparatorChar;
        foreach (var relative in IllegalFiles())
        {
            var path = Looks.Color("clf", relative);
            if (relative == Path.Combine("illegal", "unknown_elements.clf"))
            {
                // The spec lets a reader warn about unknown elements instead of refusing them.
                var document = ClfReader.Read(path);
                Assert.Equal(3, document.Warnings.Count);
                text.Append(CultureInfo.InvariantCulture, $"{relative}: loads with {document.Warnings.Count} warnings\n");
                foreach (var warning in document.Warnings)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {warning.Replace(root, string.Empty, StringComparison.Ordinal)}\n");
                }

                continue;
            }

            var error = Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.ClfId, path));
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
            Assert.Contains(", line ", error.Message, StringComparison.Ordinal);
            Assert.Equal(path, error.File);
            Assert.False(string.IsNullOrEmpty(error.Field));
            text.Append(CultureInfo.InvariantCulture, $"{relative}: {error.Message.Replace(root, string.Empty, StringComparison.Ordinal)} [field {error.Field}]\n");
        }

        Golden.VerifyText(text.ToString(), "illegal");
    }

    public static TheoryData<string> Legal() => [.. LegalFiles()];

    [Theory]
    [MemberData(nameof(Legal))]
    public void WriteThenReadGivesTheSameOps(string relative)
    {
        var ops = ClfReader.Read(Looks.Color("clf", relative)).Ops;
        var written = ClfWriter.Write(ops, "round-trip");
        var again = ClfReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(written)), "written.clf");
        Assert.Equal(ops.Select(o => o.Summary()), again.Ops.Select(o => o.Summary()));
        Assert.True(ops.Zip(again.Ops).All(p => SameValues(p.First, p.Second)), relative);
        Assert.Equal(written, ClfWriter.Write(again.Ops, "round-trip"));

        var image = Looks.TestImage(50);
        Assert.Equal(
            Looks.Apply(Processing.LookCompiler.Compile(ops), image),
            Looks.Apply(Processing.LookCompiler.Compile(again.Ops), image));
    }

    private static bool SameValues(LookOp a, LookOp b) => (a, b) switch
    {
        (MatrixOp x, MatrixOp y) => x.Coefficients.SequenceEqual(y.Coefficients) && x.Offset.SequenceEqual(y.Offset),
        (Lut1DOp x, Lut1DOp y) => x.Size == y.Size && x.HalfDomain == y.HalfDomain && x.Values.SequenceEqual(y.Values),
        (Lut3DOp x, Lut3DOp y) => x.Size == y.Size && x.Interpolation == y.Interpolation && x.Values.SequenceEqual(y.Values),
        (CdlOp x, CdlOp y) => x.Style == y.Style && x.Slope.SequenceEqual(y.Slope) && x.Offset.SequenceEqual(y.Offset) && x.Power.SequenceEqual(y.Power) && x.Saturation == y.Saturation,
        (LogOp x, LogOp y) => x.Style == y.Style && x.Channels.SequenceEqual(y.Channels),
        (ExponentOp x, ExponentOp y) => x.Style == y.Style && x.Exponent.SequenceEqual(y.Exponent) && x.Offset.SequenceEqual(y.Offset),
        (RangeOp x, RangeOp y) => x == y,
        _ => false,
    };

    /// <summary>Files whose descriptions state the function they tabulate: the LUTs must reproduce it.</summary>
    [Theory]
    [InlineData("lut1d_32f_example.clf", 2e-4)]
    [InlineData("inverseOf_id_test.clf", 2e-3)]
    [InlineData("lut1d_long.clf", 2e-3)]
    [InlineData("lut1d_half_domain_raw_half_set.clf", 2e-3)]
    [InlineData("xyz_to_rgb.clf", 1e-2)]
    public void LutsReproduceTheFunctionsTheirFilesDescribe(string file, double tolerance)
    {
        Func<double, int, double> function = file switch
        {
            // "Basic Lut1D example, formula: 1.25 - 1.5 * x^2.2"
            "lut1d_32f_example.clf" => (x, _) => 1.25 - (1.5 * Math.Pow(x, 2.2)),
            // "Function is 1023 * x^0.45", 10i in and out
            "inverseOf_id_test.clf" => (x, _) => Math.Pow(x, 0.45),
            // "Very long Lut1D test (x^2.2 * 1.3 - 0.007)", 16f out
            "lut1d_long.clf" => (x, _) => (Math.Pow(x, 2.2) * 1.3) - 0.007,
            // "Function is sign(x)*(abs(x)^0.45) - 0.1", half domain
            "lut1d_half_domain_raw_half_set.clf" => (x, _) => (Math.Sign(x) * Math.Pow(Math.Abs(x), 0.45)) - 0.1,
            // After the XYZ→sRGB matrix and a [0,1] clamp: "x^1/1.8, with 0.95 and 0.9 scaling for G and B"
            _ => (x, c) => Math.Pow(x, 1 / 1.8) * (c == 0 ? 1 : c == 1 ? 0.95 : 0.9),
        };
        var processor = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", file));
        var inputs = file == "lut1d_half_domain_raw_half_set.clf"
            ? new[] { -2f, -0.5f, -0.01f, 0.001f, 0.18f, 0.5f, 1f, 4f, 100f }
            : [0.1f, 0.18f, 0.33f, 0.5f, 0.77f, 0.99f];
        foreach (var x in inputs)
        {
            if (file == "xyz_to_rgb.clf")
            {
                // Skip the matrix by feeding XYZ that maps to a neutral sRGB value x: D65 white scaled by x.
                var xyz = new[] { 0.95047f * x, 1.0f * x, 1.08883f * x };
                var rgb = Looks.Apply(processor, xyz);
                for (var c = 0; c < 3; c++)
                {
                    Assert.True(Math.Abs(rgb[c] - function(x, c)) <= tolerance, $"{file} channel {c} at {x}: {rgb[c]} vs {function(x, c)}");
                }

                continue;
            }

            var o = Looks.Apply(processor, [x, x, x]);
            var expected = function(x, 0);
            Assert.True(Math.Abs(o[0] - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{file} at {x}: {o[0]} vs {expected}");
        }
    }

    [Fact]
    public void BitDepthsScaleParametersOnly()
    {
        // An 8i→16i identity matrix, a 16i identity LUT and a 16i identity matrix: an identity overall.
        var identity = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "bit_depth_identity.clf"));
        var image = Looks.TestImage(20).Select(v => Math.Clamp(v, 0f, 1f)).ToArray();
        Assert.True(Looks.MaxError(Looks.Apply(identity, image), image).Error <= 1e-6);

        // range_test1_clamp: 8i [16, 240] → 32f [−0.5, 2], clamped.
        var range = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "range_test1_clamp.clf"));
        var output = Looks.Apply(range, [16 / 255f, 128 / 255f, 1f]);
        Assert.Equal(-0.5, output[0], 6);
        Assert.Equal(-0.5 + (2.5 * (128 - 16) / 224.0), output[1], 6);
        Assert.Equal(2, output[2], 6);
    }

    [Fact]
    public void Lut3DAsMatrixMatchesTheMatrixInsideItsDomain()
    {
        // "equivalent (on its limited domain) to a matrix multiply from linear ap0 to linear rec 709"
        var lut = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "lut3d_as_matrix.clf"));
        var at = (float r, float g, float b) => Looks.Apply(lut, [r, g, b]);
        var red = at(1, 0, 0);
        var green = at(0, 1, 0);
        var blue = at(0, 0, 1);
        var mixed = at(0.25f, 0.5f, 0.125f);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal((0.25 * red[c]) + (0.5 * green[c]) + (0.125 * blue[c]), mixed[c], 3);
        }
    }

    [Fact]
    public void XmlEntitiesAndDtdsAreRefused()
    {
        var xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE ProcessList [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <ProcessList id="x" compCLFversion="3.0"><Description>&secret;</Description>
            <Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="3 3">1 0 0 0 1 0 0 0 1</Array></Matrix></ProcessList>
            """;
        var error = Assert.Throws<InputException>(() => ClfReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xxe)), "xxe.clf"));
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArraySizesAreBoundedBeforeAllocation()
    {
        var huge = """<ProcessList id="x" compCLFversion="3.0"><LUT3D inBitDepth="32f" outBitDepth="32f"><Array dim="4096 4096 4096 3">0</Array></LUT3D></ProcessList>""";
        var error = Assert.Throws<InputException>(() => ClfReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(huge)), "huge.clf"));
        Assert.Contains("at most 129", error.Message, StringComparison.Ordinal);
        var long1D = """<ProcessList id="x" compCLFversion="3.0"><LUT1D inBitDepth="32f" outBitDepth="32f"><Array dim="2000000000 3">0</Array></LUT1D></ProcessList>""";
        Assert.Throws<InputException>(() => ClfReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(long1D)), "long.clf"));
    }
}
