using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Host.Metadata;
using Rushes.Plugins.Containers.Mxf;
using Rushes.Plugins.Containers.QuickTime;
using Rushes.Testing;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>The committed fixtures (made by ffmpeg with the commands in Fixtures/README.md), opened the way the host does.</summary>
internal static class Fixtures
{
    public static readonly QuickTimeFormat Mov = new();
    public static readonly MxfFormat MxfContainer = new();

    public static string Folder { get; } = Path.Combine(SourceFolder(), "Fixtures");

    public static string File(string name) => Path.Combine(Folder, name);

    public static ICameraFormat FormatOf(string file) => file.EndsWith(".mxf", StringComparison.OrdinalIgnoreCase) ? MxfContainer : Mov;

    /// <summary>Opens a file as its own clip, after checking that its format detects it by content.</summary>
    public static IClipReader Open(string file) => Open(FormatOf(file), file);

    public static IClipReader Open(ICameraFormat format, string file)
    {
        Assert.NotEqual(DetectionConfidence.None, format.Detect(Header(file, format.HeaderSize), Path.GetFileName(file)));
        var clip = Assert.Single(format.GroupClips(new ClipGroupingRequest { Directory = Path.GetDirectoryName(file)!, DetectedFiles = [file], AllFiles = [file] }));
        return format.Open(clip);
    }

    public static byte[] Header(string file, int size)
    {
        using var stream = System.IO.File.OpenRead(file);
        var buffer = new byte[Math.Min(size, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>The v1 document of a clip, checked against the schema.</summary>
    public static JsonObject Document(IClipReader reader)
    {
        var document = ClipDocumentV1.Build(reader.Metadata, Path.GetFileName(reader.Location.Path));
        Assert.Empty(ClipSchemaValidator.Validate(document));
        return document;
    }

    public static MetadataValue N(IClipReader reader, string key) => reader.Metadata.Normalized[key];

    public static MetadataValue V(IClipReader reader, string key) => reader.Metadata.Vendor[key];

    /// <summary>Runs ffmpeg (installed by .ci/run) to make a fixture at test time.</summary>
    public static void Ffmpeg(params string[] args)
        => ReferenceTool.Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. args]).EnsureSuccess("ffmpeg");

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
