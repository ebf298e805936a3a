using System.Diagnostics;
using System.Globalization;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Render.Units;

/// <summary>
/// An exclusive lock on a lock file, waited for. The kernel releases it when its process dies, so a
/// killed worker never leaves a folder locked. The file stays: deleting a lock file that others may
/// have open would let two holders lock two different files.
/// </summary>
internal static class FolderLock
{
    /// <summary>Overrides <see cref="DefaultTimeout"/>, in seconds.</summary>
    public const string TimeoutVariable = "RUSHES_LOCK_TIMEOUT";

    /// <summary>
    /// Its holders do bounded work (an MHL generation of one folder), so a wait this long means a holder
    /// that hangs (a stalled network share): give up, and let a queue retry the unit later.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits for the lock up to <see cref="DefaultTimeout"/> or <c>RUSHES_LOCK_TIMEOUT</c> seconds, and holds it until disposed.</summary>
    public static IDisposable Acquire(string lockPath, CancellationToken cancellationToken)
        => Acquire(lockPath, Timeout(Environment.GetEnvironmentVariable(TimeoutVariable)), cancellationToken);

    /// <summary>Waits for the lock up to <paramref name="timeout"/>, then throws a <see cref="RenderOutputException"/> (an IOException: a transient failure) naming the file.</summary>
    public static IDisposable Acquire(string lockPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex)
            {
                // Held by another process or thread: wait and try again, for a while.
                if (waited.Elapsed >= timeout)
                {
                    throw new RenderOutputException(
                        string.Create(CultureInfo.InvariantCulture, $"The lock '{lockPath}' is still held by another process after waiting {timeout.TotalSeconds:0.###} s ({TimeoutVariable} sets the wait in seconds): {ex.Message}"),
                        lockPath,
                        ex);
                }
            }

            cancellationToken.WaitHandle.WaitOne(Poll);
        }
    }

    /// <summary>The wait <c>RUSHES_LOCK_TIMEOUT</c> asks for (seconds; unset or empty: the default).</summary>
    internal static TimeSpan Timeout(string? seconds)
    {
        if (string.IsNullOrWhiteSpace(seconds))
        {
            return DefaultTimeout;
        }

        return double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 7 * 24 * 3600
            ? TimeSpan.FromSeconds(value)
            : throw new InputException($"{TimeoutVariable}='{seconds}' is not a lock wait.", null, TimeoutVariable, "seconds, from 0 to 604800");
    }
}
