using Rushes.Host.Render.Colour;
using Rushes.Host.Render.Execution;
using Rushes.Host.Render.Planning;

namespace Rushes.Host.Render.Tests;

/// <summary>The small pieces a unit's identity and its files' names rest on.</summary>
public sealed class UnitTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    private static UnitIdentity Identity(string file, string frames = "1-5", IReadOnlyDictionary<string, string>? decode = null)
        => UnitIdentity.Of([file], frames, "abc", [("org.rushes.openexr", "0.1.0", "f00d")], null, null, null, decode ?? new Dictionary<string, string>());

    [Fact]
    public void Unit_id_follows_every_input_and_nothing_else()
    {
        var file = _work["a.0001.exr"];
        File.WriteAllText(file, "frame");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var id = Identity(file).Id;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, Identity(file).Id);
        Assert.Equal(id, Identity(file, decode: new Dictionary<string, string>()).Id);
        Assert.NotEqual(id, Identity(file, frames: "1-4").Id);
        Assert.NotEqual(id, Identity(file, decode: new Dictionary<string, string> { ["debayer"] = "fast" }).Id);
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 2, 3, 4, 6, DateTimeKind.Utc));
        Assert.NotEqual(id, Identity(file).Id);
    }

    [Fact]
    public void Variables_origin_and_deliverables_change_the_unit_and_only_the_frames_stay_out_of_the_render_id()
    {
        var file = _work["c.0001.exr"];
        File.WriteAllText(file, "frame");
        UnitIdentity Of(string frames, string shot, long? origin = null, string[]? deliverables = null)
            => UnitIdentity.Of([file], frames, "abc", [("org.rushes.openexr", "0.1.0", "f00d")], null, null, null, new Dictionary<string, string>(), origin, deliverables, new Dictionary<string, string> { ["shot"] = shot });

        var unit = Of("1-5", "SH010", 1);
        // A job that differs only in a naming variable writes other files: another unit, another render.
        Assert.NotEqual(unit.Id, Of("1-5", "SH020", 1).Id);
        Assert.NotEqual(unit.RenderId, Of("1-5", "SH020", 1).RenderId);
        // A chunk of the same pull is another unit of the same render.
        var chunk = Of("1-2", "SH010", 1, ["plate"]);
        Assert.NotEqual(unit.Id, chunk.Id);
        Assert.Equal(unit.RenderId, chunk.RenderId);
        Assert.NotEqual(unit.Id, Of("1-5", "SH010", 0).Id);
    }

    [Fact]
    public void Decode_parameters_are_in_the_id_whatever_their_order_and_case()
    {
        var file = _work["b.0001.exr"];
        File.WriteAllText(file, "frame");
        var one = Identity(file, decode: new Dictionary<string, string> { ["A"] = "1", ["b"] = "2" }).Id;
        var two = Identity(file, decode: new Dictionary<string, string> { ["B"] = "2", ["a"] = "1" }).Id;
        Assert.Equal(one, two);
    }

    [Fact]
    public void Stable_uuid_is_a_version_8_rfc_uuid_of_its_name()
    {
        var uuid = StableUuid.From("unit|plate|amf").ToString();
        Assert.Equal(uuid, StableUuid.From("unit|plate|amf").ToString());
        Assert.NotEqual(uuid, StableUuid.From("unit|plate|pipeline").ToString());
        Assert.Equal('8', uuid[14]);
        Assert.Contains(uuid[19], "89ab");
    }

    [Theory]
    [InlineData("SH_PL01_v001/1920x1080/SH_PL01_v001.0001001.exr", "SH_PL01_v001/1920x1080/SH_PL01_v001")]
    [InlineData("A001C003.mov", "A001C003")]
    [InlineData("a/b/c", "a/b/c")]
    public void Sidecar_stem_drops_frame_and_extension(string fileName, string stem)
        => Assert.Equal(stem, SidecarBuilder.Stem(fileName));

    [Theory]
    [InlineData("urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1", "Rec.709")]
    [InlineData("urn:ampas:aces:transformId:v2.0:Output.Academy.P3-D65_1000nit_in_Rec2100-D65_ST2084.a2.v1", "Rec.2020")]
    [InlineData("urn:ampas:aces:transformId:v2.0:Output.Academy.P3-D65_108nit_in_P3-D65_ST2084.a2.v1", "P3-D65")]
    [InlineData("urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_sRGB-Piecewise.a2.v1", "sRGB")]
    [InlineData("urn:ampas:aces:transformId:v1.5:ODT.Academy.RGBmonitor_100nits_dim.a1.0.3", "sRGB")]
    [InlineData("ACES2065-1_to_ACEScg", "ACEScg")]
    [InlineData("org.example.mystery", "org.example.mystery")]
    public void Output_transforms_label_their_pixels_by_the_display_they_name(string id, string encoding)
        => Assert.Equal(encoding, ColourPlanner.DisplayEncoding(id));

    [Fact]
    public void Job_file_paths_are_taken_from_its_folder_and_spec_names_stay_names()
    {
        var job = _work["jobs/job.json"];
        Directory.CreateDirectory(_work["jobs"]);
        File.WriteAllText(job, """{"clip": "../card/A.0001.exr", "spec": "vfx-plates", "output": "out", "frames": "1-2", "variables": {"shot": "SH1"}}""");
        var read = RenderJobFile.Read(job);
        Assert.Equal(_work["card/A.0001.exr"], read.Clip);
        Assert.Equal(_work["jobs/out"], read.Output);
        Assert.Equal("vfx-plates", read.Spec);
        Assert.Equal("SH1", read.Variables["shot"]);
        Assert.Null(read.Amf);
    }
}
