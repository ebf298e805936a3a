namespace Rushes.Host.Render.Units;

/// <summary>
/// An exclusive lock on a lock file, waited for. The kernel releases it when its process dies, so a
/// killed worker never leaves a folder locked. The file stays: deleting a lock file that others may
/// have open would let two holders lock two different files.
/// </summary>
internal static class FolderLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits for the lock (no time limit: its holder is a live process doing bounded work) and holds it until disposed.</summary>
    public static IDisposable Acquire(string lockPath, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException)
            {
                // Held by another process or thread: wait and try again.
            }

            cancellationToken.WaitHandle.WaitOne(Poll);
        }
    }
}
