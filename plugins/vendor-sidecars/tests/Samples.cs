using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Host.Metadata;
using Rushes.Plugins.VendorSidecars.Arri;
using Rushes.Plugins.VendorSidecars.Bmd;
using Rushes.Plugins.VendorSidecars.Canon;
using Rushes.Plugins.VendorSidecars.Mlv;
using Rushes.Plugins.VendorSidecars.R3d;
using Rushes.Plugins.VendorSidecars.Red;
using Rushes.Plugins.VendorSidecars.Sony;
using Rushes.Testing;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>The vendor samples in the shared conformance data, found, grouped and opened the way the host does.</summary>
internal static class Samples
{
    public static readonly ICameraFormat[] Formats = [new SonyNrtFormat(), new ArriMetaExtractFormat(), new RedPrintMetaFormat(), new CanonCsvFormat(), new BmdRawDumpFormat(),
        new ArriAleFormat(), new MlvFormat(), new R3dFormat()];

    public static string Folder(string vendor) => ConformanceData.Path("metadata", vendor);

    /// <summary>The clips a format groups from a folder's files that it detects by content.</summary>
    public static IReadOnlyList<ClipLocation> Group(ICameraFormat format, string folder)
    {
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var detected = files.Where(f => format.Detect(Header(f, format.HeaderSize), Path.GetFileName(f)) != DetectionConfidence.None).ToArray();
        return format.GroupClips(new ClipGroupingRequest { Directory = folder, DetectedFiles = detected, AllFiles = files });
    }

    public static byte[] Header(string file, int size)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[Math.Min(size, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Opens the folder's only clip.</summary>
    public static IClipReader Open(ICameraFormat format, string folder) => format.Open(Assert.Single(Group(format, folder)));

    /// <summary>Every frame's metadata, read one by one.</summary>
    public static List<FrameMetadata> AllFrames(IClipReader reader) => [.. reader.Info.Frames.Frames().Select(reader.ReadFrameMetadata)];

    /// <summary>The v1 document of a clip, checked against the schema.</summary>
    public static JsonObject Document(IClipReader reader, bool withTracks)
    {
        var document = ClipDocumentV1.Build(reader.Metadata, Path.GetFileName(reader.Location.Path), withTracks ? AllFrames(reader) : null);
        Assert.Empty(ClipSchemaValidator.Validate(document));
        return document;
    }

    public static MetadataValue N(IClipReader reader, string key) => reader.Metadata.Normalized[key];
}
