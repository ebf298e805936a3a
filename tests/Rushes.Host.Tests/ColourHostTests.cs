using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Host.Colour;
using Rushes.Host.Plugins;

namespace Rushes.Host.Tests;

/// <summary>The host's colour registry, chain compiler and applier, over the first-party colour plugins loaded as plugins.</summary>
public sealed class ColourHostTests : IDisposable
{
    private readonly ColourPlugins _plugins = new();
    private readonly List<PluginManager> _managers = [];

    public void Dispose()
    {
        foreach (var manager in _managers)
        {
            manager.Dispose();
        }

        _plugins.Dispose();
    }

    private (ColourTransformRegistry Registry, ColourProcessorCompiler Compiler) Load()
    {
        var manager = new PluginManager(Options.Create(new PluginOptions { IncludeBundled = false, Paths = [_plugins.Root] }), new IsolatedPluginLoader(), NullLogger<PluginManager>.Instance);
        _managers.Add(manager);
        var guard = new PluginGuard(NullLogger<PluginGuard>.Instance);
        var registry = new ColourTransformRegistry(manager, guard, NullLogger<ColourTransformRegistry>.Instance);
        return (registry, new ColourProcessorCompiler(registry, guard));
    }

    private static TransformDescription T(string id, TransformDirection direction = TransformDirection.Forward) => new() { TransformId = id, Direction = direction };

    private static (float R, float G, float B) ApplyOne(IPixelProcessor processor, float r, float g, float b)
    {
        float[] rgb = [r, g, b];
        processor.ApplyInterleaved(rgb, 3);
        return (rgb[0], rgb[1], rgb[2]);
    }

    [Fact]
    public void Ids_and_aliases_resolve_without_regard_to_case()
    {
        var (registry, _) = Load();
        var byAlias = registry.Resolve("arri_logc4_to_aces2065-1");
        var byId = registry.Resolve("URN:AMPAS:ACES:TRANSFORMID:V2.0:CSC.ARRI.LOGC4_TO_ACES.A2.V1");
        Assert.Same(byAlias, byId);
        Assert.Equal("org.rushes.camera-log", byId.Plugin.Id);
        Assert.Equal("org.rushes.aces-core", registry.Resolve("ACEScct_to_ACES2065-1").Plugin.Id);
        Assert.Empty(registry.Conflicts);
    }

    [Fact]
    public void An_unknown_id_lists_the_nearest_known_ones()
    {
        var (registry, _) = Load();
        var error = Assert.Throws<InputException>(() => registry.Resolve("SONY_SLOG3_SGAMUT3CINE"));
        Assert.Equal("transformId", error.Field);
        Assert.Contains("'SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1'", error.Message, StringComparison.Ordinal);

        // Token similarity finds a name whose words are reordered or abbreviated.
        var byTokens = Assert.Throws<InputException>(() => registry.Resolve("LogC4 ARRI"));
        Assert.Contains("LogC4", byTokens.Message.Split("Nearest known:")[1].Split(',')[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["ACEScct_to_ACES2065-1"], NameSimilarity.Nearest("acescct to aces", ["ARRI_LOGC4_to_ACES2065-1", "ACEScct_to_ACES2065-1", "ACEScg_to_ACES2065-1"], 1));
    }

    [Fact]
    public void Names_two_plugins_claim_are_reported_and_the_first_keeps_them()
    {
        _plugins.AddCopy("Rushes.Plugins.CameraLog", "zz-camera-log-copy", "org.rushes.camera-log-copy");
        var (registry, compiler) = Load();
        var conflict = Assert.Single(registry.Conflicts, c => c.Name == "ARRI_LOGC4_to_ACES2065-1");
        Assert.Equal("org.rushes.camera-log", conflict.Kept.Plugin.Id);
        Assert.Equal("org.rushes.camera-log-copy", conflict.Ignored.Plugin.Id);
        Assert.Equal("org.rushes.camera-log", registry.Resolve("ARRI_LOGC4_to_ACES2065-1").Plugin.Id);
        Assert.NotNull(compiler.Compile([T("ARRI_LOGC4_to_ACES2065-1")]));
    }

    [Fact]
    public void Adjacent_matrices_fuse_and_identities_drop()
    {
        var (_, compiler) = Load();

        // AP0→AP1 then AP1→AP0 is the identity: nothing is left to apply.
        var roundTrip = compiler.Compile([T("ACES2065-1_to_ACEScg"), T("ACEScg_to_ACES2065-1")]);
        Assert.True(roundTrip.IsIdentity);
        Assert.Equal((0.5f, 0.4f, 0.3f), ApplyOne(roundTrip, 0.5f, 0.4f, 0.3f));

        // A camera IDT's matrix then AP0→AP1 fuse into one matrix: the chain has the curve and one matrix.
        var chain = compiler.Compile([T("SONY_SLOG3-SGAMUT3_to_ACES2065-1"), T("ACES2065-1_to_ACEScg"), T("ACEScg_to_ACES2065-1"), T("ACES2065-1_to_ACEScct")]);
        var members = Assert.IsType<ChainProcessor>(chain).Members;
        Assert.Equal(2, members.Count);
        Assert.Null(members[0].AsMatrix); // S-Log3 curve + S-Gamut3→AP0 matrix, compiled by the plugin
        Assert.Null(members[1].AsMatrix); // AP0→AP1 + ACEScct curve

        var pure = compiler.Compile([T("ACEScg_to_ACES2065-1"), T("ACES2065-1_to_ACEScg", TransformDirection.Inverse), T("ACES2065-1_to_ACEScg")]);
        var fused = Assert.IsType<AffineProcessor>(pure);
        var expected = ColourMatrix.Compose(ColourMatrix.Compose(
            compiler.CompileOne(T("ACEScg_to_ACES2065-1")).AsMatrix!,
            compiler.CompileOne(T("ACES2065-1_to_ACEScg", TransformDirection.Inverse)).AsMatrix!),
            compiler.CompileOne(T("ACES2065-1_to_ACEScg")).AsMatrix!);
        Assert.True(fused.AsMatrix.Equals(expected, 1e-15));

        // The fused chain computes what the transforms one by one compute.
        var stepwise = new[] { T("SONY_SLOG3-SGAMUT3_to_ACES2065-1"), T("ACES2065-1_to_ACEScct") }.Select(compiler.CompileOne).ToList();
        var one = (0.41f, 0.52f, 0.33f);
        foreach (var p in stepwise)
        {
            one = ApplyOne(p, one.Item1, one.Item2, one.Item3);
        }

        var all = ApplyOne(chain, 0.41f, 0.52f, 0.33f);
        Assert.Equal(one.Item1, all.R, 1e-6f);
        Assert.Equal(one.Item2, all.G, 1e-6f);
        Assert.Equal(one.Item3, all.B, 1e-6f);
    }

    [Fact]
    public void Compiled_processors_are_cached_by_content()
    {
        var (_, compiler) = Load();
        var first = compiler.Compile([T("APPLE_LOG_to_ACES2065-1"), T("ACES2065-1_to_ACEScct")]);
        var compilations = compiler.PluginCompilations;
        var again = compiler.Compile([T("urn:ampas:aces:transformId:v2.0:CSC.Apple.AppleLog_BT2020_to_ACES.a2.v1"), T("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACES_to_ACEScct.a1.0.3")]);
        Assert.Same(first, again);
        Assert.Equal(compilations, compiler.PluginCompilations);

        // Another parameter value is another content.
        var ei800 = compiler.CompileOne(T("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1"));
        var ei1600 = compiler.CompileOne(T("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1") with { Parameters = ParameterValues.Empty.With("ei", "1600") });
        Assert.NotEqual(ei800.CacheId, ei1600.CacheId);
        Assert.NotEqual(ApplyOne(ei800, 0.5f, 0.5f, 0.5f), ApplyOne(ei1600, 0.5f, 0.5f, 0.5f));
        Assert.StartsWith("chain:", first.CacheId, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_parameters_are_input_errors_and_not_cached()
    {
        var (_, compiler) = Load();
        var bad = T("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1") with { Parameters = ParameterValues.Empty.With("ei", "5") };
        Assert.Equal("ei", Assert.Throws<InputException>(() => compiler.CompileOne(bad)).Field);
        Assert.Equal("ei", Assert.Throws<InputException>(() => compiler.CompileOne(bad)).Field);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(513, 301)]
    public void The_applier_splits_images_into_bands_and_matches_a_single_pass(int width, int height)
    {
        var (_, compiler) = Load();
        var processor = compiler.Compile([T("ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1"), T("ACES2065-1_to_ACEScct")]);
        var random = new Random(7);
        using var image = new PlanarImage(width, height, 4);
        foreach (ref var v in image.Samples)
        {
            v = (float)random.NextDouble();
        }

        var reference = image.Samples.ToArray();
        var plane = width * height;
        processor.Apply(reference.AsSpan(0, plane), reference.AsSpan(plane, plane), reference.AsSpan(2 * plane, plane));
        var interleaved = new float[plane * 4];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 4; c++)
            {
                interleaved[(i * 4) + c] = image.Samples[(c * plane) + i];
            }
        }

        ColourApplier.Apply(processor, image);
        ColourApplier.ApplyInterleaved(processor, interleaved, width, height, 4);
        Assert.Equal(reference, image.Samples.ToArray());
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 4; c++)
            {
                Assert.Equal(reference[(c * plane) + i], interleaved[(i * 4) + c]);
            }
        }
    }

    [Fact]
    public void The_applier_checks_sizes()
    {
        var (_, compiler) = Load();
        var processor = compiler.Compile([T("ACES2065-1_to_ACEScct")]);
        Assert.Throws<ArgumentException>(() => ColourApplier.ApplyInterleaved(processor, new float[10], 2, 2, 3));
        Assert.Throws<ArgumentException>(() => ColourApplier.ApplyPlanar(processor, new float[4], new float[4], new float[3], 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColourApplier.ApplyInterleaved(processor, new float[10], 5, 1, 2));
    }
}
