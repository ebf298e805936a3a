using System.Text;
using Rushes.Host.Specs.Model;
using Rushes.Testing;

namespace Rushes.Host.Specs.Tests;

public class ShippedSpecTests
{
    private readonly SpecLibrary library = new([SpecFolders.Shipped]);

    [Fact]
    public void The_library_lists_the_shipped_specs_and_hides_partials()
    {
        Assert.Equal(["dailies", "editorial", "log-dpx", "stills", "vfx-plates"], library.List().Select(s => s.Name));
    }

    [Theory]
    [InlineData("vfx-plates")]
    [InlineData("dailies")]
    [InlineData("editorial")]
    [InlineData("log-dpx")]
    [InlineData("stills")]
    public void Each_shipped_spec_renders_and_validates(string name)
    {
        var file = library.Resolve(name);
        var text = library.Render(file, SpecFolders.StandardVariables());
        var spec = library.Load(name, SpecFolders.StandardVariables());

        Assert.Equal(name, spec.Name);
        Golden.VerifyText(text + "\n---\n" + Describe(spec), name, "yaml");
    }

    [Fact]
    public void Vfx_plates_follow_the_netflix_plate_naming()
    {
        var spec = library.Load("vfx-plates", SpecFolders.StandardVariables(("plate", "FG01"), ("version", "3")));
        var plate = Assert.Single(spec.Deliverables);
        var values = new Dictionary<string, string> { ["resolution"] = "4536x3780" };

        Assert.Equal("openexr", plate.Type);
        Assert.Equal("piz", plate.Options["compression"]);
        Assert.Equal(ColourIntent.None, plate.Colour.Output);
        Assert.Equal(1001, plate.FrameOffset);
        Assert.Equal(["amf", "cdl", "fdl", "provenance", "mhl"], plate.Sidecars);
        Assert.Equal("ABC_101_010_020_FG01_v003/4536x3780/ABC_101_010_020_FG01_v003.0001001.exr", plate.Naming.Format(values, 1001));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = library.Load("dailies", SpecFolders.StandardVariables());
        var second = library.Load("dailies", SpecFolders.StandardVariables());

        Assert.Equal(first.RenderedHash, second.RenderedHash);
        Assert.Equal(64, first.RenderedHash!.Length);
    }

    [Fact]
    public void A_missing_required_variable_names_the_template_line_and_column()
    {
        var error = Assert.Throws<SpecException>(() => library.Load("vfx-plates", new Dictionary<string, object?> { ["vars"] = new Dictionary<string, object?>() }));

        var issue = Assert.Single(error.Issues);
        Assert.EndsWith("_element.sbn", issue.File, StringComparison.Ordinal);
        Assert.Equal(2, issue.Line);
        Assert.Equal(5, issue.Column);
        Assert.Contains("`shot` was not found", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_spec_name_lists_the_known_ones()
    {
        var error = Assert.Throws<SpecException>(() => library.Resolve("vfx-plate"));

        Assert.Contains("dailies, editorial, log-dpx, stills, vfx-plates", error.Expected, StringComparison.Ordinal);
    }

    private static string Describe(DeliverableSpec spec)
    {
        var text = new StringBuilder();
        text.AppendLine($"spec {spec.FormatVersion} {spec.Name}: {spec.Description}");
        foreach (var d in spec.Deliverables)
        {
            text.AppendLine($"- {d.Name} ({d.Type}) line {d.Line}");
            text.AppendLine($"  options: {string.Join(", ", d.Options.Select(o => $"{o.Key}={o.Value}"))}");
            text.AppendLine($"  colour: {d.Colour.Output} looks={d.Colour.ApplyLooks}");
            text.AppendLine($"  framing: {(d.Framing is null ? "source frame (default)" : $"{d.Framing.Template}{d.Framing.Width}x{d.Framing.Height} {d.Framing.Fit} {d.Framing.Filter}")}");
            text.AppendLine($"  naming: {d.Naming} (per frame: {d.Naming.HasFrame}) offset {d.FrameOffset}");
            text.AppendLine($"  sidecars: [{string.Join(", ", d.Sidecars)}] on-failure {d.OnFailure}");
        }

        return text.ToString();
    }
}
