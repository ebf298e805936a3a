using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.OpenExr.CameraFormat;

/// <summary>Groups numbered OpenEXR files (<c>shot010.1001.exr</c>, <c>plate_000123.exr</c>) into frame-sequence clips.</summary>
internal static partial class ExrSequence
{
    // A base name, a frame number, the extension; the separator before the number belongs to the base name.
    [GeneratedRegex(@"^(?<base>.*?)(?<frame>\d+)\.exr$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    public static IReadOnlyList<ClipLocation> Group(IEnumerable<string> files)
    {
        var clips = new List<ClipLocation>();
        var sequences = new Dictionary<string, List<(long Frame, string File)>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var match = Numbered().Match(Path.GetFileName(file));
            if (match.Success && long.TryParse(match.Groups["frame"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var frame) && match.Groups["frame"].Length <= 15)
            {
                var key = Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, match.Groups["base"].Value);
                if (!sequences.TryGetValue(key, out var list))
                {
                    sequences[key] = list = [];
                }

                list.Add((frame, file));
            }
            else
            {
                clips.Add(new ClipLocation { Name = Path.GetFileNameWithoutExtension(file), Path = file, Layout = ClipLayout.SingleFile, MediaFiles = [file] });
            }
        }

        foreach (var (key, frames) in sequences.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var diagnostics = new List<Diagnostic>();
            var ordered = new List<(long Frame, string File)>();
            foreach (var entry in frames.OrderBy(f => f.Frame).ThenBy(f => f.File, StringComparer.Ordinal))
            {
                if (ordered.Count > 0 && ordered[^1].Frame == entry.Frame)
                {
                    diagnostics.Add(Diagnostic.Warning($"Frame {entry.Frame} is in two files; {Path.GetFileName(ordered[^1].File)} is used.", entry.File, "frame"));
                    continue;
                }

                if (ordered.Count > 0 && entry.Frame != ordered[^1].Frame + 1)
                {
                    var gap = entry.Frame - ordered[^1].Frame - 1;
                    diagnostics.Add(Diagnostic.Warning(gap == 1 ? $"Frame {entry.Frame - 1} is missing from the sequence." : $"Frames {ordered[^1].Frame + 1} to {entry.Frame - 1} are missing from the sequence.",
                        entry.File, "frame", "consecutive frame numbers"));
                }

                ordered.Add(entry);
            }

            var name = Path.GetFileName(key).TrimEnd('.', '_', '-', ' ');
            clips.Add(new ClipLocation
            {
                Name = name.Length > 0 ? name : Path.GetFileNameWithoutExtension(ordered[0].File),
                Path = ordered[0].File,
                Layout = ordered.Count > 1 ? ClipLayout.FrameSequence : ClipLayout.SingleFile,
                MediaFiles = [.. ordered.Select(o => o.File)],
                Diagnostics = diagnostics,
            });
        }

        return clips;
    }

    /// <summary>The frame number in a sequence file's name, or null for an unnumbered file.</summary>
    public static long? FrameOf(string file)
    {
        var match = Numbered().Match(Path.GetFileName(file));
        return match.Success && long.TryParse(match.Groups["frame"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var frame) ? frame : null;
    }
}
