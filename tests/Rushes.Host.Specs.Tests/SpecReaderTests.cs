using Rushes.Host.Specs.Model;
using Rushes.Host.Specs.Reading;

namespace Rushes.Host.Specs.Tests;

public class SpecReaderTests
{
    private const string Valid = """
        spec: 1
        name: test
        deliverables:
          - name: plate
            type: openexr
            options: {compression: zip}
            naming: "plate.{frame:0000}.exr"
            frame-offset: 1001
            sidecars: [amf]
            on-failure: black-frame
          - name: proxy
            type: ffmpeg
            framing: {width: 1920, height: 1080, fit: fill, filter: bilinear}
            naming: "{clip}.mov"
        """;

    [Fact]
    public void A_valid_spec_reads_into_the_model()
    {
        var spec = SpecReader.Read(Valid, "test.yaml");

        Assert.Equal(2, spec.Deliverables.Count);
        var plate = spec.Deliverables[0];
        Assert.Equal("zip", plate.Options["compression"]);
        Assert.Equal(FailurePolicy.BlackFrame, plate.OnFailure);
        Assert.True(plate.Naming.HasFrame);
        Assert.Equal(4, plate.Line);
        var proxy = spec.Deliverables[1];
        Assert.Equal(new FramingIntent { Width = 1920, Height = 1080, Fit = "fill", Filter = "bilinear" }, proxy.Framing);
        Assert.False(proxy.Naming.HasFrame);
        Assert.Equal(ColourIntent.SceneLinear, proxy.Colour);
    }

    [Fact]
    public void Json_specs_read_too()
    {
        var spec = SpecReader.Read("""{"spec": 1, "name": "j", "deliverables": [{"name": "a", "type": "tiff", "naming": "a.{frame:00}.tif"}]}""", "j.json");

        Assert.Equal("tiff", spec.Deliverables[0].Type);
    }

    [Theory]
    [InlineData("frame-offset: 1001", "frame-offset: soon", "deliverables[0].frame-offset", 8, "whole number")]
    [InlineData("frame-offset: 1001", "frame-offset: -5", "deliverables[0].frame-offset", 4, "frame offset from 0")]
    [InlineData("on-failure: black-frame", "on-failure: retry", "deliverables[0].on-failure", 10, "abort, black-frame or skip")]
    [InlineData("sidecars: [amf]", "sidecars: [amf, lut]", "deliverables[0].sidecars[1]", 4, "unknown sidecar 'lut'")]
    [InlineData("naming: \"plate.{frame:0000}.exr\"", "naming: \"../plate.{frame:0000}.exr\"", "deliverables[0].naming", 7, "'..'")]
    [InlineData("naming: \"plate.{frame:0000}.exr\"", "naming: \"{shoot}.{frame}.exr\"", "deliverables[0].naming", 7, "unknown token '{shoot}'")]
    [InlineData("fit: fill", "fit: stretch", "deliverables[1].framing.fit", 11, "unknown fit 'stretch'")]
    [InlineData("width: 1920", "width: 0", "deliverables[1].framing.width", 11, "from 1 to 32768")]
    [InlineData("type: ffmpeg", "type: FFmpeg!", "deliverables[1].type", 11, "deliverable type id")]
    [InlineData("name: proxy", "name: plate", "deliverables", null, "repeated: plate")]
    [InlineData("spec: 1", "spec: 2", "spec", null, "spec format 1, not 2")]
    [InlineData("    options: {compression: zip}", "    option: {compression: zip}", "deliverables[0].option", 6, "unknown field 'option'")]
    public void Each_bad_field_is_named_with_its_line(string good, string bad, string field, int? line, string message)
    {
        var text = Valid.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var error = Assert.Throws<SpecException>(() => SpecReader.Read(text, "test.yaml"));

        var issue = Assert.Single(error.Issues, i => i.Field == field);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
        Assert.Equal(line, issue.Line);
        Assert.Equal("test.yaml", issue.File);
    }

    [Fact]
    public void Malformed_yaml_names_the_position()
    {
        var error = Assert.Throws<SpecException>(() => SpecReader.Read("spec: 1\nname: [unclosed\n", "bad.yaml"));

        Assert.Equal("bad.yaml", error.Issues[0].File);
        Assert.NotNull(error.Issues[0].Line);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Deep_nesting_is_refused_before_it_can_exhaust_the_stack(string open, string close)
    {
        var text = "spec: 1\nname: x\ndeliverables: " + string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";

        var error = Assert.Throws<SpecException>(() => SpecReader.Read(text, "deep.yaml"));

        Assert.Contains("nests deeper than 32", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Issues[0].Line);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<SpecException>(() => SpecReader.Read("spec: 1\nname: x\ndeliverables:\n  - type: openexr\n    bogus: 1\n", "many.yaml"));

        Assert.Contains(error.Issues, i => i.Field == "deliverables[0].name");
        Assert.Contains(error.Issues, i => i.Field == "deliverables[0].naming");
        Assert.Contains(error.Issues, i => i.Field == "deliverables[0].bogus");
    }
}
