using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Host.Metadata;
using Rushes.Testing;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>Each sample's whole normalized v1 document, approved as golden JSON and valid against the schema.</summary>
public sealed class GoldenDocumentTests
{
    public static TheoryData<string> Vendors => ["venice", "arri", "red", "canon", "bmd"];

    [Theory]
    [MemberData(nameof(Vendors))]
    public void Sample_normalizes_to_its_golden_document(string vendor)
    {
        using var reader = OpenSample(vendor);
        var document = Document(reader, withTracks: false);
        Golden.VerifyJson(document.ToJsonString(), vendor);
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public void Per_frame_lens_tracks_are_valid_and_follow_the_frames(string vendor)
    {
        using var reader = OpenSample(vendor);
        var document = Document(reader, withTracks: true);
        var tracks = document["tracks"]!.AsObject();
        Assert.NotEmpty(tracks);
        foreach (var (key, track) in tracks)
        {
            Assert.Equal(reader.Info.Frames.Count, track!["values"]!.AsArray().Count);
            Assert.Equal(reader.Info.Frames.First, track["first_frame"]!.GetValue<long>());
            // The static value is the first frame's.
            Assert.Equal(document[key.Split('.')[0]]![key.Split('.')[1]]!["value"]!.GetValue<double>(), track["values"]![0]!.GetValue<double>());
        }
    }

    [Fact]
    public void Every_document_is_valid_and_a_broken_one_is_not()
    {
        using var reader = OpenSample("arri");
        var document = Document(reader, withTracks: false);
        document["lens"]!["focal_length"]!["unit"] = "in";
        document["clip"]!.AsObject().Remove("reel");
        var problems = ClipSchemaValidator.Validate(document);
        Assert.Contains(problems, p => p.Contains("/lens/focal_length", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("reel", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_keys_are_letter_model_mode_codec_and_squeeze()
    {
        string Key(string vendor)
        {
            using var reader = OpenSample(vendor);
            return Document(reader, withTracks: false)["format_key"]!["value"]!.GetValue<string>();
        }

        Assert.Equal("D|MPC-3610|6K 16:9|X-OCN XT|1", Key("venice"));
        Assert.Equal("B|Alexa LF Plus W|1920x1080|Apple ProRes 4444|1", Key("arri"));
        Assert.Equal("A|RANGER MONSTRO 8K VV|4096x2160|REDcode 8:1|1", Key("red"));
        Assert.Equal("Missing|Missing|5952x3140|Missing|1", Key("canon"));
        Assert.Equal("A|Blackmagic URSA Mini Pro 12K|7680x6408 sensor area|Blackmagic RAW 12:1|2", Key("bmd"));
    }

    internal static IClipReader OpenSample(string vendor) => vendor switch
    {
        "venice" => Open(Formats[0], Folder(vendor)),
        "arri" => Open(Formats[1], Folder(vendor)),
        "red" => Open(Formats[2], Folder(vendor)),
        "canon" => Open(Formats[3], Folder(vendor)),
        _ => Open(Formats[4], Folder(vendor)),
    };

    private static JsonNode? Unused => null;
}
