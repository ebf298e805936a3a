using System.Text;

namespace Rushes.Host.Amf.Tests;

/// <summary>Hand-made invalid files: each is rejected with its line and reason.</summary>
public sealed class AmfInvalidTests
{
    private static string Example1 => File.ReadAllText(Path.Combine(AmfReadWriteTests.Examples, "example1.amf"));

    private static AmfValidation Validate(string xml) => AmfReader.Validate(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void A_missing_applied_attribute_is_reported_with_its_line()
    {
        var validation = Validate(Example1.Replace("<aces:outputTransform applied=\"false\">", "<aces:outputTransform>", StringComparison.Ordinal));
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Issues, i => i.Line == 23 && i.Message.Contains("applied", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_urn_is_reported()
    {
        var validation = Validate(Example1.Replace("RRTODT.Academy.Rec2020_1000nits_15nits_ST2084.a1.1.0", "NotATransform", StringComparison.Ordinal));
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Issues, i => i.Line == 24 && i.Rule == "schema" && i.Message.Contains("Pattern", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_element_order_is_reported()
    {
        // uuid before dateTime in amfInfo.
        var xml = Example1.Replace(
            "<aces:amfInfo>\n        <aces:dateTime>",
            "<aces:amfInfo>\n        <aces:uuid>urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86</aces:uuid>\n        <aces:dateTime>",
            StringComparison.Ordinal);
        Assert.NotEqual(Example1, xml);
        var validation = Validate(xml);
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Issues, i => i.Rule == "schema" && i.Line > 0);
    }

    [Theory]
    [InlineData("../grade/showLook.clf", "climbs out")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("http://example.com/look.clf", "URL")]
    [InlineData("file:///etc/passwd", "URL")]
    public void File_references_outside_the_folder_are_refused(string reference, string reason)
    {
        var xml = Example1.Replace(
            "<aces:outputTransform applied=\"false\">",
            $"<aces:lookTransform applied=\"false\"><aces:file>{reference}</aces:file></aces:lookTransform>\n        <aces:outputTransform applied=\"false\">",
            StringComparison.Ordinal);
        var validation = Validate(xml);
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Issues, i => i.Rule == "file-reference" && i.Message.Contains(reason, StringComparison.Ordinal) && i.Line == 23);
    }

    [Fact]
    public void External_entities_are_refused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<aces:acesMetadataFile version=\"2.0\" xmlns:aces=\"urn:ampas:aces:amf:v2.0\">&e;</aces:acesMetadataFile>";
        var validation = Validate(xml);
        Assert.False(validation.IsValid);
        Assert.Equal("xml", validation.Issues[0].Rule);
        Assert.Contains("DTD", validation.Issues[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", validation.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_expansion_is_refused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<x>&c;</x>";
        var validation = Validate(xml);
        Assert.False(validation.IsValid);
        Assert.Contains("DTD", validation.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_and_malformed_xml_fail_cleanly()
    {
        var deep = "<a>" + string.Concat(Enumerable.Repeat("<b>", 50_000)) + string.Concat(Enumerable.Repeat("</b>", 50_000)) + "</a>";
        Assert.False(Validate(deep).IsValid);
        var broken = Validate("<aces:acesMetadataFile xmlns:aces=\"urn:ampas:aces:amf:v2.0\">\n<unclosed>");
        Assert.False(broken.IsValid);
        Assert.Equal("xml", broken.Issues[0].Rule);
        Assert.True(broken.Issues[0].Line >= 2);
    }

    [Fact]
    public void A_foreign_root_is_named()
    {
        var validation = Validate("<ProcessList id=\"x\"/>");
        Assert.Contains("ProcessList", validation.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_an_invalid_file_throws_with_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.amf");
        File.WriteAllText(path, Example1.Replace("<aces:outputTransform applied=\"false\">", "<aces:outputTransform>", StringComparison.Ordinal));
        try
        {
            var error = Assert.Throws<AmfValidationException>(() => AmfReader.ReadFile(path));
            Assert.Equal(path, error.File);
            Assert.StartsWith("line ", error.Field, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
