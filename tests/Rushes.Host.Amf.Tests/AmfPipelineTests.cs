using System.Security.Cryptography;
using System.Text;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Host.Amf.Model;
using Rushes.Host.Amf.Pipeline;

namespace Rushes.Host.Amf.Tests;

public sealed class AmfPipelineTests
{
    private static string Example(string name) => Path.Combine(AmfReadWriteTests.Examples, name);

    /// <summary>example5 in a folder of our own, with its show look present.</summary>
    private static string Example5WithLook(string folder, string? hash = null)
    {
        var xml = File.ReadAllText(Example("example5.amf"));
        if (hash is not null)
        {
            xml = xml.Replace("<aces:file>showLook.clf</aces:file>", $"<aces:hash algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\">{hash}</aces:hash>\n            <aces:file>showLook.clf</aces:file>", StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(folder, "showLook.clf"), "<ProcessList id=\"look\" compCLFversion=\"3\"><Matrix inBitDepth=\"32f\" outBitDepth=\"32f\"><Array dim=\"3 3\">1 0 0 0 1 0 0 0 1</Array></Matrix></ProcessList>");
        var path = Path.Combine(folder, "example5.amf");
        File.WriteAllText(path, xml);
        return path;
    }

    [Fact]
    public void Example5_plans_inverse_output_then_the_cdl_in_acescct_then_the_show_look_then_rrt_and_odt()
    {
        var folder = Directory.CreateTempSubdirectory("amf-").FullName;
        try
        {
            var path = Example5WithLook(folder);
            var steps = AmfPipelinePlanner.Plan(AmfReader.ReadFile(path), path);
            Assert.Equal(
                [
                    "Input: urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3 (inverse)",
                    "Input: urn:ampas:aces:transformId:v1.5:RRT.a1.0.3 (inverse)",
                    "ToCdlWorkingSpace: urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3 (inverse)",
                    "Look: org.rushes.look.cdl",
                    "FromCdlWorkingSpace: urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3",
                    "Look: org.rushes.look.clf [showLook.clf]",
                    "Output: urn:ampas:aces:transformId:v1.5:RRT.a1.0.3",
                    "Output: urn:ampas:aces:transformId:v1.5:ODT.Academy.P3D60_48nits.a1.0.3",
                ],
                steps.Select(s => s.ToString()));
            var cdl = steps[3];
            Assert.Equal("2", cdl.Transform.Parameters.Given["slope-green"]);
            Assert.Equal("0.1", cdl.Transform.Parameters.Given["offset-blue"]);
            Assert.Equal("1", cdl.Transform.Parameters.Given["power-red"]);
            Assert.Equal("1", cdl.Transform.Parameters.Given["saturation"]);
            Assert.Equal(Path.Combine(folder, "showLook.clf"), steps[5].Transform.FilePath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Applied_looks_are_skipped_or_removed_in_reverse()
    {
        // example2: an applied technical grade CDL.
        var amf = AmfReader.ReadFile(Example("example2.amf"));
        var skipped = AmfPipelinePlanner.Plan(amf, Example("example2.amf"), new AmfPlanOptions { IncludeOutput = false });
        Assert.DoesNotContain(skipped, s => s.Transform.TransformId == TransformIds.Cdl);

        var removed = AmfPipelinePlanner.Plan(amf, Example("example2.amf"), new AmfPlanOptions { IncludeOutput = false, RemoveAppliedLooks = true });
        var cdlSteps = removed.Where(s => s.Role == ColourStepRole.RemoveAppliedLook).Select(s => (s.Transform.TransformId, s.Transform.Direction)).ToList();
        Assert.Equal(
            [
                ("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3", TransformDirection.Inverse),
                (TransformIds.Cdl, TransformDirection.Inverse),
                ("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3", TransformDirection.Forward),
            ],
            cdlSteps);
    }

    [Fact]
    public void A_missing_referenced_file_is_an_error_naming_it_and_its_line()
    {
        var error = Assert.Throws<InputException>(() => AmfPipelinePlanner.Plan(AmfReader.ReadFile(Example("example5.amf")), Example("example5.amf")));
        Assert.Contains("showLook.clf", error.Message, StringComparison.Ordinal);
        Assert.Equal("line 63: file", error.Field);
    }

    [Fact]
    public void Hashes_of_referenced_files_are_checked()
    {
        var folder = Directory.CreateTempSubdirectory("amf-").FullName;
        try
        {
            var path = Example5WithLook(folder, hash: new string('0', 64));
            var error = Assert.Throws<InputException>(() => AmfPipelinePlanner.Plan(AmfReader.ReadFile(path), path));
            Assert.Contains("does not match its", error.Message, StringComparison.Ordinal);

            var digest = Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "showLook.clf"))));
            path = Example5WithLook(folder, hash: digest);
            Assert.Equal(8, AmfPipelinePlanner.Plan(AmfReader.ReadFile(path), path).Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Plates_leave_the_output_for_the_viewer()
    {
        var amf = AmfReader.ReadFile(Example("example1.amf"));
        Assert.Single(AmfPipelinePlanner.Plan(amf, Example("example1.amf")));
        Assert.Empty(AmfPipelinePlanner.Plan(amf, Example("example1.amf"), new AmfPlanOptions { IncludeOutput = false }));
    }

    [Fact]
    public void The_default_without_an_amf_is_the_camera_idt_and_for_viewing_the_aces_rec709_output()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        const string idt = "urn:ampas:aces:transformId:v2.0:Input.ARRI.ARRI-LogC4.a2.v1";
        var viewing = AmfDefaults.For(idt, viewing: true, now);
        Assert.Equal([$"Input: {idt}", $"Output: {TransformIds.DefaultViewingOutput}"], AmfPipelinePlanner.Plan(viewing, "default.amf").Select(s => s.ToString()));
        var plates = AmfDefaults.For(idt, viewing: false, now);
        Assert.Equal([$"Input: {idt}"], AmfPipelinePlanner.Plan(plates, "default.amf").Select(s => s.ToString()));
        Assert.True(AmfReader.Validate(Encoding.UTF8.GetBytes(AmfWriter.Write(viewing))).IsValid);
    }

    [Fact]
    public void A_deliverable_amf_marks_what_was_applied_and_archives_the_source()
    {
        var source = AmfReader.ReadFile(Example("example5.amf"));
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var plates = AmfDeliverable.Derive(source, new AmfPlanOptions { IncludeOutput = false, IncludeLooks = false }, now, new AmfClipId { ClipName = "A001C012", File = "A001C012.exr" });
        Assert.True(plates.Pipeline.Input!.Applied);
        Assert.All(plates.Pipeline.Looks, l => Assert.False(l.Applied));
        Assert.False(plates.Pipeline.Output!.Applied);
        Assert.NotEqual(source.Info.Uuid, plates.Info.Uuid);
        Assert.NotEqual(source.Pipeline.Info.Uuid, plates.Pipeline.Info.Uuid);
        Assert.Equal(source.Pipeline, plates.ArchivedPipelines[0]);
        Assert.Equal("2026-11-25T12:00:00Z", plates.Info.DateTime.Created);
        Assert.Equal("A001C012.exr", plates.ClipId!.File);

        var dailies = AmfDeliverable.Derive(source, new AmfPlanOptions(), now);
        Assert.All(dailies.Pipeline.Transforms.Where(t => t.Applied is not null), t => Assert.True(t.Applied));

        // Written, it is valid, and a viewer following it applies nothing more to the dailies.
        var written = AmfReader.Validate(Encoding.UTF8.GetBytes(AmfWriter.Write(dailies)));
        Assert.True(written.IsValid, string.Join("\n", written.Issues));
        Assert.Empty(AmfPipelinePlanner.Plan(written.Document!, "dailies.amf"));
    }

    [Theory]
    [InlineData("urn:ampas:aces:transformId:v1.5:InvRRTODT.Academy.Rec709_100nits_dim.a1.1.0", "urn:ampas:aces:transformId:v1.5:RRTODT.Academy.Rec709_100nits_dim.a1.1.0", TransformDirection.Inverse)]
    [InlineData("urn:ampas:aces:transformId:v2.0:InvOutput.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1", "urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1", TransformDirection.Inverse)]
    [InlineData("urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI800.a1.v2", "urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI800.a1.v2", TransformDirection.Forward)]
    public void Inverse_ids_become_their_forward_transform_run_backwards(string id, string canonical, TransformDirection direction)
        => Assert.Equal((canonical, direction), TransformIds.Canonical(id));
}
