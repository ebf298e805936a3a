using System.Globalization;
using System.Text;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Clf;
using Rushes.Plugins.Looks.Cube;
using Rushes.Plugins.Looks.Ops;
using Rushes.Plugins.Looks.Processing;
using Rushes.Testing;
using Xunit.Abstractions;

namespace Rushes.Plugins.Looks.Tests;

public sealed class ProcessorTests(ITestOutputHelper output)
{
    /// <summary>An invertible chain with every analytic op kind and a monotonic LUT1D.</summary>
    private static IReadOnlyList<LookOp> InvertibleChain() =>
    [
        new MatrixOp([0.9, 0.05, 0.05, 0.02, 0.95, 0.03, 0.01, 0.04, 0.95], [0.01, 0.02, 0.03]),
        new ExponentOp(ExponentStyle.MonCurveRev, [2.4, 2.2, 2.6], [0.055, 0.099, 0.1]),
        new LogOp(LogStyle.CameraLinToLog, [.. Enumerable.Repeat(new LogParams(2, 0.05707762557, 0.5547945205, 1, 0, 0.0078125, null), 3)]),
        new CdlOp([1.1, 0.95, 0.9], [-0.02, 0.03, 0.01], [1.2, 0.9, 1.05], 1.1, CdlStyle.FwdNoClamp),
        new RangeOp(0, 1, 0.05, 0.95, Clamp: false),
        new Lut1DOp([.. Enumerable.Range(0, 33).SelectMany(i => new[] { MathF.Pow(i / 32f, 0.8f), MathF.Pow(i / 32f, 1.1f), i / 32f })], 33, HalfDomain: false),
        new LogOp(LogStyle.LogToLin, [new LogParams(10, 0.3, 0.6, 0.9, 0.05, null, null), new LogParams(10, 0.25, 0.4, 5, 0.05, null, null), new LogParams(10, 0.28, 0.5, 2, 0.1, null, null)]),
    ];

    private static float[] PositiveGrid()
    {
        var values = Enumerable.Range(0, 12).Select(i => 0.02f + (i * 0.08f)).ToArray();
        return [.. values.SelectMany(r => values.SelectMany(g => values.SelectMany(b => new[] { r, g, b })))];
    }

    [Fact]
    public void ForwardThenInverseIsTheIdentity()
    {
        var ops = InvertibleChain();
        var image = PositiveGrid();
        var there = Looks.Apply(LookCompiler.Compile(ops), image);
        var back = Looks.Apply(LookCompiler.Compile(OpInverse.Invert(ops, "chain")), there);
        var (error, index) = Looks.MaxError(back, image);
        Assert.True(error <= 1e-5, $"{error:E3} at {index}: {image[index]} came back as {back[index]}");
    }

    [Fact]
    public void InverseMatchesOcio()
    {
        // The chain without its LUT1D is written as CLF and inverted by OCIO (its FileTransform direction).
        var ops = InvertibleChain().Where(o => o is not Lut1DOp).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"rushes-{Guid.NewGuid():N}.clf");
        ClfWriter.Save(ops, "inverse-check", path);
        try
        {
            var image = Looks.Apply(LookCompiler.Compile(ops), PositiveGrid());
            var expected = Ocio.Apply(path, image, inverse: true);
            var actual = Looks.Apply(Looks.Compile(LooksTransforms.ClfId, path, TransformDirection.Inverse), image);
            var (error, index) = Looks.MaxError(actual, expected);
            output.WriteLine($"inverse chain: max error {error:E2}");
            Assert.True(error <= OcioCrossCheckTests.Tolerance, $"{error:E3} at {index}: Rushes {actual[index]}, OCIO {expected[index]}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EdgeParametersFollowTheirLimits()
    {
        // monCurve with exponent 1: the toe's break runs to infinity, leaving the line x/(1+k), as OCIO 2.1 computes.
        var line = LookCompiler.Compile([new ExponentOp(ExponentStyle.MonCurveFwd, [1, 1, 1], [0.5, 0.5, 0.5])]);
        Assert.Equal([-1 / 3f, 0f, 2 / 3f], Looks.Apply(line, [-0.5f, 0f, 1f]));
        var back = LookCompiler.Compile([new ExponentOp(ExponentStyle.MonCurveRev, [1, 1, 1], [0.5, 0.5, 0.5])]);
        Assert.Equal([-0.5f, 0f, 1f], Looks.Apply(back, [-1 / 3f, 0f, 2 / 3f]));

        // A CDL that flattens everything (saturation 0) has no reverse.
        var error = Assert.Throws<InputException>(() => LookCompiler.Compile([new CdlOp([1, 1, 1], [0, 0, 0], [1, 1, 1], 0, CdlStyle.Rev)]));
        Assert.Contains("cannot run in reverse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lut3DCannotBeInverted()
    {
        var error = Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "lut3d_bizarre.clf"), TransformDirection.Inverse));
        Assert.Contains("3D LUT has no exact inverse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AffineNeighboursFuseAndIdentitiesDrop()
    {
        var fused = LookCompiler.Compile([
            new MatrixOp([2, 0, 0, 0, 2, 0, 0, 0, 2], [0, 0, 0]),
            new RangeOp(0, 1, 0, 0.5, Clamp: false),
            new MatrixOp([1, 0, 0, 0, 1, 0, 0, 0, 1], [0.25, 0.25, 0.25]),
        ]);
        Assert.Single(fused.Stages);
        Assert.True(fused.AsMatrix!.Equals(new ColourMatrix([1, 0, 0, 0, 1, 0, 0, 0, 1], [0.25, 0.25, 0.25]), 1e-12));

        // bit_depth_identity.clf: the 8i→16i and 16i matrices are identities once normalised.
        var identity = (LookProcessor)Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "bit_depth_identity.clf"));
        Assert.Equal([typeof(Lut1DStage)], identity.Stages.Select(s => s.GetType()));
        Assert.Null(identity.AsMatrix);

        Assert.True(LookCompiler.Compile([CdlOp.Identity(CdlStyle.FwdNoClamp)]).IsIdentity);
        Assert.False(LookCompiler.Compile([CdlOp.Identity(CdlStyle.Fwd)]).IsIdentity);
        Assert.True(Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "matrix_example_utf8.clf")).AsMatrix is not null);
    }

    [Theory]
    [InlineData("multiple_ops.clf")]
    [InlineData("aces_to_video_with_look.clf")]
    [InlineData("matrix_3x4_example.clf")]
    [InlineData("cdl_all_styles.clf")]
    public void InterleavedAndBandedRunsMatchPlanar(string file)
    {
        var processor = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", file));
        foreach (var count in new[] { 0, 1, 7, 8, 9, 31, 257, 1000 })
        {
            var image = Looks.TestImage(count)[^(count * 3)..];
            var planar = Looks.Apply(processor, image);
            var rgb = (float[])image.Clone();
            processor.ApplyInterleaved(rgb, 3);
            Assert.Equal(planar, rgb);

            var rgba = new float[count * 4];
            for (var i = 0; i < count; i++)
            {
                (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = (image[i * 3], image[(i * 3) + 1], image[(i * 3) + 2], i + 0.5f);
            }

            processor.ApplyInterleaved(rgba, 4);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(planar[(i * 3)..((i * 3) + 3)], rgba[(i * 4)..((i * 4) + 3)]);
                Assert.Equal(i + 0.5f, rgba[(i * 4) + 3]);
            }

            // Bands of rows on many threads at once, as the host runs it.
            var banded = (float[])image.Clone();
            var band = 3 * 37;
            Parallel.For(0, (banded.Length + band - 1) / band, b =>
            {
                var run = banded.AsSpan(b * band, Math.Min(band, banded.Length - (b * band)));
                processor.ApplyInterleaved(run, 3);
            });
            Assert.Equal(planar, banded);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => processor.ApplyInterleaved(new float[4], 2));
        Assert.Throws<ArgumentException>(() => processor.ApplyInterleaved(new float[5], 3));
        Assert.Throws<ArgumentException>(() => processor.Apply(new float[2], new float[2], new float[3]));
    }

    [Fact]
    public void SimdPathsMatchDoublePrecision()
    {
        var matrix = new ColourMatrix([1.2, -0.1, -0.1, 0.05, 0.9, 0.05, -0.02, 0.01, 1.01], [0.01, -0.02, 0.03]);
        var stage = new MatrixStage(matrix);
        var cdl = new CdlOp([1.1, 0.9, 1.0], [0.01, -0.02, 0.03], [1.2, 0.8, 1], 1.3, CdlStyle.Fwd);
        var cdlStage = new CdlStage(cdl);
        foreach (var count in Enumerable.Range(0, 40))
        {
            var random = new Random(count);
            float[] r = [.. Enumerable.Range(0, count).Select(_ => (float)random.NextDouble())];
            float[] g = [.. Enumerable.Range(0, count).Select(_ => (float)random.NextDouble())];
            float[] b = [.. Enumerable.Range(0, count).Select(_ => (float)random.NextDouble())];
            float[] r2 = [.. r], g2 = [.. g], b2 = [.. b];
            stage.Apply(r2, g2, b2);
            float[] r3 = [.. r], g3 = [.. g], b3 = [.. b];
            cdlStage.Apply(r3, g3, b3);
            for (var i = 0; i < count; i++)
            {
                var (er, eg, eb) = matrix.Apply(r[i], g[i], b[i]);
                Assert.True(Math.Abs(r2[i] - er) < 1e-6 && Math.Abs(g2[i] - eg) < 1e-6 && Math.Abs(b2[i] - eb) < 1e-6, $"matrix, {count} pixels, at {i}");

                // The CDL: clamp(slope·x + offset)^power, then saturation about Rec.709 luma, clamped.
                double[] sop = [Math.Pow(Math.Clamp((r[i] * 1.1) + 0.01, 0, 1), 1.2), Math.Pow(Math.Clamp((g[i] * 0.9) - 0.02, 0, 1), 0.8), Math.Clamp(b[i] + 0.03, 0, 1)];
                var luma = (0.2126 * sop[0]) + (0.7152 * sop[1]) + (0.0722 * sop[2]);
                double[] expected = [.. sop.Select(v => Math.Clamp(luma + (1.3 * (v - luma)), 0, 1))];
                Assert.True(Math.Abs(r3[i] - expected[0]) < 1e-6 && Math.Abs(g3[i] - expected[1]) < 1e-6 && Math.Abs(b3[i] - expected[2]) < 1e-6, $"cdl, {count} pixels, at {i}");
            }
        }
    }

    [Fact]
    public void CacheIdsFollowContent()
    {
        var a = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "lut3d_bizarre.clf"));
        var b = Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "lut3d_bizarre.clf"));
        Assert.Equal(a.CacheId, b.CacheId);
        // tabulation_support.clf holds the same LUT written with tabs: same content, same id.
        Assert.Equal(a.CacheId, Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "tabulation_support.clf")).CacheId);
        Assert.NotEqual(a.CacheId, Looks.Compile(LooksTransforms.ClfId, Looks.Color("clf", "lut3d_17x17x17_10i_12i.clf")).CacheId);
        Assert.NotEqual(
            Looks.Compile(LooksTransforms.CubeId, Looks.Color("iridas_3d.cube"), parameters: ("interpolation", "trilinear")).CacheId,
            Looks.Compile(LooksTransforms.CubeId, Looks.Color("iridas_3d.cube"), parameters: ("interpolation", "tetrahedral")).CacheId);
        Assert.StartsWith("looks:", a.CacheId, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderRefusesWhatItCannotCompile()
    {
        var unknown = Assert.Throws<InputException>(() => Looks.Compile("org.rushes.look.lut"));
        Assert.Contains("'org.rushes.look.cube'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("transformId", unknown.Field);
        Assert.Equal("file", Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.ClfId)).Field);
        Assert.Contains("no such CLF file", Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.ClfId, "/nonexistent/look.clf")).Message, StringComparison.Ordinal);
        Assert.Equal("interpolation", Assert.Throws<InputException>(() => Looks.Compile(LooksTransforms.CubeId, Looks.Color("iridas_3d.cube"), parameters: ("interpolation", "cubic"))).Field);
        Assert.Throws<InputException>(() => ClfWriter.Write(OpInverse.Invert([new Lut1DOp([0, 0, 0, 1, 1, 1], 2, false)], "x"), "x"));
    }

    [Fact]
    public void GoldenDescription()
    {
        var text = new StringBuilder();
        var provider = Looks.Provider;
        text.Append(CultureInfo.InvariantCulture, $"provider {provider.Id}: {provider.DisplayName}\n");
        foreach (var (name, values) in provider.Capabilities.Features)
        {
            text.Append(CultureInfo.InvariantCulture, $"capability {name}: {string.Join(", ", values)}\n");
        }

        foreach (var t in provider.Transforms)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{t.Id} ({t.Category}, invertible {t.Invertible}, requires file {t.RequiresFile})\n  aliases: {string.Join(" | ", t.Aliases)}\n  {t.Description}\n");
            foreach (var p in t.Parameters)
            {
                text.Append(CultureInfo.InvariantCulture, $"  parameter {p.Name}: {p.Type}, default {p.Default}{(p.Minimum is { } min ? $", min {min}" : string.Empty)}{(p.Choices.Count > 0 ? $", one of {string.Join("/", p.Choices.Select(c => c.Value))}" : string.Empty)}\n");
            }
        }

        text.Append("\nparsed files\n");
        foreach (var cube in new[] { "iridas_1d.cube", "iridas_3d.cube", "resolve_1d3d.cube" })
        {
            text.Append(CultureInfo.InvariantCulture, $"{cube}\n");
            foreach (var op in CubeReader.Read(Looks.Color(cube), Interpolation.Tetrahedral))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {op.Summary()}\n");
            }
        }

        foreach (var cdl in new[] { "cdl_test1.cc", "cdl_test1.ccc", "cdl_test1.cdl", "cdl_test_ASC_SOP.cc" })
        {
            text.Append(CultureInfo.InvariantCulture, $"{cdl}\n");
            foreach (var c in Cdl.CdlFile.ReadAll(Looks.Color(cdl)))
            {
                text.Append(CultureInfo.InvariantCulture, $"  '{c.Id}': {c.ToOp(CdlStyle.Fwd).Summary()}\n");
            }
        }

        Golden.VerifyText(text.ToString(), "provider");
    }
}
