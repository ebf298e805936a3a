using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Arri;

/// <summary>Maps an ARRI Meta Extract CSV to vendor, normalized and per-frame metadata.</summary>
internal static class ArriMetaExtractReader
{
    /// <summary>The columns a clip cannot be read without.</summary>
    private static readonly string[] Required =
        ["Master TC", "Camera Clip Name", "Sensor FPS", "Project FPS", "Master TC Time Base", "Master TC Drop Frame", "Image Width", "Image Height",
         "Lens Focus Distance", "Lens Focal Length", "Lens Linear Iris", "Lens Distance Unit"];

    public static VendorClip Read(string file, string? mediaFile)
    {
        var table = DelimitedTable.Parse(SourceFile.ReadText(file), '\t', file);
        foreach (var column in Required)
        {
            table.Column(column);
        }

        var first = table.FirstRow();
        string? Get(string column) => table.Has(column) && ArriFields.Value(first[table.Column(column)]) is { } v ? v : null;

        var projectFps = ArriFields.Rate(Get("Project FPS"));
        var timecodeRate = ArriFields.Rate(first[table.Column("Master TC Time Base")])
            ?? throw new InputException($"{Path.GetFileName(file)}'s Master TC Time Base '{first[table.Column("Master TC Time Base")]}' is not a frame rate.", file, "Master TC Time Base", "a frame rate such as 24.000");
        var dropFrame = string.Equals(Get("Master TC Drop Frame"), "yes", StringComparison.OrdinalIgnoreCase);
        var rate = new FrameRate(timecodeRate.Numerator, timecodeRate.Denominator);
        var metresPerUnit = ArriFields.DistanceUnit(Get("Lens Distance Unit"), file);
        var frames = new List<FrameMetadata>(table.Rows.Count);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            frames.Add(Frame(table, row, rate, dropFrame, metresPerUnit));
        }

        var start = frames[0].Timecode;
        var end = frames[^1].Timecode;
        var n = new NormalizedBuilder();
        n.Text(F.ClipName, Get("Camera Clip Name"), "the CSV's Camera Clip Name is empty")
            // AME names its CSV after the file it read ("<clip>.mov.csv"): the media name is the CSV's without ".csv".
            .Text(Keys.FileName, mediaFile is not null ? Path.GetFileName(mediaFile) : MediaNameOf(file), "the CSV is not named after a media file (<clip>.<ext>.csv), and no media file is beside it")
            .Integer(F.FrameCount, table.Rows.Count, MetadataUnit.None, string.Empty)
            .Timecode(F.TimecodeIn, start, string.Empty)
            .Timecode(Keys.TimecodeOut, end, string.Empty);
        ArriFields.Static(n, Get, "the CSV");
        foreach (var key in new[] { F.FocalLength, F.TStop, F.FocusDistance })
        {
            n.Value(key, frames[0].Values[key]);
        }

        var vendor = MetadataSet.Create();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var name = table.Header[i];
            vendor.Set(table.Header.Take(i).Contains(name) ? $"ARRI:{name}#{i}" : $"ARRI:{name}", MetadataValue.Of(first[i]));
        }

        var width = ArriFields.Positive(Get("Image Width"));
        var height = ArriFields.Positive(Get("Image Height"));
        var info = new ClipInfo
        {
            Frames = new FrameRange(0, table.Rows.Count - 1),
            Width = (int)Math.Min(width ?? 0, int.MaxValue),
            Height = (int)Math.Min(height ?? 0, int.MaxValue),
            PixelAspectRatio = ArriFields.Squeeze(Get("Lens Squeeze")) ?? 1,
            FrameRate = projectFps is { } p ? new FrameRate(p.Numerator, p.Denominator) : rate,
            StartTimecode = start,
        };
        var diagnostics = new List<Diagnostic>();
        if (start is { } s0 && end is { } s1 && s1.FramesSince(s0) != table.Rows.Count - 1)
        {
            diagnostics.Add(Diagnostic.Warning($"Master TC runs {start} to {end}, which is not {table.Rows.Count} consecutive frames.", file, "Master TC"));
        }

        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = n.Build() }, Frames = frames, Diagnostics = diagnostics };
    }

    private static FrameMetadata Frame(DelimitedTable table, int row, FrameRate rate, bool dropFrame, double metresPerUnit)
    {
        var tcText = table.Value(row, "Master TC");
        if (!Timecode.TryParse(tcText, rate, out var tc, out var error))
        {
            throw new InputException($"{Path.GetFileName(table.File)} frame {row}: {error}", table.File, "Master TC", "HH:MM:SS:FF");
        }

        var values = ArriFields.Lens(column => table.Value(row, column), metresPerUnit);
        return new FrameMetadata { Frame = row, Timecode = dropFrame && rate.SupportsDropFrame ? tc.WithCounting(true) : tc, Values = values };
    }

    private static string? MediaNameOf(string csv)
    {
        var name = Path.GetFileName(csv);
        var inner = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return Path.HasExtension(inner) ? inner : null;
    }
}
