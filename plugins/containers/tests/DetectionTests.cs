using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Containers.QuickTime;
using static Rushes.Plugins.Containers.Tests.Bytes;
using static Rushes.Plugins.Containers.Tests.Fixtures;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>Detection by content (never by name), and what the host checks when it loads the plugin.</summary>
public sealed class DetectionTests
{
    [Theory]
    [InlineData("prores-mdta.mov")]
    [InlineData("udta-df.mov")]
    [InlineData("mpeg2-df.mxf")]
    public void Each_fixture_is_claimed_by_its_own_format_only_even_renamed(string name)
    {
        var file = File(name);
        var own = FormatOf(file);
        var other = own == Mov ? (ICameraFormat)MxfContainer : Mov;
        Assert.Equal(DetectionConfidence.Certain, own.Detect(Header(file, own.HeaderSize), "renamed.dat"));
        Assert.Equal(DetectionConfidence.None, other.Detect(Header(file, other.HeaderSize), name));
    }

    [Fact]
    public void Iso_media_brands_are_possible_and_pre_ftyp_movies_by_their_first_atom()
    {
        Assert.Equal(DetectionConfidence.Possible, Mov.Detect(Hex("00000018 66747970 69736f6d 00000200 69736f6d 6d703431"), "a.mp4"));   // ftyp isom
        Assert.Equal(DetectionConfidence.Certain, Mov.Detect(Hex("00000018 66747970 69736f6d 00000200 69736f6d 71742020"), "a.mp4"));    // 'qt  ' compatible
        Assert.Equal(DetectionConfidence.Certain, Mov.Detect(Hex("00001000 6d6f6f76 0000006c 6d766864"), "old"));                         // 'moov' first
        Assert.Equal(DetectionConfidence.Possible, Mov.Detect(Hex("00000008 77696465 00001000 6d646174"), "old"));                        // 'wide' first
        Assert.Equal(DetectionConfidence.None, Mov.Detect(Hex("00000004 6d6f6f76"), "bad"));                                             // a size below the header
        Assert.Equal(DetectionConfidence.None, Mov.Detect("<?xml version"u8, "x.mov"));
    }

    [Fact]
    public void Mxf_detection_needs_a_header_partition_pack_key()
    {
        var key = Hex("06.0e.2b.34.02.05.01.01.0d.01.02.01.01.02.04.00");
        Assert.Equal(DetectionConfidence.Certain, MxfContainer.Detect(key, "x"));
        Assert.Equal(DetectionConfidence.Certain, MxfContainer.Detect([.. new byte[100], .. key], "x"));            // after a run-in
        Assert.Equal(DetectionConfidence.None, MxfContainer.Detect(key.AsSpan(0, 15), "x.mxf"));                      // cut short
        Assert.Equal(DetectionConfidence.None, MxfContainer.Detect(With(key, k => k[14] = 0x07), "x.mxf"));        // no such status
        Assert.Equal(DetectionConfidence.None, MxfContainer.Detect(With(key, k => k[13] = 0x04), "x.mxf"));        // a footer first
    }

    [Fact]
    public void Exports_camera_formats_as_its_manifest_declares()
    {
        var project = XDocument.Load(Path.Combine(SourceFolder(), "..", "src", "Rushes.Plugins.Containers.csproj"));
        Assert.Equal("camera-format", project.Descendants("RushesPluginKinds").Single().Value);
        var components = typeof(QuickTimeFormat).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(ICameraFormat).IsAssignableFrom(t))
            .Select(t => (ICameraFormat)Activator.CreateInstance(t)!)
            .ToList();
        Assert.Equal(["mxf-metadata", "quicktime-metadata"], components.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(components, c => Assert.False(c.Capabilities.Supports(CapabilityNames.Decode)));
        Assert.All(components, c => Assert.False(string.IsNullOrWhiteSpace(c.DisplayName)));
    }

    [Fact]
    public void Decoding_is_refused_with_the_reason()
    {
        using var reader = Open(File("prores-mdta.mov"));
        var error = Assert.Throws<InputException>(() => reader.Decode(0, new DecodeRequest()));
        Assert.Equal("decode", error.Field);
        Assert.Equal(reader.Info.StartTimecode!.Value.AddFrames(2), reader.ReadFrameMetadata(2).Timecode);
        Assert.Throws<InputException>(() => reader.ReadFrameMetadata(3));
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
