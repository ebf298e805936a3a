using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Cdl;
using Xunit.Abstractions;

namespace Rushes.Plugins.Looks.Tests;

public sealed class CdlTests(ITestOutputHelper output)
{
    private static IPixelProcessor FromFile(string file, string? selector = null, string style = "Fwd", TransformDirection direction = TransformDirection.Forward)
        => Looks.Compile(LooksTransforms.CdlId, Looks.Color(file), direction, selector, ("style", style));

    /// <summary>The CLF specification's ASC_CDL example (standards.md §4.1), which cc0001 of the test files holds.</summary>
    [Theory]
    [InlineData("Fwd", 0.5f, 0.4f, 0.3f, 0.399760, 0.384197, 0.197197)]
    [InlineData("Fwd", 0f, 0f, 0f, 0, 0, 0)]
    [InlineData("Fwd", 1.2f, 0.5f, -0.1f, 1, 0.426873, 0)]
    [InlineData("FwdNoClamp", 0.5f, 0.4f, 0.3f, 0.399760, 0.384197, 0.197197)]
    [InlineData("FwdNoClamp", 0f, 0f, 0f, -0.036523, -0.019523, 0.014477)]
    [InlineData("FwdNoClamp", 1.2f, 0.5f, -0.1f, 1.651774, 0.399152, -0.569848)]
    public void SpecificationVectors(string style, float r, float g, float b, double er, double eg, double eb)
    {
        foreach (var processor in new[] { FromFile("cdl_test2.cc", style: style), FromFile("cdl_test1.ccc", "cc0001", style), FromFile("cdl_test1.cdl", "cc0001", style) })
        {
            var o = Looks.Apply(processor, [r, g, b]);
            Assert.Equal(er, o[0], 5e-6);
            Assert.Equal(eg, o[1], 5e-6);
            Assert.Equal(eb, o[2], 5e-6);
        }
    }

    [Theory]
    [InlineData("cdl_test1.cc", "foo", 0.7)]
    [InlineData("cdl_test_ASC_SAT.cc", "foo", 0.42)]
    [InlineData("cdl_test_ASC_SOP.cc", "foo", 0.42)]
    [InlineData("cdl_test_SATNode.cc", "foo", 0.42)]
    public void CcFilesGiveTheirExactValues(string file, string id, double saturation)
    {
        var cc = CdlFile.Read(Looks.Color(file), null);
        Assert.Equal(id, cc.Id);
        Assert.Equal([1.1, 1.2, 1.3], cc.Slope);
        Assert.Equal([2.1, 2.2, 2.3], cc.Offset);
        Assert.Equal([3.1, 3.2, 3.3], cc.Power);
        Assert.Equal(saturation, cc.Saturation);
    }

    [Theory]
    [InlineData("cdl_test1.ccc")]
    [InlineData("cdl_test1.cdl")]
    public void CollectionsGiveEveryCorrectionInOrder(string file)
    {
        var all = CdlFile.ReadAll(Looks.Color(file));
        Assert.Equal(["cc0001", "cc0002", "cc0003", "", ""], all.Select(c => c.Id));
        Assert.Equal([1.0, 1.0, 0.9], all[0].Slope);
        Assert.Equal([-0.03, -0.02, 0], all[0].Offset);
        Assert.Equal([1.25, 1, 1], all[0].Power);
        Assert.Equal(1.7, all[0].Saturation);
        Assert.Equal([0.9, 0.7, 0.6], all[1].Slope);
        Assert.Equal([0.1, 0.1, 0.1], all[1].Offset);
        Assert.Equal([0.9, 0.9, 0.9], all[1].Power);
        Assert.Equal(0.7, all[1].Saturation);
        Assert.Equal([1.2, 1.1, 1.0], all[2].Slope);
        Assert.Equal([0.9, 1.0, 1.2], all[2].Power);
        Assert.Equal(1.0, all[2].Saturation);
        Assert.Equal(file.EndsWith(".ccc", StringComparison.Ordinal) ? [4.0, 5, 6] : [1.2, 1.1, 1.0], all[3].Slope);
        Assert.Equal([1.0, 1, 1], all[4].Slope);
        Assert.Equal(0, all[4].Saturation);

        // By id, and by position for corrections without one.
        Assert.Equal(all[1], CdlFile.Read(Looks.Color(file), "cc0002"), SameCorrection.Instance);
        Assert.Equal(all[4], CdlFile.Read(Looks.Color(file), "4"), SameCorrection.Instance);
    }

    [Fact]
    public void ARootColorCorrectionIsReadWhateverTheExtension()
    {
        foreach (var file in new[] { "cdl_test_cc_file_with_extension.ccc", "cdl_test_cc_file_with_extension.cdl" })
        {
            var processor = FromFile(file, style: "FwdNoClamp");
            Assert.True(processor.IsIdentity, file);
        }
    }

    [Fact]
    public void AmbiguousOrUnknownSelectionsAreRefusedWithTheChoices()
    {
        var none = Assert.Throws<InputException>(() => FromFile("cdl_test1.ccc"));
        Assert.Contains("holds 5 ColorCorrections", none.Message, StringComparison.Ordinal);
        Assert.Contains("'cc0002'", none.Message, StringComparison.Ordinal);
        Assert.Equal("selector", none.Field);
        var unknown = Assert.Throws<InputException>(() => FromFile("cdl_test1.cdl", "cc0009"));
        Assert.Contains("no ColorCorrection 'cc0009'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadValuesNameTheFileLineAndElement()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rushes-bad-{Guid.NewGuid():N}.cc");
        File.WriteAllText(path, "<ColorCorrection id=\"x\">\n<SOPNode>\n<Slope>1 1 1</Slope>\n<Offset>0 0</Offset>\n<Power>1 1 1</Power>\n</SOPNode>\n</ColorCorrection>\n");
        try
        {
            var error = Assert.Throws<InputException>(() => CdlFile.Read(path, null));
            Assert.Equal($"{path}, line 4, <Offset>: Offset has 2 values; expected three values (R G B).", error.Message);
            File.WriteAllText(path, "<ColorCorrection id=\"x\"><SOPNode><Slope>1 1 1</Slope><Offset>0 0 0</Offset><Power>1 0 1</Power></SOPNode></ColorCorrection>");
            Assert.Contains("not positive", Assert.Throws<InputException>(() => CdlFile.Read(path, null)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InlineParametersMatchTheFile()
    {
        var inline = Looks.Compile(LooksTransforms.CdlId, parameters:
        [
            ("slope-red", "1"), ("slope-green", "1"), ("slope-blue", "0.9"),
            ("offset-red", "-0.03"), ("offset-green", "-0.02"), ("offset-blue", "0"),
            ("power-red", "1.25"), ("power-green", "1"), ("power-blue", "1"),
            ("saturation", "1.7"),
        ]);
        var image = Looks.TestImage(100);
        Assert.Equal(Looks.Apply(FromFile("cdl_test2.cc"), image), Looks.Apply(inline, image));
        Assert.Equal(inline.CacheId, FromFile("cdl_test2.cc").CacheId);
        Assert.NotEqual(inline.CacheId, FromFile("cdl_test2.cc", style: "FwdNoClamp").CacheId);

        var bad = Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.CdlId, parameters: [("slope-red", "-1")]));
        Assert.Equal("slope-red", bad.Field);
        Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.CdlId, parameters: [("power-red", "0")]));
        Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.CdlId, Looks.Color("cdl_test2.cc"), parameters: [("slope-red", "2")]));
    }

    [Theory]
    [InlineData("Fwd", "Rev")]
    [InlineData("FwdNoClamp", "RevNoClamp")]
    public void ForwardThenReverseIsTheIdentity(string forward, string reverse)
    {
        // A grade that keeps [0.1, 0.9] inside [0,1] at every step, so the clamping styles clip nothing;
        // the no-clamp styles invert everywhere, so they run over a wide range with negatives.
        (string, string)[] grade = [("slope-red", "1.1"), ("slope-green", "0.95"), ("slope-blue", "0.9"), ("offset-red", "-0.02"), ("offset-green", "0.03"), ("offset-blue", "0.01"), ("power-red", "1.2"), ("power-green", "0.9"), ("power-blue", "1.05"), ("saturation", "1.15")];
        var wide = forward == "FwdNoClamp";
        var values = Enumerable.Range(0, 17).Select(i => wide ? -0.5f + (i * 0.15f) : 0.1f + (i * 0.05f)).ToArray();
        var image = values.SelectMany(r => values.SelectMany(g => values.SelectMany(b => new[] { r, g, b }))).ToArray();
        var there = Looks.Apply(Looks.Compile(LooksTransforms.CdlId, parameters: [.. grade, ("style", forward)]), image);
        var back = Looks.Apply(Looks.Compile(LooksTransforms.CdlId, parameters: [.. grade, ("style", reverse)]), there);
        var viaInverse = Looks.Apply(Looks.Compile(LooksTransforms.CdlId, direction: TransformDirection.Inverse, parameters: [.. grade, ("style", forward)]), there);
        Assert.Equal(back, viaInverse);

        // Slope, offset and power keep [0.1, 0.9] inside [0,1]; saturation can push a vivid colour
        // out, and the clamped style cannot undo that clip, so those pixels are left out.
        var kept = 0;
        for (var i = 0; i < image.Length; i += 3)
        {
            if (!wide && there.Skip(i).Take(3).Any(v => v is <= 0 or >= 1))
            {
                continue;
            }

            kept++;
            for (var c = i; c < i + 3; c++)
            {
                Assert.True(Looks.Error(back[c], image[c]) <= 1e-5, $"{forward}: {image[c]} came back as {back[c]}");
            }
        }

        Assert.True(kept > image.Length / 3 * 9 / 10, $"only {kept} pixels stayed in range");
    }

    [Fact]
    public void WrittenSidecarsReadBackTheSame()
    {
        var corrections = CdlFile.ReadAll(Looks.Color("cdl_test1.ccc")).Take(3).ToList();
        var directory = Directory.CreateTempSubdirectory("rushes-cdl-");
        try
        {
            var cc = Path.Combine(directory.FullName, "look.cc");
            CdlWriter.Save(CdlWriter.ToCc(corrections[0]), cc);
            Assert.Equal(corrections[0], CdlFile.Read(cc, null), SameCorrection.Instance);
            foreach (var (name, text) in new[] { ("looks.ccc", CdlWriter.ToCcc(corrections)), ("looks.cdl", CdlWriter.ToCdl(corrections)) })
            {
                var path = Path.Combine(directory.FullName, name);
                CdlWriter.Save(text, path);
                Assert.Equal(corrections, CdlFile.ReadAll(path), SameCorrection.Instance);
            }

            Assert.Empty(directory.GetFiles("*.tmp-*"));
            Assert.Contains("xmlns=\"urn:ASC:CDL:v1.01\"", File.ReadAllText(cc), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// OCIO 2.1 applies CDL files with its default CDL style, no-clamp (standards.md §4.1), so they are
    /// compared in FwdNoClamp; the clamping styles are cross-checked through the CLF ASC_CDL files.
    /// </summary>
    [Theory]
    [InlineData("cdl_test1.cc", null)]
    [InlineData("cdl_test2.cc", null)]
    [InlineData("cdl_test_SATNode.cc", null)]
    [InlineData("cdl_test1.ccc", "cc0002")]
    [InlineData("cdl_test1.ccc", "cc0003")]
    [InlineData("cdl_test1.cdl", "cc0001")]
    public void MatchesOcio(string file, string? selector)
    {
        var image = Looks.TestImage();
        var expected = Ocio.Apply(Looks.Color(file), image, cccId: selector);
        var actual = Looks.Apply(FromFile(file, selector, "FwdNoClamp"), image);
        var (error, index) = Looks.MaxError(actual, expected);
        output.WriteLine($"{file} {selector}: max error {error:E2}");
        Assert.True(error <= OcioCrossCheckTests.Tolerance, $"{file} {selector}: {error:E3} at {index}: Rushes {actual[Math.Max(index, 0)]}, OCIO {expected[Math.Max(index, 0)]}");
    }

    private sealed class SameCorrection : IEqualityComparer<ColorCorrection>
    {
        public static readonly SameCorrection Instance = new();

        public bool Equals(ColorCorrection? x, ColorCorrection? y)
            => x is not null && y is not null && x.Id == y.Id && x.Slope.SequenceEqual(y.Slope) && x.Offset.SequenceEqual(y.Offset) && x.Power.SequenceEqual(y.Power) && x.Saturation == y.Saturation;

        public int GetHashCode(ColorCorrection obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
