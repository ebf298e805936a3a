using System.Collections.Concurrent;
using System.Diagnostics;
using System.ComponentModel;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// Finds the ffmpeg executable and checks, once per executable, that it has the encoders we need, so a
/// missing or stripped-down ffmpeg is an error before the first frame rather than a broken pipe mid-movie.
/// </summary>
internal sealed class FfmpegLocator(string? configured)
{
    public const string Expected = "an ffmpeg executable: install Debian's ffmpeg package, or set the option 'ffmpeg' or the setting Plugins:Settings:org.rushes.ffmpeg:ffmpeg to its path";

    private readonly ConcurrentDictionary<string, HashSet<string>> _encoders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _filters = new(StringComparer.Ordinal);

    /// <summary>The full path of the ffmpeg to run for these options, checked to have the codec's encoder.</summary>
    public string Resolve(MovieOptions options)
    {
        var wanted = options.Ffmpeg ?? configured ?? "ffmpeg";
        var path = Find(wanted) ?? throw new InputException(
            $"ffmpeg was not found: '{wanted}' is {(wanted.Contains('/', StringComparison.Ordinal) ? "not an existing file" : "not on PATH")}. Movie deliverables need ffmpeg.",
            field: "ffmpeg", expected: Expected);
        var encoders = _encoders.GetOrAdd(path, p => List(p, "-encoders", flags: 6));
        if (!encoders.Contains(options.Codec.Encoder))
        {
            throw new InputException($"The ffmpeg at {path} has no '{options.Codec.Encoder}' encoder, which {options.Codec.Label} needs.",
                field: "ffmpeg", expected: $"an ffmpeg built with {options.Codec.Encoder} (Debian's ffmpeg package has it)");
        }

        // drawtext exists only in an ffmpeg built with libfreetype; without it the graph would fail at the first frame.
        if (options.HasBurnIns && !_filters.GetOrAdd(path, p => List(p, "-filters", flags: 3)).Contains("drawtext"))
        {
            throw new InputException($"The ffmpeg at {path} has no 'drawtext' filter, which burn-ins need.",
                field: "ffmpeg", expected: "an ffmpeg built with libfreetype (Debian's ffmpeg package has it), or no burn-ins");
        }

        return path;
    }

    private static string? Find(string wanted)
    {
        if (wanted.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(wanted) ? Path.GetFullPath(wanted) : null;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, wanted);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The names ffmpeg lists for <paramref name="what"/> (<c>-encoders</c>, <c>-filters</c>): lines of a flags column <paramref name="flags"/> wide, then the name.</summary>
    private static HashSet<string> List(string path, string what, int flags)
    {
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-hide_banner", "-nostdin", what })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info) ?? throw new Win32Exception("it did not start");
            var errors = process.StandardError.ReadToEndAsync();
            var listing = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
            {
                process.Kill(entireProcessTree: true);
                throw new InputException($"'{path} {what}' failed: {errors.GetAwaiter().GetResult().Trim()}", field: "ffmpeg", expected: Expected);
            }

            // Lines look like " V....D libx264   libx264 H.264 / AVC ..." or " T.C drawtext  V->V  Draw text ...": the second column is the name.
            return listing.Split('\n')
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length >= 2 && parts[0].Length == flags)
                .Select(parts => parts[1])
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (Win32Exception ex)
        {
            throw new InputException($"'{path}' could not be run as ffmpeg: {ex.Message}.", field: "ffmpeg", expected: Expected, inner: ex);
        }
    }
}
