using System.Text.Json.Nodes;
using Rushes.Host.Catalog;
using Rushes.Host.Catalog.Ingest;

namespace Rushes.Cli;

/// <summary>Catalog results as the JSON the catalog commands print.</summary>
public static class CatalogJson
{
    /// <summary>A stored clip: its search columns, then its whole normalized v1 document.</summary>
    public static JsonObject ToJson(ClipRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JsonObject
        {
            ["identity"] = record.Identity,
            ["name"] = record.Name,
            ["path"] = record.Path,
            ["card"] = record.Card,
            ["format"] = record.Format,
            ["reel"] = record.Reel,
            ["camera"] = new JsonObject
            {
                ["letter"] = record.CameraLetter,
                ["make"] = record.CameraMake,
                ["model"] = record.CameraModel,
                ["serial"] = record.CameraSerial,
            },
            ["timecodeIn"] = record.TimecodeIn?.ToString(),
            ["timecodeOut"] = record.TimecodeOut?.ToString(),
            ["timecodeRate"] = record.TimecodeIn?.Rate.ToString(),
            ["frameRate"] = record.FrameRate?.ToString(),
            ["frames"] = record.Frames is { } f ? new JsonObject { ["first"] = f.First, ["last"] = f.Last, ["count"] = f.Count } : null,
            ["formatKey"] = record.FormatKey,
            ["contentHash"] = record.ContentHash,
            ["document"] = record.Document.DeepClone(),
        };
    }

    /// <summary>A camera-format card.</summary>
    public static JsonObject ToJson(FormatCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject
        {
            ["key"] = card.Key,
            ["cameraLetter"] = card.CameraLetter,
            ["cameraModel"] = card.CameraModel,
            ["sensorMode"] = card.SensorMode,
            ["codec"] = card.Codec,
            ["squeeze"] = card.Squeeze,
            ["clips"] = card.Clips,
        };
    }

    /// <summary>An ingest's result.</summary>
    public static JsonObject ToJson(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["card"] = report.Card,
            ["catalog"] = report.Catalog,
            ["mhl"] = report.MhlVerifiedFiles is { } files
                ? new JsonObject { ["verified"] = true, ["files"] = files }
                : new JsonObject { ["verified"] = false, ["skipped"] = "--no-mhl" },
            ["added"] = report.Added,
            ["unchanged"] = report.Unchanged,
            ["updated"] = report.Updated,
            ["failed"] = report.Failed.Count,
            ["clips"] = new JsonArray([.. report.Clips.Select(c => (JsonNode)new JsonObject
            {
                ["identity"] = c.Identity,
                ["name"] = c.Name,
                ["path"] = c.Path,
                ["format"] = c.Format,
                ["formatKey"] = c.FormatKey,
                ["outcome"] = c.Outcome.ToString().ToLowerInvariant(),
            })]),
            ["failures"] = new JsonArray([.. report.Failed.Select(f => (JsonNode)new JsonObject
            {
                ["file"] = f.File,
                ["format"] = f.Format,
                ["reason"] = f.Reason,
            })]),
        };
    }
}
