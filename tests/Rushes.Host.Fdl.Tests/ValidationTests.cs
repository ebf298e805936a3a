using System.Text;
using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl.Tests;

public sealed class ValidationTests
{
    public static TheoryData<string> ConformanceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FdlScenario.Root, "*.fdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(FdlScenario.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConformanceFiles))]
    public void Every_conformance_fdl_validates_and_round_trips(string relative)
    {
        var path = Path.Combine(FdlScenario.Root, relative);
        var validation = FdlReader.ValidateFile(path);
        Assert.True(validation.SchemaChecked, "the ASC schema must be embedded in test builds");
        Assert.True(validation.IsValid, string.Join("\n", validation.Issues));

        var written = FdlWriter.Write(validation.Document!);
        var again = FdlReader.Parse(written, relative);
        Assert.Equal(FdlWriter.Write(again), written);
        Assert.Equal(validation.Document!.Contexts.Sum(c => c.Canvases.Count), again.Contexts.Sum(c => c.Canvases.Count));
    }

    [Fact]
    public void There_are_119_conformance_files() => Assert.Equal(119, ConformanceFiles().Count);

    private const string Valid = """
        {
          "uuid": "0A1B2C3D-0000-4000-8000-000000000001",
          "version": { "major": 2, "minor": 0 },
          "default_framing_intent": "1",
          "framing_intents": [ { "id": "1", "aspect_ratio": { "width": 16, "height": 9 }, "protection": 0.1 } ],
          "contexts": [ { "label": "A", "canvases": [ {
            "id": "1", "source_canvas_id": "1", "dimensions": { "width": 4448, "height": 3096 },
            "anamorphic_squeeze": 1.0,
            "framing_decisions": [ { "id": "1-1", "framing_intent_id": "1",
              "dimensions": { "width": 4004.0, "height": 2252.0 }, "anchor_point": { "x": 222.0, "y": 422.0 } } ] } ] } ]
        }
        """;

    [Fact]
    public void A_minimal_document_is_valid() => Assert.True(FdlReader.Validate(Encoding.UTF8.GetBytes(Valid), "t.fdl").IsValid);

    [Theory]
    [InlineData("\"default_framing_intent\": \"1\"", "\"default_framing_intent\": \"9\"", "$.default_framing_intent", "names no framing intent")]
    [InlineData("\"id\": \"1-1\"", "\"id\": \"1-2\"", "$.contexts[0].canvases[0].framing_decisions[0].id", "should be '1-1'")]
    [InlineData("\"source_canvas_id\": \"1\"", "\"source_canvas_id\": \"7\"", "$.contexts[0].canvases[0].source_canvas_id", "names no canvas")]
    [InlineData("\"anamorphic_squeeze\": 1.0,", "\"anamorphic_squeeze\": 1.0, \"effective_dimensions\": { \"width\": 10, \"height\": 10 },", "$.contexts[0].canvases[0]", "")]
    [InlineData("\"label\": \"A\",", "\"label\": \"A\", \"colour\": \"red\",", "$.contexts[0]", "")]
    [InlineData("\"protection\": 0.1", "\"protection\": 0.1, \"_note\": \"ok\", \"x\": 1", "$.framing_intents[0]", "")]
    [InlineData("\"anchor_point\": { \"x\": 222.0, \"y\": 422.0 }", "\"anchor_point\": { \"x\": 222.0, \"y\": 422.0 }, \"protection_dimensions\": { \"width\": 1.0, \"height\": 1.0 }", "$.contexts[0].canvases[0].framing_decisions[0]", "")]
    [InlineData("\"uuid\": \"0A1B2C3D-0000-4000-8000-000000000001\"", "\"uuid\": \"not-a-uuid\"", "$.uuid", "")]
    public void Invalid_documents_are_reported_at_their_json_path(string find, string replace, string path, string message)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        var validation = FdlReader.Validate(Encoding.UTF8.GetBytes(text), "bad.fdl");
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Issues, i => i.Path.StartsWith(path, StringComparison.Ordinal) && i.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_canvas_id_is_reported()
    {
        var text = Valid.Replace("\"canvases\": [ {", "\"canvases\": [ { \"id\": \"1\", \"source_canvas_id\": \"1\", \"dimensions\": { \"width\": 10, \"height\": 10 } }, {", StringComparison.Ordinal);
        var issues = FdlReader.Validate(Encoding.UTF8.GetBytes(text), "dup.fdl").Issues;
        Assert.Contains(issues, i => i.Path == "$.contexts[0].canvases[1].id" && i.Message.Contains("used twice", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"uuid\": ", "line 1")]
    [InlineData("[1, 2]", "expected an object")]
    [InlineData("{\"a\": 1,}", "line 1")]
    public void Malformed_json_gets_a_clear_reason(string text, string expected)
    {
        var validation = FdlReader.Validate(Encoding.UTF8.GetBytes(text), "broken.fdl");
        Assert.False(validation.IsValid);
        Assert.Contains(expected, validation.Issues[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_a_stack_overflow()
    {
        var text = "{\"_x\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var validation = FdlReader.Validate(Encoding.UTF8.GetBytes(text), "deep.fdl");
        Assert.False(validation.IsValid);
        Assert.Contains("depth", validation.Issues[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Huge_numbers_are_rejected_not_wrapped()
    {
        var text = Valid.Replace("\"width\": 4448", "\"width\": 1e300", StringComparison.Ordinal);
        var validation = FdlReader.Validate(Encoding.UTF8.GetBytes(text), "huge.fdl");
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Issues, i => i.Path.Contains("dimensions", StringComparison.Ordinal) || i.Message.Contains("integer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_there_or_too_big_is_refused_before_reading()
    {
        var missing = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => FdlReader.ReadFile("/nonexistent/x.fdl"));
        Assert.Equal("/nonexistent/x.fdl", missing.File);

        var big = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.fdl");
        using (var stream = File.Create(big))
        {
            stream.SetLength(FdlReader.MaxFileBytes + 1);
        }

        try
        {
            var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => FdlReader.ReadFile(big));
            Assert.Contains("at most", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(big);
        }
    }

    [Fact]
    public void Invalid_files_throw_with_every_issue_and_the_first_path()
    {
        var text = Valid.Replace("\"default_framing_intent\": \"1\"", "\"default_framing_intent\": \"9\"", StringComparison.Ordinal);
        var error = Assert.Throws<FdlValidationException>(() => FdlReader.Parse(text, "bad.fdl"));
        Assert.Equal("bad.fdl", error.File);
        Assert.Equal("$.default_framing_intent", error.Field);
        Assert.NotEmpty(error.Issues);
    }

    [Fact]
    public void Written_floats_stay_floats_and_user_properties_survive()
    {
        var text = Valid.Replace("\"protection\": 0.1", "\"protection\": 0.1, \"_vendor\": { \"k\": [1, 2] }", StringComparison.Ordinal);
        var doc = FdlReader.Parse(text);
        var written = FdlWriter.Write(doc);
        Assert.Contains("\"width\": 4004.0", written, StringComparison.Ordinal);
        Assert.Contains("\"width\": 4448,", written, StringComparison.Ordinal);
        Assert.Contains("\"_vendor\"", written, StringComparison.Ordinal);
        Assert.Equal(new IntDimensions(16, 9), FdlReader.Parse(written).FramingIntents[0].AspectRatio);
    }
}
