using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.Tests;

public class CapabilitiesTests
{
    private static Capabilities Sample()
        => Capabilities.Create()
            .Add(CapabilityNames.Decode)
            .Add(CapabilityNames.Resolutions, "full", "half")
            .Add("Resolutions", "HALF", "quarter")
            .Add(CapabilityNames.Compressions, "HQ", "lz4")
            .Build();

    [Fact]
    public void Supports_a_feature_by_name_case_insensitively()
    {
        var caps = Sample();

        Assert.True(caps.Supports("decode"));
        Assert.True(caps.Supports("DECODE"));
        Assert.True(caps.Supports("resolutions"));
        Assert.False(caps.Supports("mosaic"));
        Assert.False(caps.Supports("decod"));
    }

    [Fact]
    public void Supports_a_value_case_insensitively()
    {
        var caps = Sample();

        Assert.True(caps.Supports("resolutions", "Quarter"));
        Assert.True(caps.Supports("RESOLUTIONS", "FULL"));
        Assert.True(caps.Supports("compressions", "hq"));
        Assert.False(caps.Supports("resolutions", "eighth"));
        Assert.False(caps.Supports("decode", "full"));
        Assert.False(caps.Supports("mosaic", "full"));
    }

    [Fact]
    public void ValuesOf_keeps_declaration_order_without_duplicates()
    {
        var caps = Sample();

        Assert.Equal(["full", "half", "quarter"], caps.ValuesOf("Resolutions"));
        Assert.Empty(caps.ValuesOf("decode"));
        Assert.Empty(caps.ValuesOf("mosaic"));
    }

    [Fact]
    public void Features_are_in_ordinal_name_order()
    {
        var caps = Capabilities.Create().Add("b").Add("A").Add("a-c").Add("Z").Add("B", "x").Build();

        Assert.Equal(["A", "Z", "a-c", "b"], caps.Features.Select(f => f.Key));
        Assert.Equal(["x"], caps.Features.Last().Value);
    }

    [Fact]
    public void Features_lists_values()
    {
        var features = Sample().Features.ToDictionary(f => f.Key, f => string.Join(",", f.Value));

        Assert.Equal(3, features.Count);
        Assert.Equal("HQ,lz4", features["compressions"]);
        Assert.Equal(string.Empty, features["decode"]);
        Assert.Equal("full,half,quarter", features["resolutions"]);
    }

    [Fact]
    public void None_supports_nothing()
    {
        Assert.Empty(Capabilities.None.Features);
        Assert.False(Capabilities.None.Supports(CapabilityNames.Decode));
        Assert.Empty(Capabilities.None.ValuesOf(CapabilityNames.Decode));
    }

    [Fact]
    public void Built_capabilities_do_not_change_when_the_builder_does()
    {
        var builder = Capabilities.Create().Add("bit-depths", "10");
        var caps = builder.Build();

        builder.Add("bit-depths", "16").Add("channels", "RGB");

        Assert.Equal(["10"], caps.ValuesOf("bit-depths"));
        Assert.False(caps.Supports("channels"));
        Assert.Equal(["10", "16"], builder.Build().ValuesOf("bit-depths"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Add_rejects_blank_feature_names(string name)
        => Assert.Throws<ArgumentException>(() => Capabilities.Create().Add(name));

    [Fact]
    public void Add_rejects_a_null_feature_name()
        => Assert.Throws<ArgumentNullException>(() => Capabilities.Create().Add(null!));
}
