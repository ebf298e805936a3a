using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Host.Clips;

/// <summary>One clip opened by its format: what the caller read from it, or why it could not be read.</summary>
public sealed record ClipInspection<T>(DiscoveredClip Clip, T? Result, Diagnostic? Failure)
{
    /// <summary>True when the clip was read.</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Finds the clips under a path and opens each through its camera-format plugin, under the plugin guard (a clip
/// that several formats claim through all of them, joined: see <see cref="ClipClaims"/>).
/// One clip that fails (bad input, a faulting plugin) is reported with the reason and the others go on:
/// <c>rushes inspect</c> and ingest share this path, so both see the same clips and the same failures.
/// </summary>
public sealed class ClipInspector(ClipDiscovery discovery, PluginGuard guard)
{
    /// <summary>Discovers and opens every clip at <paramref name="path"/>, calling <paramref name="read"/> with each open reader.</summary>
    /// <param name="path">A clip file or a folder.</param>
    /// <param name="read">Reads what the caller needs while the reader is open; an <see cref="InputException"/> fails that clip only.</param>
    /// <param name="parallelism">Clips opened at once (1 for strictly one after another); results keep discovery order.</param>
    /// <param name="cancellationToken">Stops between clips.</param>
    public (IReadOnlyList<ClipInspection<T>> Clips, IReadOnlyList<Diagnostic> Problems) Inspect<T>(
        string path, Func<DiscoveredClip, IClipReader, T> read, int parallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (clips, problems) = discovery.Discover(path);
        var results = new ClipInspection<T>[clips.Count];
        try
        {
            Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, i =>
            {
                results[i] = Open(clips[i], read, cancellationToken);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // The first failure as itself (a cancellation stays a cancellation), not wrapped by the loop.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return (results, problems);
    }

    /// <summary>The clip's media file name: the sequence folder for frame sequences, else its first media file.</summary>
    public static string MediaName(ClipLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Layout == ClipLayout.FrameSequence || location.MediaFiles.Count == 0
            ? Path.GetFileName(location.Path)
            : Path.GetFileName(location.MediaFiles[0]);
    }

    private ClipInspection<T> Open<T>(DiscoveredClip clip, Func<DiscoveredClip, IClipReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            if (clip.Claims.Count > 1)
            {
                // The joined reader guards each call into its plugins itself; the reading here is the host's.
                using var merged = discovery.Open(clip, cancellationToken);
                return new ClipInspection<T>(clip, read(clip, merged), null);
            }

            var result = guard.Invoke(clip.Format.Plugin, $"{clip.Format.Format.Id}.Open", () =>
            {
                using var reader = clip.Format.Format.Open(clip.Location, cancellationToken);
                return read(clip, reader);
            });
            return new ClipInspection<T>(clip, result, null);
        }
        catch (InputException ex)
        {
            return new ClipInspection<T>(clip, default, ex.ToDiagnostic());
        }
        catch (PluginFaultException ex)
        {
            return new ClipInspection<T>(clip, default, Diagnostic.Error(ex.Message, clip.Location.Path));
        }
    }
}
