using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Tiff;

/// <summary>
/// Reads the directory tree of a classic TIFF (TIFF 6.0 section 2, either byte order): IFD0 and its chain, SubIFDs,
/// and the EXIF and GPS IFDs. Every offset and count is checked against the file before anything is read or
/// allocated, loops are refused, and the bytes of all tag values together may not exceed the file's size, so a
/// corrupt file costs at most its own size in memory.
/// </summary>
internal static class TiffReader
{
    /// <summary>More directories than any camera writes (a DNG has a handful); bounds a chain that never ends.</summary>
    public const int MaxDirectories = 64;

    /// <summary>Entries in one IFD; DNGs have about 100.</summary>
    public const int MaxEntries = 4096;

    public static TiffFile Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return Read(handle, path);
    }

    public static TiffFile Read(SafeFileHandle handle, string path)
    {
        var length = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[8];
        if (length < 8 || RandomAccess.Read(handle, header, 0) < 8)
        {
            throw new InputException($"{Path.GetFileName(path)} is {length} bytes long, too short for a TIFF header.", path, "header", "at least 8 bytes");
        }

        var bigEndian = (header[0], header[1]) switch
        {
            ((byte)'I', (byte)'I') => false,
            ((byte)'M', (byte)'M') => true,
            _ => throw new InputException($"{Path.GetFileName(path)} does not start with a TIFF byte-order mark.", path, "header", "'II' or 'MM'"),
        };
        var magic = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(header[2..]) : BinaryPrimitives.ReadUInt16LittleEndian(header[2..]);
        if (magic != 42)
        {
            throw new InputException($"{Path.GetFileName(path)} has TIFF version {magic}.", path, "header", "42 (classic TIFF)");
        }

        var state = new State(handle, path, length, bigEndian, valueBudget: length);
        var first = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(header[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        var directories = new List<TiffDirectory>();
        var queue = new Queue<(long Offset, TiffDirectoryKind Kind, string Name, bool FollowChain)>();
        queue.Enqueue((first, TiffDirectoryKind.Main, "IFD0", true));
        var subIfds = 0;
        while (queue.TryDequeue(out var next))
        {
            var (directory, nextOffset) = state.ReadDirectory(next.Offset, next.Kind, next.Name, directories.Count);
            directories.Add(directory);
            if (next.FollowChain && nextOffset != 0 && next.Kind == TiffDirectoryKind.Main)
            {
                queue.Enqueue((nextOffset, TiffDirectoryKind.Main, $"IFD{directories.Count(d => d.Kind == TiffDirectoryKind.Main)}", true));
            }

            if (directory[TiffTags.SubIfds] is { } sub)
            {
                for (var i = 0; i < sub.Count; i++)
                {
                    queue.Enqueue(((long)sub.Unsigned(i), TiffDirectoryKind.SubIfd, $"SubIFD{++subIfds}", false));
                }
            }

            if (directory[TiffTags.ExifIfd] is { } exif)
            {
                queue.Enqueue(((long)exif.Unsigned(0), TiffDirectoryKind.Exif, "EXIF", false));
            }

            if (directory[TiffTags.GpsIfd] is { } gps)
            {
                queue.Enqueue(((long)gps.Unsigned(0), TiffDirectoryKind.Gps, "GPS", false));
            }
        }

        return new TiffFile(path, length, bigEndian, directories);
    }

    private sealed class State(SafeFileHandle handle, string path, long length, bool bigEndian, long valueBudget)
    {
        private readonly HashSet<long> _visited = [];
        private long _valueBudget = valueBudget;

        public (TiffDirectory Directory, long Next) ReadDirectory(long offset, TiffDirectoryKind kind, string name, int count)
        {
            if (count >= MaxDirectories)
            {
                throw new InputException($"{Path.GetFileName(path)} has more than {MaxDirectories} image file directories.", path, name, $"at most {MaxDirectories} IFDs");
            }

            if (!_visited.Add(offset))
            {
                throw new InputException($"{name} at offset {offset} was already read: the directories form a loop.", path, name, "a tree of IFDs without loops");
            }

            if (offset < 8 || offset + 2 > length)
            {
                throw new InputException($"{name} is at offset {offset}, outside the file's {length} bytes.", path, name, "an IFD offset within the file");
            }

            Span<byte> two = stackalloc byte[2];
            Read(two, offset);
            int entries = U16(two);
            if (entries > MaxEntries)
            {
                throw new InputException($"{name} declares {entries} entries.", path, name, $"at most {MaxEntries} entries");
            }

            var size = 2 + (entries * 12) + 4;
            if (offset + size > length)
            {
                throw new InputException($"{name} at offset {offset} declares {entries} entries, which run past the end of the file ({length} bytes).", path, name, "IFD entries within the file");
            }

            var table = new byte[size];
            Read(table, offset);
            var list = new List<TiffEntry>(entries);
            for (var i = 0; i < entries; i++)
            {
                var e = table.AsSpan(2 + (i * 12), 12);
                var tag = U16(e);
                var type = (TiffFieldType)U16(e[2..]);
                var valueCount = U32(e[4..]);
                var unit = TiffFieldTypes.SizeOf(type);
                if (unit == 0)
                {
                    // TIFF 6.0: readers skip fields of unknown type.
                    continue;
                }

                var bytes = (long)valueCount * unit;
                byte[] value;
                if (bytes <= 4)
                {
                    value = e.Slice(8, (int)bytes).ToArray();
                }
                else
                {
                    var at = (long)U32(e[8..]);
                    var tagName = TiffTags.NameOf(tag);
                    if (at + bytes > length)
                    {
                        throw new InputException($"{tagName} (tag {tag}) in {name}: {valueCount} values at offset {at} run past the end of the file ({length} bytes).",
                            path, tagName, "a value within the file");
                    }

                    _valueBudget -= bytes;
                    if (_valueBudget < 0)
                    {
                        throw new InputException($"{tagName} (tag {tag}) in {name}: the tag values add up to more than the file's {length} bytes, so they overlap.",
                            path, tagName, "tag values that fit the file once");
                    }

                    value = new byte[bytes];
                    Read(value, at);
                }

                list.Add(new TiffEntry(tag, type, (int)valueCount, value, bigEndian, path));
            }

            return (new TiffDirectory(kind, name, offset, list), U32(table.AsSpan(size - 4)));
        }

        private void Read(Span<byte> destination, long offset)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var n = RandomAccess.Read(handle, destination[done..], offset + done);
                if (n <= 0)
                {
                    throw new InputException($"{Path.GetFileName(path)} ended at byte {offset + done} while reading its directories.", path, "file", $"{offset + destination.Length} bytes");
                }

                done += n;
            }
        }

        private ushort U16(ReadOnlySpan<byte> b) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

        private uint U32(ReadOnlySpan<byte> b) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
    }
}

/// <summary>A TIFF file's directory tree.</summary>
internal sealed class TiffFile(string path, long length, bool bigEndian, IReadOnlyList<TiffDirectory> directories)
{
    public string Path { get; } = path;

    public long Length { get; } = length;

    public bool BigEndian { get; } = bigEndian;

    /// <summary>Every directory, IFD0 first, in the order read.</summary>
    public IReadOnlyList<TiffDirectory> Directories { get; } = directories;

    public TiffDirectory Ifd0 => Directories[0];

    public TiffDirectory? Exif => Directories.FirstOrDefault(d => d.Kind == TiffDirectoryKind.Exif);

    public TiffDirectory? Gps => Directories.FirstOrDefault(d => d.Kind == TiffDirectoryKind.Gps);
}
