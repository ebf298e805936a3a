using System.Text;
using Rushes.Host.Amf.Model;
using Rushes.Testing;

namespace Rushes.Host.Amf.Tests;

public sealed class AmfReadWriteTests
{
    internal static string Examples => ConformanceData.Path("amf", "examples");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Examples, "*.amf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Examples, file));
        }

        return data;
    }

    [Fact]
    public void All_83_examples_are_found() => Assert.Equal(83, Files().Count);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_example_validates_and_round_trips(string relative)
    {
        var validation = AmfReader.ValidateFile(Path.Combine(Examples, relative));
        Assert.True(validation.SchemaChecked, "the Academy XSD must be embedded in test builds");
        Assert.True(validation.IsValid, string.Join("\n", validation.Issues));

        // read → write → read gives the same model, and what we write is itself valid against the XSD.
        var written = AmfWriter.Write(validation.Document!);
        var again = AmfReader.Validate(Encoding.UTF8.GetBytes(written));
        Assert.True(again.IsValid, string.Join("\n", again.Issues) + "\n" + written);
        Assert.Equal(validation.Document, again.Document);
        Assert.Equal(written, AmfWriter.Write(again.Document!));
    }

    [Fact]
    public void Example5_reads_into_the_model()
    {
        var amf = AmfReader.ReadFile(Path.Combine(Examples, "example5.amf"));
        Assert.Equal("2.0", amf.Version);
        Assert.Equal("urn:uuid:afe122be-59d3-4360-ad69-33c10108fa7a", amf.Info.Uuid);
        Assert.Equal(new AmfAuthor("Foo Bar", "Foobar@onset.com"), amf.Info.Authors[0]);
        Assert.Equal(new AmfSequence("A001_C012_AE0306_###.exr", "#", 1, 240), amf.ClipId!.Sequence);
        Assert.Equal(new AmfSystemVersion(1, 0, 3), amf.Pipeline.SystemVersion);
        Assert.Equal(["inputTransform", "workingLocation", "lookTransform", "lookTransform", "outputTransform"], amf.Pipeline.Transforms.Select(t => t.Element));
        Assert.Equal(["inverseOutputDeviceTransform", "inverseReferenceRenderingTransform"], amf.Pipeline.Input!.Parts.Select(p => p.Element));
        var cdl = amf.Pipeline.Looks.First().Cdl!;
        Assert.Equal([2.0, 2.0, 2.0], cdl.Slope);
        Assert.Equal([0.1, 0.1, 0.1], cdl.Offset);
        Assert.Equal("ASC_SOP", cdl.SopElement);
        Assert.Equal("showLook.clf", amf.Pipeline.Looks.Last().File);
        Assert.Equal("urn:ampas:aces:transformId:v1.5:ODT.Academy.P3D60_48nits.a1.0.3", amf.Pipeline.Output!.Part("outputDeviceTransform")!.TransformId);
    }
}
