using Rushes.Contracts.Metadata;

namespace Rushes.Contracts.Tests;

public class MetadataSetTests
{
    [Fact]
    public void Builder_keeps_insertion_order()
    {
        var set = MetadataSet.Create()
            .Set("EXIF:Make", MetadataValue.Of("ARRI"))
            .Set("EXIF:FNumber", MetadataValue.Of(2.8, MetadataUnit.FNumber))
            .Set("DNG:AsShotNeutral", MetadataValue.Of([0.5, 1.0, 0.6], MetadataUnit.None))
            .Build();

        Assert.Equal(3, set.Count);
        Assert.Equal(["EXIF:Make", "EXIF:FNumber", "DNG:AsShotNeutral"], set.Select(e => e.Key));
        Assert.Equal("EXIF:FNumber", set[1].Key);
        Assert.Equal(2.8, set[1].Value.AsDouble());
    }

    [Fact]
    public void A_later_value_replaces_the_earlier_in_place()
    {
        var set = MetadataSet.Create()
            .Set("a", MetadataValue.Of("1"))
            .Set("b", MetadataValue.Of("2"))
            .Set("a", MetadataValue.Of("3"))
            .Build();

        Assert.Equal(2, set.Count);
        Assert.Equal(["a", "b"], set.Select(e => e.Key));
        Assert.Equal("3", set["a"].AsText());
        Assert.Equal("3", set[0].Value.AsText());
    }

    [Fact]
    public void A_missing_key_reads_as_a_missing_value()
    {
        var set = MetadataSet.Create().Set("EXIF:Make", MetadataValue.Of("ARRI")).Build();

        var v = set["EXIF:Model"];

        Assert.Equal(MetadataValueKind.Missing, v.Kind);
        Assert.False(v.IsPresent);
        Assert.Equal("the source has no 'EXIF:Model'", v.MissingReason);
        Assert.False(set.ContainsKey("EXIF:Model"));
        Assert.False(set.TryGetValue("EXIF:Model", out var tried));
        Assert.Equal(v, tried);
    }

    [Fact]
    public void Lookup_is_ordinal_and_case_sensitive()
    {
        var set = MetadataSet.Create().Set("EXIF:Make", MetadataValue.Of("ARRI")).Build();

        Assert.True(set.ContainsKey("EXIF:Make"));
        Assert.False(set.ContainsKey("exif:make"));
        Assert.True(set.TryGetValue("EXIF:Make", out var v));
        Assert.Equal("ARRI", v.AsText());
        Assert.False(set["exif:make"].IsPresent);
    }

    [Fact]
    public void Empty_has_nothing()
    {
        Assert.Empty(MetadataSet.Empty);
        var count = MetadataSet.Empty.Count;
        Assert.Equal(0, count);
        Assert.False(MetadataSet.Empty["x"].IsPresent);
        Assert.Empty(MetadataSet.Create().Build());
    }

    [Fact]
    public void Constructor_rejects_blank_keys_and_null_values()
    {
        Assert.Throws<ArgumentException>(() => new MetadataSet([new(string.Empty, MetadataValue.Of("x"))]));
        Assert.Throws<ArgumentNullException>(() => new MetadataSet([new("a", null!)]));
        Assert.Throws<ArgumentNullException>(() => new MetadataSet(null!));
    }

    [Fact]
    public void The_set_does_not_change_when_the_builder_does()
    {
        var builder = MetadataSet.Create().Set("a", MetadataValue.Of("1"));
        var set = builder.Build();

        builder.Set("b", MetadataValue.Of("2"));

        Assert.Single(set);
        Assert.Equal(2, builder.Build().Count);
    }

    [Fact]
    public void Index_out_of_range_throws()
    {
        var set = MetadataSet.Create().Set("a", MetadataValue.Of("1")).Build();

        Assert.Throws<IndexOutOfRangeException>(() => set[1]);
    }
}
