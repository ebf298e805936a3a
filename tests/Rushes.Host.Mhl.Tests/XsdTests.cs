using System.Xml;
using System.Xml.Schema;
using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Operations;
using Rushes.Host.Mhl.Xml;
using Rushes.Testing;

namespace Rushes.Host.Mhl.Tests;

/// <summary>Everything we write validates against the ASC MHL XSDs; invalid documents are refused.</summary>
public sealed class XsdTests
{
    [Theory]
    [InlineData("ASCMHL.xsd")]
    [InlineData("ASCMHLDirectory.xsd")]
    public void Embedded_schemas_are_the_conformance_schemas(string name)
    {
        Assert.True(MhlSchemas.IsAvailable, "test builds must embed the ASC XSDs");
        Assert.Equal(File.ReadAllBytes(ConformanceData.Path("mhl", "xsd", name)), MhlSchemas.Embedded(name));
    }

    /// <summary>An independent schema set, loaded from the conformance folder (the directory schema's import resolved locally).</summary>
    private static XmlSchemaSet ConformanceSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(MhlSchemas.ManifestNamespace, ConformanceData.Path("mhl", "xsd", "ASCMHL.xsd"));
        set.Add(MhlSchemas.DirectoryNamespace, ConformanceData.Path("mhl", "xsd", "ASCMHLDirectory.xsd"));
        set.Compile();
        return set;
    }

    private static List<string> Validate(string file, XmlSchemaSet set)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{file}: {e.Message}");
        using var reader = XmlReader.Create(file, settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    [Fact]
    public void Every_document_we_write_validates()
    {
        using var temp = new TempFolder();
        var card = Mhl.MakeCard(temp["cards"]);
        temp.Write("cards/A002R2EC/Sub/ascmhl-not/x & <y>.txt", "escape me\n");
        temp.Write("cards/A002R2EC/Nested/N1.bin", "n1\n");
        temp.Write("cards/A002R2EC/empty.bin", string.Empty);
        var (service, clock) = Mhl.ScenarioService(new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero));
        service.Create(temp["cards/A002R2EC/Nested"], new MhlCreateOptions { Formats = [HashFormat.Sha1] });
        clock.Now = clock.Now.AddMinutes(1);
        service.Create(card, new MhlCreateOptions
        {
            Formats = HashFormats.All.ToList(),
            Authors = [new Author("Liz Foo", "liz@example.com", "+1 234", "DIT"), new Author(null, Role: "Loader")],
            Location = "Munich & <Berlin>",
            Comment = "quotes \" and 'apostrophes'",
            IgnorePatterns = ["*.tmp", "/Sub/**/skip/"],
            Process = ProcessType.Transfer,
        });
        clock.Now = clock.Now.AddMinutes(1);
        File.Move(temp["cards/A002R2EC/Sidecar.txt"], temp["cards/A002R2EC/Sidecar2.txt"]);
        service.Create(card, new MhlCreateOptions { Formats = [HashFormat.Xxh3], NoDirectoryHashes = true, DetectRenames = true });
        var flattened = service.Flatten(card, temp["out"]);
        Assert.Equal(6, flattened.Files);

        var set = ConformanceSchemas();
        var documents = Directory.GetFiles(temp.Path, "*.mhl", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(temp.Path, "ascmhl_*.xml", SearchOption.AllDirectories)).ToList();
        Assert.Equal(9, documents.Count);
        foreach (var document in documents)
        {
            Assert.Empty(Validate(document, set));
            Assert.Empty(ValidatedXml.Problems(File.ReadAllBytes(document), document));
        }

        // Round trip: what we read back is what we wrote.
        var manifest = Directory.GetFiles(temp["cards/A002R2EC/ascmhl"], "0001_*.mhl").Single();
        var bytes = File.ReadAllBytes(manifest);
        Assert.Equal(bytes, ManifestXml.Write(ManifestXml.Read(bytes, manifest)));
        var read = ManifestXml.Read(bytes, manifest);
        Assert.Equal("Munich & <Berlin>", read.CreatorInfo.Location);
        Assert.Equal(ProcessType.Transfer, read.ProcessInfo.Process);
        Assert.Contains("Sub/ascmhl-not/x & <y>.txt", read.Files.Select(f => f.Path));
        Assert.Equal(0, read.Files.Single(f => f.Path == "empty.bin").Size);
        Assert.Equal([".DS_Store", "ascmhl", "ascmhl/", "*.tmp", "/Sub/**/skip/"], read.ProcessInfo.IgnorePatterns);
    }

    [Fact]
    public void Conformance_examples_validate_and_read()
    {
        var example = ConformanceData.Path("mhl", "xsd", "examples", "0001_TEST01_2019-10-11_155603.mhl");
        var manifest = ManifestXml.Read(File.ReadAllBytes(example), example);
        Assert.Equal(2, manifest.CreatorInfo.Authors.Count);
        Assert.Equal(HashAction.Failed, manifest.Files.Single(f => f.Path == "Sidecar.txt").Hashes.Single().Action);
        Assert.Equal("Clips", manifest.Directories.Single().Path);
        Assert.Equal(2, manifest.References.Count);
        var chain = ConformanceData.Path("mhl", "xsd", "examples", "ascmhl_chain.xml");
        Assert.Equal("0001_TEST01_2019-10-11_155603.mhl", Assert.Single(ChainXml.Read(File.ReadAllBytes(chain), chain)).Path);
    }

    [Theory]
    [InlineData("action=\"original\"", "action=\"bogus\"")]
    [InlineData("<hostname>", "<hostnam>")]
    [InlineData("version=\"2.0\"", "version=\"1.0\"")]
    [InlineData("</hashlist>", "</hashlis>")]
    public void Invalid_manifest_is_refused_with_the_file_and_the_reason(string from, string to)
    {
        var source = ConformanceData.Path("mhl", "examples", "scenarios", "Output", "scenario_01", "travel_01", "A002R2EC", "ascmhl", "0001_A002R2EC_2020-01-16_091500Z.mhl");
        var text = File.ReadAllText(source);
        Assert.Contains(from, text);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
        var ex = Assert.Throws<MhlHistoryException>(() => ManifestXml.Read(bytes, "bad.mhl"));
        Assert.Equal(MhlProblem.InvalidDocument, ex.Problem);
        Assert.StartsWith("bad.mhl", ex.Message);
    }

    [Fact]
    public void An_email_the_schema_would_refuse_is_refused_before_anything_is_written()
    {
        using var temp = new TempFolder();
        var card = Mhl.MakeCard(temp.Path);
        var (service, _) = Mhl.ScenarioService(DateTimeOffset.UnixEpoch);
        var ex = Assert.Throws<ArgumentException>(() => service.Create(card, new MhlCreateOptions { Authors = [new Author("Liz", "liz-at-example")] }));
        Assert.Contains("liz-at-example", ex.Message);
        Assert.False(Directory.Exists(Path.Combine(card, "ascmhl")));
    }
}
