using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.Deliverables;

/// <summary>
/// An <see cref="IOutputTarget"/> over a folder on disk. Files are written as hidden temporaries
/// beside their final name (same folder, so the rename is atomic on every file system) and renamed
/// into place on commit; an uncommitted temporary is deleted when disposed. Leftover temporaries
/// from a killed process start with <see cref="TemporaryPrefix"/> and are safe to delete.
/// </summary>
public sealed class DirectoryOutputTarget : IOutputTarget
{
    /// <summary>The prefix of every temporary file name.</summary>
    public const string TemporaryPrefix = ".rushes-tmp-";

    /// <summary>Targets a folder (made if missing).</summary>
    public DirectoryOutputTarget(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <inheritdoc />
    public string Directory { get; }

    /// <inheritdoc />
    public IOutputFile Create(string relativePath) => new OutputFile(Resolve(relativePath), relativePath);

    /// <inheritdoc />
    public bool Exists(string relativePath) => File.Exists(Resolve(relativePath));

    /// <summary>Deletes temporaries a killed process left behind in the folder tree.</summary>
    public int DeleteLeftovers()
    {
        var count = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, TemporaryPrefix + "*", SearchOption.AllDirectories))
        {
            File.Delete(file);
            count++;
        }

        return count;
    }

    private string Resolve(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var full = Path.GetFullPath(Path.Combine(Directory, relativePath));
        var root = Directory.EndsWith(Path.DirectorySeparatorChar) ? Directory : Directory + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(relativePath) || !full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new InputException($"Output path '{relativePath}' leaves the output folder {Directory}.", field: "path", expected: "a path relative to the output folder, without '..'");
        }

        return full;
    }

    private sealed class OutputFile : IOutputFile
    {
        private readonly string _finalPath;
        private FileStream? _stream;
        private bool _committed;

        public OutputFile(string finalPath, string relativePath)
        {
            _finalPath = finalPath;
            RelativePath = relativePath;
            var folder = Path.GetDirectoryName(finalPath)!;
            System.IO.Directory.CreateDirectory(folder);
            TemporaryPath = Path.Combine(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}-{Path.GetFileName(finalPath)}");
        }

        public string RelativePath { get; }

        public string TemporaryPath { get; }

        public Stream Stream
        {
            get
            {
                ObjectDisposedException.ThrowIf(_committed, this);
                return _stream ??= new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            }
        }

        public long Commit()
        {
            ObjectDisposedException.ThrowIf(_committed, this);
            if (_stream is not null)
            {
                _stream.Flush(flushToDisk: true);
                _stream.Dispose();
                _stream = null;
            }
            else if (!File.Exists(TemporaryPath))
            {
                // Nothing written through the stream or by an external tool: commit an empty file.
                File.WriteAllBytes(TemporaryPath, []);
            }

            File.Move(TemporaryPath, _finalPath, overwrite: true);
            _committed = true;
            return new FileInfo(_finalPath).Length;
        }

        public void Dispose()
        {
            _stream?.Dispose();
            _stream = null;
            if (!_committed && File.Exists(TemporaryPath))
            {
                File.Delete(TemporaryPath);
            }
        }
    }
}
