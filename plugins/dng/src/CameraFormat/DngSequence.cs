using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.CameraFormat;

/// <summary>
/// Groups DNG files into clips: numbered files of one base name (CinemaDNG's <c>NAME_000123.dng</c>) are a frame
/// sequence, any other DNG is a clip of its own. Gaps and duplicated frame numbers become the clip's diagnostics.
/// </summary>
internal static partial class DngSequence
{
    // A base name, a frame number of up to 15 digits, the extension; the separator before the number belongs to the base name.
    [GeneratedRegex(@"^(?<base>.*?)(?<frame>\d{1,15})\.dng$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    public static long? FrameOf(string file)
    {
        var match = Numbered().Match(Path.GetFileName(file));
        return match.Success ? long.Parse(match.Groups["frame"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    public static IReadOnlyList<ClipLocation> Group(string directory, IReadOnlyList<string> files)
    {
        var clips = new List<ClipLocation>();
        var sequences = new SortedDictionary<string, List<(long Frame, string File)>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var match = Numbered().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                clips.Add(new ClipLocation { Name = Path.GetFileNameWithoutExtension(file), Path = file, Layout = ClipLayout.SingleFile, MediaFiles = [file] });
                continue;
            }

            var key = match.Groups["base"].Value;
            if (!sequences.TryGetValue(key, out var list))
            {
                sequences[key] = list = [];
            }

            list.Add((long.Parse(match.Groups["frame"].Value, NumberStyles.None, CultureInfo.InvariantCulture), file));
        }

        foreach (var (key, frames) in sequences)
        {
            var diagnostics = new List<Diagnostic>();
            var ordered = new List<(long Frame, string File)>();
            foreach (var entry in frames.OrderBy(f => f.Frame).ThenBy(f => f.File, StringComparer.Ordinal))
            {
                if (ordered.Count > 0 && ordered[^1].Frame == entry.Frame)
                {
                    diagnostics.Add(new Diagnostic
                    {
                        Severity = DiagnosticSeverity.Warning,
                        Code = "dng.duplicate-frame",
                        Message = $"Frame {entry.Frame} is in two files, {Path.GetFileName(ordered[^1].File)} and {Path.GetFileName(entry.File)}; the first is used.",
                        File = entry.File,
                        Field = "frame",
                        Expected = "one file per frame number",
                    });
                    continue;
                }

                if (ordered.Count > 0 && entry.Frame != ordered[^1].Frame + 1)
                {
                    var from = ordered[^1].Frame + 1;
                    var to = entry.Frame - 1;
                    diagnostics.Add(new Diagnostic
                    {
                        Severity = DiagnosticSeverity.Warning,
                        Code = "dng.missing-frames",
                        Message = from == to ? $"Frame {from} is missing from the sequence." : $"Frames {from} to {to} ({to - from + 1} frames) are missing from the sequence.",
                        File = entry.File,
                        Field = "frame",
                        Expected = "consecutive frame numbers",
                    });
                }

                ordered.Add(entry);
            }

            var name = key.TrimEnd('.', '_', '-', ' ');
            var onlySequence = sequences.Count == 1 && clips.Count == 0;
            clips.Add(new ClipLocation
            {
                // One numbered file alone is a still, named as the file is.
                Name = ordered.Count == 1 ? Path.GetFileNameWithoutExtension(ordered[0].File)
                    : name.Length > 0 ? name : Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)),
                // A CinemaDNG clip is its folder; when the folder holds several, each is named by its first file.
                Path = onlySequence && ordered.Count > 1 ? directory : ordered[0].File,
                Layout = ordered.Count > 1 ? ClipLayout.FrameSequence : ClipLayout.SingleFile,
                MediaFiles = [.. ordered.Select(o => o.File)],
                Diagnostics = diagnostics,
            });
        }

        return clips;
    }
}
