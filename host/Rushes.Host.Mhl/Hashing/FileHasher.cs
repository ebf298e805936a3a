using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Rushes.Host.Mhl.Hashing;

/// <summary>Hashes files: one sequential read of each file feeds every requested format.</summary>
public static class FileHasher
{
    /// <summary>
    /// Bytes read at a time, from a pooled buffer: large enough that the per-read cost is lost in the
    /// hashing, small enough to stay in the processor's cache while every format reads it (the reference
    /// tool also reads 1 MB at a time).
    /// </summary>
    public const int ChunkSize = 1 << 20;

    /// <summary>Hashes one file in every given format, reading it once.</summary>
    /// <param name="path">The file.</param>
    /// <param name="formats">The formats wanted (duplicates are ignored).</param>
    /// <param name="bytesRead">Told the size of each chunk as it is read (progress); may be null.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    /// <returns>The text digest per format.</returns>
    public static IReadOnlyDictionary<HashFormat, string> Hash(string path, IEnumerable<HashFormat> formats, Action<long>? bytesRead = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var hashers = formats.Distinct().Select(f => new Hasher(f)).ToArray();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan))
            {
                Feed(handle, hashers, buffer, bytesRead, cancellationToken);
            }

            return hashers.ToDictionary(h => h.Format, h => h.FinishText());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            foreach (var hasher in hashers)
            {
                hasher.Dispose();
            }
        }
    }

    private static void Feed(SafeFileHandle handle, Hasher[] hashers, byte[] buffer, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        long offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                return;
            }

            var chunk = buffer.AsSpan(0, read);
            foreach (var hasher in hashers)
            {
                hasher.Append(chunk);
            }

            offset += read;
            bytesRead?.Invoke(read);
        }
    }
}
