using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Host.Catalog;

/// <summary>
/// A clip ready to store: its normalized v1 document, where it was found, and the search columns taken from the
/// document (never from anywhere else, so the columns and the document cannot disagree).
/// </summary>
public sealed record CatalogEntry
{
    private CatalogEntry()
    {
    }

    public required string Identity { get; init; }

    public required string Path { get; init; }

    public required string Name { get; init; }

    public required string Format { get; init; }

    public string? Card { get; init; }

    public FrameRange? Frames { get; init; }

    public required JsonObject Document { get; init; }

    public required string ContentHash { get; init; }

    internal string? Reel => Text(Document, "clip", "reel");

    internal string? CameraLetter => Text(Document, "camera", "letter");

    internal string? CameraMake => Text(Document, "camera", "make");

    internal string? CameraModel => Text(Document, "camera", "model");

    internal string? CameraSerial => Text(Document, "camera", "serial");

    internal long? FrameCount => Document["clip"]?["frame_count"]?["value"]?.GetValue<long>();

    internal Rational? CaptureFps => Fraction(Document["clip"]?["capture_fps"]?["value"]);

    internal Timecode? TimecodeIn => Tc(Document["timecode"]?["in"]);

    internal Timecode? TimecodeOut => Tc(Document["timecode"]?["out"]);

    internal string FormatKey => Document["format_key"]!["value"]!.GetValue<string>();

    /// <summary>The five parts of the format key: letter, model, sensor mode, codec, squeeze.</summary>
    internal string[] FormatKeyParts => FormatKey.Split('|');

    /// <summary>Builds the entry for a clip's document.</summary>
    /// <param name="document">The clip's normalized v1 document (valid against the schema).</param>
    /// <param name="path">The clip's path (file, or folder of a frame sequence).</param>
    /// <param name="name">The clip name its format gave.</param>
    /// <param name="format">The camera-format id.</param>
    /// <param name="frames">The clip's frame numbers, or null when its format does not say.</param>
    /// <param name="card">The card (ingest root) it came from.</param>
    public static CatalogEntry Create(JsonObject document, string path, string name, string format, FrameRange? frames = null, string? card = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fullPath = System.IO.Path.GetFullPath(path);
        var fullCard = card is null ? null : System.IO.Path.GetFullPath(card);
        var relative = fullCard is null ? fullPath : System.IO.Path.GetRelativePath(fullCard, fullPath);
        var hashed = new JsonObject
        {
            ["path"] = fullPath,
            ["card"] = fullCard,
            ["name"] = name,
            ["format"] = format,
            ["frames"] = frames is { } f ? new JsonArray(f.First, f.Last) : null,
            ["document"] = document.DeepClone(),
        };
        return new CatalogEntry
        {
            Identity = ClipIdentity.Of(document, name, format, relative),
            Path = fullPath,
            Card = fullCard,
            Name = name,
            Format = format,
            Frames = frames,
            Document = document,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashed.ToJsonString()))),
        };
    }

    internal static string? Text(JsonNode document, string group, string name) => document[group]?[name]?["value"]?.GetValue<string>();

    private static Rational? Fraction(JsonNode? value)
        => value?["num"]?.GetValue<long>() is { } num && value["denom"]?.GetValue<long>() is { } den and > 0 ? new Rational(num, den) : null;

    private static Timecode? Tc(JsonNode? node)
    {
        if (node?["value"]?.GetValue<string>() is not { } text || Fraction(node["rate"]) is not { } rate)
        {
            return null;
        }

        var fps = new FrameRate(rate.Numerator, rate.Denominator);
        return Timecode.TryParse(text, fps, out var tc, out _) ? tc : null;
    }
}

/// <summary>
/// A clip's identity, the same wherever its card is copied: a hash of its format, name, media file name, camera
/// serial, reel and start timecode. A clip with neither a serial nor a timecode cannot be told from a namesake on
/// another card by its metadata, so its path inside the card is added.
/// </summary>
public static class ClipIdentity
{
    /// <summary>The identity: 32 hex digits (128 bits of SHA-256).</summary>
    public static string Of(JsonObject document, string name, string format, string pathInCard)
    {
        ArgumentNullException.ThrowIfNull(document);
        var serial = CatalogEntry.Text(document, "camera", "serial");
        var timecode = document["timecode"]?["in"]?["value"]?.GetValue<string>();
        var parts = new[]
        {
            "rushes-clip-identity-1",
            format,
            CatalogEntry.Text(document, "clip", "name") ?? name,
            CatalogEntry.Text(document, "clip", "file_name") ?? string.Empty,
            serial ?? string.Empty,
            CatalogEntry.Text(document, "clip", "reel") ?? string.Empty,
            timecode ?? string.Empty,
            serial is null && timecode is null ? pathInCard.Replace('\\', '/') : string.Empty,
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
