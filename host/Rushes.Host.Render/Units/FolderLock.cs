namespace Rushes.Host.Render.Units;

/// <summary>
/// An exclusive lock on a lock file, waited for: the kernel releases it when its process dies, so a
/// killed worker never leaves a folder locked. Used where work units of one pull share a folder.
/// </summary>
internal static class FolderLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits for the lock (no time limit: its holder is a live process doing bounded work) and holds it until disposed.</summary>
    public static IDisposable Acquire(string lockPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                // Held by another process (or thread): wait and try again.
            }

            cancellationToken.WaitHandle.WaitOne(Poll);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
