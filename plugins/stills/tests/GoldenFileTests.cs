using System.Text;
using Rushes.Testing;

namespace Rushes.Plugins.Stills.Tests;

/// <summary>The decoded pixel statistics of each kind of still, as OpenImageIO reports them.</summary>
public sealed class GoldenFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Decoded_statistics_of_each_kind_of_still()
    {
        (string Name, (string, string)[] Options)[] kinds =
        [
            ("jpeg q95 444 sRGB", [("format", "jpeg"), ("quality", "95")]),
            ("jpeg q75 420 untagged", [("format", "jpeg"), ("quality", "75"), ("chroma-subsampling", "420"), ("icc", "false")]),
            ("png 8-bit", [("format", "png"), ("bit-depth", "8")]),
            ("png 16-bit level 9", [("format", "png"), ("bit-depth", "16"), ("png-level", "9")]),
            ("png 16-bit thumbnail 48", [("format", "png"), ("bit-depth", "16"), ("long-edge", "48")]),
            ("jpeg thumbnail 33", [("format", "jpeg"), ("long-edge", "33")]),
        ];
        var report = new StringBuilder();
        using var image = StillFiles.Picture(128, 72, seed: 7);
        foreach (var (name, options) in kinds)
        {
            var path = StillFiles.Write(Path.Combine(_temp.Path, name.Replace(' ', '-')), image, options);
            var stats = ReferenceTool.Run("oiiotool", ["--stats", path]).EnsureSuccess("oiiotool --stats").StandardOutput;
            report.AppendLine($"== {name}");
            foreach (var line in stats.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Contains(" x ", StringComparison.Ordinal) || l.StartsWith("Stats Min", StringComparison.Ordinal) || l.StartsWith("Stats Max", StringComparison.Ordinal) || l.StartsWith("Stats Avg", StringComparison.Ordinal) || l.StartsWith("Stats StdDev", StringComparison.Ordinal)))
            {
                // The file name is a temporary folder; keep what follows it.
                report.AppendLine(line.Contains(" : ", StringComparison.Ordinal) ? line[(line.IndexOf(" : ", StringComparison.Ordinal) + 3)..].Trim() : line);
            }
        }

        Golden.VerifyText(report.ToString(), "statistics");
    }
}
