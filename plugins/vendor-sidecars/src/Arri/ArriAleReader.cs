using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Arri;

/// <summary>
/// Maps one clip row of an ARRI ALE to vendor and normalized metadata. The ARRI columns are Meta Extract's names
/// written with underscores ("Camera_Serial_Number", "Sensor_Fps"), matched loosely, so the same camera fields go
/// through the same map as the CSV (<see cref="ArriFields"/>); a few shorter spellings are accepted as well.
/// </summary>
internal static class ArriAleReader
{
    /// <summary>Other spellings of Meta Extract's columns in ALEs (Avid's own "Name" and "Tape", and short ARRI forms).</summary>
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["Camera Clip Name"] = ["Name"],
        ["Reel"] = ["Reel_Name", "Tape"],
        ["Exposure Index ASA"] = ["Exposure_Index", "EI"],
        ["Camera Serial Number"] = ["Camera_SN"],
        ["Lens Model"] = ["Lens_Type"],
        ["Lens Serial Number"] = ["Lens_SN"],
        ["Lens Focal Length"] = ["Focal_Length"],
        ["Lens Focus Distance"] = ["Focus_Distance"],
        ["White Balance CC"] = ["WB_Tint", "Tint"],
        ["Recording Codec"] = ["Codec"],
        ["Look Name"] = ["Look"],
    };

    /// <summary>The clip's name in a row: Avid's Name column, else ARRI's Camera_Clip_Name.</summary>
    public static string? NameOf(AleFile ale, string[] row)
        => ale.Column("Name", "Camera_Clip_Name") is >= 0 and var i && row[i].Length > 0 ? row[i] : null;

    /// <summary>The media file a row names (Avid's "Source File").</summary>
    public static string? SourceFileOf(AleFile ale, string[] row)
        => ale.Column("Source File") is >= 0 and var i && row[i].Length > 0 ? row[i] : null;

    public static VendorClip Read(AleFile ale, string clipName, string? mediaFile)
    {
        var file = ale.File;
        var (line, row) = ale.Rows.FirstOrDefault(r => string.Equals(NameOf(ale, r.Cells), clipName, StringComparison.Ordinal));
        if (row is null)
        {
            throw new InputException($"{Path.GetFileName(file)} has no row for clip '{clipName}'.", file, "Name", $"a row named '{clipName}'");
        }

        string? Get(string column)
        {
            var index = ale.Column([column, .. Aliases.GetValueOrDefault(column, [])]);
            return index >= 0 ? ArriFields.Value(row[index]) : null;
        }

        string Required(string column)
            => Get(column) ?? throw new InputException($"{Path.GetFileName(file)} line {line} has no {column} for clip '{clipName}'.", file, column, $"a {column} value");

        // The timecodes count at the ALE's FPS (Avid's heading), else the project rate.
        var fpsText = ale.Heading.GetValueOrDefault("FPS") is { Length: > 0 } h ? h : Get("Project FPS");
        var rate = ArriFields.Rate(fpsText) is { } r ? new FrameRate(r.Numerator, r.Denominator)
            : throw new InputException($"{Path.GetFileName(file)} has no frame rate: neither an FPS heading nor a Project_FPS column.", file, "FPS", "an FPS heading such as 24 or 23.976");
        var start = Parse(Required("Start"), rate, file, "Start");
        var end = Parse(Required("End"), rate, file, "End");
        // Avid's End is exclusive: the first frame after the clip, so Duration = End − Start.
        var count = end.FramesSince(start);
        if (count <= 0)
        {
            throw new InputException($"{Path.GetFileName(file)} line {line}: End {end} is not after Start {start}.", file, "End", $"a timecode after {start}");
        }

        var diagnostics = new List<Diagnostic>();
        if (Get("Duration") is { } d && Timecode.TryParse(d, rate, out var duration, out _) && duration.FrameOfDay != count)
        {
            diagnostics.Add(Diagnostic.Warning($"Clip '{clipName}': Duration {d} is not End − Start ({count} frames).", file, "Duration", $"{Timecode.FromFrames(count, rate)}"));
        }

        var metresPerUnit = ArriFields.DistanceUnit(Get("Lens Distance Unit"), file);
        var lens = ArriFields.Lens(Get, metresPerUnit);
        var n = new NormalizedBuilder();
        n.Text(F.ClipName, clipName, string.Empty)
            .Text(Keys.FileName, mediaFile is not null ? Path.GetFileName(mediaFile) : Get("Source File"), "the ALE's Source File is empty and no media file is beside it")
            .Integer(F.FrameCount, count, MetadataUnit.None, string.Empty)
            .Timecode(F.TimecodeIn, start, string.Empty)
            .Timecode(Keys.TimecodeOut, start.AddFrames(count - 1), string.Empty);
        ArriFields.Static(n, Get, "the ALE");
        n.Value(F.FocalLength, lens[F.FocalLength].IsPresent ? lens[F.FocalLength] : MetadataValue.Missing("the ALE's Lens Focal Length is not set"))
            .Value(F.TStop, lens[F.TStop].IsPresent ? lens[F.TStop] : MetadataValue.Missing("the ALE's Lens Linear Iris is not set"))
            .Value(F.FocusDistance, lens[F.FocusDistance].IsPresent ? lens[F.FocusDistance] : MetadataValue.Missing("the ALE's Lens Focus Distance is not set"));

        var vendor = MetadataSet.Create();
        foreach (var (key, value) in ale.Heading)
        {
            vendor.Set($"ALE:{key}", MetadataValue.Of(value));
        }

        for (var i = 0; i < ale.Columns.Count; i++)
        {
            vendor.Set(ale.Columns.Take(i).Contains(ale.Columns[i]) ? $"ARRI:{ale.Columns[i]}#{i}" : $"ARRI:{ale.Columns[i]}", MetadataValue.Of(row[i]));
        }

        var projectFps = ArriFields.Rate(Get("Project FPS"));
        var info = new ClipInfo
        {
            Frames = new FrameRange(0, count - 1),
            Width = (int)Math.Min(ArriFields.Positive(Get("Image Width")) ?? 0, int.MaxValue),
            Height = (int)Math.Min(ArriFields.Positive(Get("Image Height")) ?? 0, int.MaxValue),
            PixelAspectRatio = ArriFields.Squeeze(Get("Lens Squeeze")) ?? 1,
            FrameRate = projectFps is { } p ? new FrameRate(p.Numerator, p.Denominator) : rate,
            StartTimecode = start,
        };
        return new VendorClip { Info = info, Metadata = new ClipMetadata { Vendor = vendor.Build(), Normalized = n.Build() }, Diagnostics = diagnostics };
    }

    private static Timecode Parse(string text, FrameRate rate, string file, string column)
        => Timecode.TryParse(text, rate, out var tc, out var error)
            ? tc
            : throw new InputException($"{Path.GetFileName(file)}'s {column}: {error}", file, column, "HH:MM:SS:FF");
}
