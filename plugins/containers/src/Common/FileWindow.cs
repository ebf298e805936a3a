using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Containers.Common;

/// <summary>
/// Positional, bounded reads of one file. Every block read is checked against the file's length and
/// <see cref="Limits.MaxMetadataBytes"/> before its buffer is allocated, so a corrupt size is an
/// <see cref="InputException"/>, never an out-of-memory crash. Thread-safe: it holds no stream position.
/// </summary>
internal sealed class FileWindow : IDisposable
{
    private readonly SafeFileHandle _handle;

    private FileWindow(string path, SafeFileHandle handle, long length)
    {
        Path = path;
        _handle = handle;
        Length = length;
    }

    public string Path { get; }

    public long Length { get; }

    public static FileWindow Open(string path)
    {
        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return new FileWindow(path, handle, RandomAccess.GetLength(handle));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{System.IO.Path.GetFileName(path)} cannot be read: {ex.Message}", path, null, "a readable file", ex);
        }
    }

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; a block past the end is an error naming <paramref name="field"/>.</summary>
    public byte[] Read(long offset, long count, string field)
    {
        if (count < 0 || count > Limits.MaxMetadataBytes)
        {
            throw Error(field, $"{field} claims {count} bytes", $"at most {Limits.MaxMetadataBytes} bytes of metadata");
        }

        if (offset < 0 || offset > Length || count > Length - offset)
        {
            throw Error(field, $"{field} at byte {offset} needs {count} bytes, but the file ends at {Length} (truncated?)", $"{count} bytes before the end of the file");
        }

        var buffer = new byte[count];
        ReadInto(offset, buffer, field);
        return buffer;
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; fewer bytes than asked is an error.</summary>
    public void ReadInto(long offset, Span<byte> buffer, string field)
    {
        if (offset < 0 || offset > Length || buffer.Length > Length - offset)
        {
            throw Error(field, $"{field} at byte {offset} needs {buffer.Length} bytes, but the file ends at {Length} (truncated?)", $"{buffer.Length} bytes before the end of the file");
        }

        var done = 0;
        try
        {
            while (done < buffer.Length)
            {
                var n = RandomAccess.Read(_handle, buffer[done..], offset + done);
                if (n == 0)
                {
                    throw Error(field, $"{field} ends early at byte {offset + done}", $"{buffer.Length} bytes");
                }

                done += n;
            }
        }
        catch (IOException ex)
        {
            throw new InputException($"{System.IO.Path.GetFileName(Path)} cannot be read: {ex.Message}", Path, field, "a readable file", ex);
        }
    }

    /// <summary>An input error about this file.</summary>
    public InputException Error(string field, string problem, string expected)
        => new($"{System.IO.Path.GetFileName(Path)}: {problem}.", Path, field, expected);

    public void Dispose() => _handle.Dispose();
}
