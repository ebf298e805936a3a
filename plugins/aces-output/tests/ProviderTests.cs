using System.Globalization;
using System.Text;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Testing;
using static Rushes.Plugins.AcesOutput.Tests.TestSupport;

namespace Rushes.Plugins.AcesOutput.Tests;

public sealed class ProviderTests
{
    [Fact]
    public void UnknownIdsNameTheNearestKnownIds()
    {
        var error = Assert.Throws<InputException>(() => Compile("urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0"));
        Assert.Contains("'urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3'", error.Message, StringComparison.Ordinal);
        Assert.Equal("transformId", error.Field);
    }

    [Fact]
    public void EveryTransformIsAnInvertibleOutputWithUniqueNames()
    {
        Assert.All(Provider.Transforms, t =>
        {
            Assert.Equal(TransformCategory.Output, t.Category);
            Assert.True(t.Invertible);
        });
        var names = Provider.Transforms.SelectMany(t => t.Aliases.Prepend(t.Id)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(10 + (2 * (3 + (3 * 4) + 1)) + 16 + 31, Provider.Transforms.Count);
    }

    [Fact]
    public void AliasesAndIdsCompileToTheSameProcessor()
    {
        var byAlias = Compile("ACES 1.0 Output - Rec.709");
        var byId = Compile("urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3");
        Assert.Equal(byId.CacheId, byAlias.CacheId);
        Assert.NotEqual(byId.CacheId, Compile("ACES 1.0 Output - Rec.709", TransformDirection.Inverse).CacheId);
        Assert.Null(byId.AsMatrix);
        Assert.False(byId.IsIdentity);
    }

    [Fact]
    public void InverseIdsAreTheInverseOfTheirForwardIds()
    {
        float[] a = [0.4f, 0.3f, 0.2f];
        float[] b = [.. a];
        Compile("urn:ampas:aces:transformId:v2.0:InvOutput.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1").ApplyInterleaved(a, 3);
        Compile("urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1", TransformDirection.Inverse).ApplyInterleaved(b, 3);
        Assert.Equal(b, a);
    }

    [Fact]
    public void PlanarInterleavedRgbAndRgbaAgree()
    {
        var random = new Random(7);
        foreach (var t in Provider.Transforms.Where((_, i) => i % 5 == 0))
        {
            var processor = Compile(t.Id);
            const int n = 37;
            var rgb = Enumerable.Range(0, n * 3).Select(_ => (float)(random.NextDouble() * 4)).ToArray();
            float[] r = [.. Enumerable.Range(0, n).Select(i => rgb[i * 3])];
            float[] g = [.. Enumerable.Range(0, n).Select(i => rgb[(i * 3) + 1])];
            float[] b = [.. Enumerable.Range(0, n).Select(i => rgb[(i * 3) + 2])];
            var rgba = new float[n * 4];
            for (var i = 0; i < n; i++)
            {
                (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = (rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2], 0.5f + i);
            }

            processor.Apply(r, g, b);
            processor.ApplyInterleaved(rgb, 3);
            processor.ApplyInterleaved(rgba, 4);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal([r[i], g[i], b[i]], rgb[(i * 3)..((i * 3) + 3)]);
                Assert.Equal([r[i], g[i], b[i], 0.5f + i], rgba[(i * 4)..((i * 4) + 4)]);
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Compile(Provider.Transforms[0].Id).ApplyInterleaved(new float[4], 2));
        Assert.Throws<ArgumentException>(() => Compile(Provider.Transforms[0].Id).ApplyInterleaved(new float[5], 3));
        Assert.Throws<ArgumentException>(() => Compile(Provider.Transforms[0].Id).Apply(new float[2], new float[2], new float[3]));
    }

    [Fact]
    public void GoldenDescription()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"provider {Provider.Id}: {Provider.DisplayName}\n");
        float[][] samples = [[0.18f, 0.18f, 0.18f], [0.5f, 0.4f, 0.3f], [1f, 0f, 0f], [0f, 0f, 1f], [4f, 2f, 0.5f]];
        foreach (var t in Provider.Transforms)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{t.Id}\n");
            text.Append(CultureInfo.InvariantCulture, $"  aliases: {string.Join(" | ", t.Aliases)}\n");
            text.Append(CultureInfo.InvariantCulture, $"  category: {t.Category}, invertible: {t.Invertible}\n");
            text.Append(CultureInfo.InvariantCulture, $"  {t.Description}\n");
            var processor = Compile(t.Id);
            foreach (var s in samples)
            {
                var (r, g, b) = ApplyOne(processor, s[0], s[1], s[2]);
                text.Append(CultureInfo.InvariantCulture, $"  ({s[0]:F4}, {s[1]:F4}, {s[2]:F4}) -> ({r:F5}, {g:F5}, {b:F5})\n");
            }
        }

        Golden.VerifyText(text.ToString(), "transforms");
    }
}
