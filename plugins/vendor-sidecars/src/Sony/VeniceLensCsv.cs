using System.Text.RegularExpressions;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Plugins.VendorSidecars.Common;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.VendorSidecars.Sony;

/// <summary>The Venice per-frame lens CSV: timecode, focal length (mm), aperture in stops and tenths, focus distance in feet or metres.</summary>
internal static partial class VeniceLensCsv
{
    public static List<FrameMetadata> Read(string file, Timecode? start, List<Diagnostic> diagnostics)
    {
        var table = DelimitedTable.Parse(SourceFile.ReadText(file), ',', file);
        var focusColumn = table.Has("Focus Distance (ft)") ? "Focus Distance (ft)" : "Focus Distance (m)";
        var toMetres = focusColumn.EndsWith("(ft)", StringComparison.Ordinal) ? Units.MetresPerFoot : 1.0;
        var columns = new[] { "Timecode", "Focal Length (mm)", "Aperture", focusColumn };
        foreach (var column in columns)
        {
            table.Column(column);
        }

        var frames = new List<FrameMetadata>(table.Rows.Count);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var values = MetadataSet.Create();
            if (Units.TryNumber(table.Value(row, "Focal Length (mm)"), out var focal))
            {
                values.Set(F.FocalLength, MetadataValue.Of(focal, MetadataUnit.Millimetre));
            }

            var aperture = Aperture().Match(table.Value(row, "Aperture"));
            if (aperture.Success)
            {
                var stops = int.Parse(aperture.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
                            + (aperture.Groups[3].Success ? (aperture.Groups[3].Value[0] - '0') / 10.0 : 0);
                var number = Units.StopsToNumber(stops);
                values.Set(aperture.Groups[1].Value == "T" ? F.TStop : F.FStop, MetadataValue.Of(number, aperture.Groups[1].Value == "T" ? MetadataUnit.TNumber : MetadataUnit.FNumber));
            }

            if (Units.TryNumber(table.Value(row, focusColumn), out var focus))
            {
                // Feet to metres: × 0.3048 (camera-formats.md §6, Sony lens CSV focus).
                values.Set(F.FocusDistance, MetadataValue.Of(focus * toMetres, MetadataUnit.Metre));
            }

            Timecode? timecode = null;
            if (start is { } s)
            {
                if (!Timecode.TryParse(table.Value(row, "Timecode"), s.Rate, out var tc, out var error))
                {
                    throw new InputException($"{Path.GetFileName(file)} row {row + 1}: {error}", file, "Timecode", "HH:MM:SS:FF");
                }

                timecode = tc;
                if (tc != s.AddFrames(row) && diagnostics.Count == 0)
                {
                    diagnostics.Add(Diagnostic.Warning($"Row {row + 1}'s timecode {tc} is not the XML's start plus {row} frames ({s.AddFrames(row)}).", file, "Timecode"));
                }
            }

            frames.Add(new FrameMetadata { Frame = row, Timecode = timecode, Values = values.Build() });
        }

        return frames;
    }

    /// <summary>"T 2 3/10": the letter, whole stops, then tenths of a stop.</summary>
    [GeneratedRegex(@"^([TF])\s*(\d+)(?:\s+(\d)/10)?$")]
    private static partial Regex Aperture();
}
