using System.Diagnostics;
using System.Text;

namespace Rushes.Testing;

/// <summary>The result of running a reference tool.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Throws with both streams when the tool failed.</summary>
    public ToolResult EnsureSuccess(string what)
        => ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited {ExitCode}.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
}

/// <summary>
/// Runs the independent reference tools (dcraw_emu, oiiotool, iinfo, ocioconvert, exrheader, exiftool,
/// ffprobe, xxhsum...) that CI installs through <c>.ci/run</c>. A missing tool fails the test with the
/// package to install: a cross-check that silently skips would be a test that cannot fail.
/// </summary>
public static class ReferenceTool
{
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["dcraw_emu"] = "libraw-bin",
        ["oiiotool"] = "openimageio-tools",
        ["iinfo"] = "openimageio-tools",
        ["ocioconvert"] = "opencolorio-tools",
        ["ociocheck"] = "opencolorio-tools",
        ["exrheader"] = "openexr",
        ["exiftool"] = "libimage-exiftool-perl",
        ["ffmpeg"] = "ffmpeg",
        ["ffprobe"] = "ffmpeg",
        ["xxhsum"] = "xxhash",
    };

    /// <summary>The full path of a tool on PATH, or an exception naming the Debian package that provides it.</summary>
    public static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var package = Packages.TryGetValue(tool, out var p) ? p : "its package";
        throw new InvalidOperationException($"Reference tool '{tool}' is not on PATH. Install {package} (bash .ci/run does).");
    }

    /// <summary>Runs a tool with arguments, capturing stdout and stderr separately, within a time limit; <paramref name="environment"/> adds variables.</summary>
    public static ToolResult Run(string tool, IEnumerable<string> args, TimeSpan? timeout = null, string? workingDirectory = null, Stream? standardInput = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            standardInput.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', info.ArgumentList)} ran past its time limit.");
        }

        process.WaitForExit();
        lock (stdout)
        {
            lock (stderr)
            {
                return new ToolResult(process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }
}
