using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Host.Clips;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;

namespace Rushes.Host.Tests;

/// <summary>
/// The rule that joins claims on one media file, decided from the clip locations and declared capabilities only:
/// which claims are one clip, their metadata order, the lead, the joined location and the catalog's format id.
/// </summary>
public sealed class ClipClaimsTests
{
    private const string Folder = "/card/A001";
    private static readonly string Media = Path.Combine(Folder, "A001C001.mxf");
    private static readonly string Xml = Path.Combine(Folder, "A001C001M01.XML");

    [Fact]
    public void A_sidecar_claim_leads_the_metadata_and_a_decoding_claim_leads_the_pixels()
    {
        var sidecar = Claim("zz-sidecar", Location(Media, [Media], [Xml]));
        var container = Claim("aa-container", Location(Media, [Media], []));
        var decoder = Claim("mm-decoder", Location(Media, [Media], []), CapabilityNames.Decode);
        var other = Claim("aa-container", Location(Path.Combine(Folder, "A001C002.mxf"), [Path.Combine(Folder, "A001C002.mxf")], []));

        var merged = ClipClaims.Merge([container, other, decoder, sidecar]);

        Assert.Equal(2, merged.Count);
        var joined = merged[0];
        // Sidecars first, then the media's own readers by id; the decoder gives info and pixels.
        Assert.Equal(["zz-sidecar", "aa-container", "mm-decoder"], joined.Claims.Select(c => c.Format.Format.Id));
        Assert.Equal("zz-sidecar+aa-container+mm-decoder", joined.FormatId);
        Assert.Equal("mm-decoder", joined.Format.Format.Id);
        Assert.Equal(ClipLayout.FileWithSidecars, joined.Location.Layout);
        Assert.Equal([Media], joined.Location.MediaFiles);
        Assert.Equal([Xml], joined.Location.Sidecars);
        Assert.Equal(Media, joined.Location.Path);

        // A clip one format claims is left as it was found.
        Assert.Same(other, merged[1]);
        Assert.Equal("aa-container", merged[1].FormatId);
        Assert.Single(merged[1].Claims);
    }

    [Fact]
    public void Without_a_decoder_the_claim_that_reads_the_media_itself_leads()
    {
        var sidecar = Claim("aa-sidecar", Location(Media, [Media], [Xml]));
        var container = Claim("zz-container", Location(Media, [Media], []));

        var joined = Assert.Single(ClipClaims.Merge([sidecar, container]));

        Assert.Equal("zz-container", joined.Format.Format.Id);
        Assert.Equal("aa-sidecar+zz-container", joined.FormatId);
    }

    [Fact]
    public void Claims_that_share_a_media_file_through_a_third_are_one_clip()
    {
        var second = Path.Combine(Folder, "A001C001_002.mxf");
        var spanned = Claim("span", Location(Media, [Media, second], []));
        var first = Claim("side-a", Location(Media, [Media], [Xml]));
        var last = Claim("side-b", Location(second, [second], [Path.Combine(Folder, "A001C001_002.csv")]));

        var joined = Assert.Single(ClipClaims.Merge([first, last, spanned]));

        Assert.Equal("span", joined.Format.Format.Id);
        // The lead's media in its frame order; every claim's sidecars.
        Assert.Equal([Media, second], joined.Location.MediaFiles);
        Assert.Equal([Xml, Path.Combine(Folder, "A001C001_002.csv")], joined.Location.Sidecars);
        Assert.Equal("side-a+side-b+span", joined.FormatId);
    }

    private static ClipLocation Location(string path, IReadOnlyList<string> media, IReadOnlyList<string> sidecars) => new()
    {
        Name = Path.GetFileNameWithoutExtension(path),
        Path = path,
        Layout = sidecars.Count > 0 ? ClipLayout.FileWithSidecars : ClipLayout.SingleFile,
        MediaFiles = media,
        Sidecars = sidecars,
    };

    private static DiscoveredClip Claim(string id, ClipLocation location, params string[] capabilities)
    {
        var declared = Capabilities.Create().Add(CapabilityNames.Metadata);
        foreach (var capability in capabilities)
        {
            declared.Add(capability);
        }

        return new DiscoveredClip(new RoutedFormat(new PluginRecord(Path.Combine("/plugins", id), null), new DeclaredFormat(id, declared.Build())), location);
    }

    /// <summary>A format known only by what it declares: the rule never detects, groups or opens.</summary>
    private sealed class DeclaredFormat(string id, Capabilities capabilities) : ICameraFormat
    {
        public string Id => id;

        public string DisplayName => id;

        public Capabilities Capabilities => capabilities;

        public IReadOnlyList<string> FileExtensions => [];

        public int HeaderSize => 0;

        public IReadOnlyList<ParameterDefinition> DecodeParameters => [];

        public DetectionConfidence Detect(ReadOnlySpan<byte> header, string fileName) => DetectionConfidence.None;

        public IReadOnlyList<ClipLocation> GroupClips(ClipGroupingRequest request) => throw new InvalidOperationException("The merge rule never groups.");

        public IClipReader Open(ClipLocation clip, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The merge rule never opens.");
    }
}
