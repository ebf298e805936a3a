using System.Buffers.Binary;
using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>
/// Splits a range into its atoms. An atom header is a 32-bit size and a type; size 1 means a 64-bit size
/// follows, size 0 means "to the end of the enclosing range" (QTFF "Atoms"). Every size is checked against the
/// range before it is used, so a truncated or oversized atom is an input error naming its path, and every atom
/// is at least its own header long, so the walk always moves forward.
/// </summary>
internal static class AtomWalker
{
    /// <summary>The file's top-level atoms, read header by header without loading payloads.</summary>
    public static List<Atom> TopLevel(FileWindow file, CancellationToken cancellationToken)
    {
        var atoms = new List<Atom>();
        Span<byte> header = stackalloc byte[16];
        long offset = 0;
        while (offset < file.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (atoms.Count >= Limits.MaxElements)
            {
                throw file.Error("atoms", $"more than {Limits.MaxElements} top-level atoms", "a QuickTime movie");
            }

            var available = (int)Math.Min(16, file.Length - offset);
            if (available < 8)
            {
                throw file.Error($"atom at byte {offset}", $"{available} stray bytes after the last atom (truncated atom header?)", "an 8-byte atom header");
            }

            file.ReadInto(offset, header[..available], $"atom header at byte {offset}");
            var atom = Parse(header[..available], offset, file.Length, offset, file, string.Empty);
            atoms.Add(atom);
            offset = atom.End;
        }

        return atoms;
    }

    /// <summary>
    /// The atoms filling <c>[start, end)</c> of <c>buffer</c>, whose byte 0 is at <c>fileBase</c> in the file. With
    /// <c>allowPadding</c>, fewer than 8 bytes may trail the atoms: sample descriptions are padded by some writers
    /// (ffmpeg ends a 'tmcd' description with two zero bytes).
    /// </summary>
    public static List<Atom> Children(ReadOnlySpan<byte> buffer, long start, long end, long fileBase, FileWindow file, string path, int depth, bool allowPadding = false)
    {
        if (depth > Limits.MaxAtomDepth)
        {
            throw file.Error(path, $"atoms nest more than {Limits.MaxAtomDepth} deep at {path}", $"at most {Limits.MaxAtomDepth} levels of atoms");
        }

        var atoms = new List<Atom>();
        var offset = start;
        while (offset < end)
        {
            // Some writers end a container with a 32-bit zero terminator (QTFF "User Data Atoms").
            if (end - offset == 4 && BinaryPrimitives.ReadUInt32BigEndian(buffer[(int)offset..]) == 0)
            {
                break;
            }

            if (end - offset < 8)
            {
                if (allowPadding)
                {
                    break;
                }

                throw file.Error(path, $"{end - offset} stray bytes at the end of {Describe(path)} (byte {fileBase + offset}; truncated atom header?)", "whole 8-byte atom headers");
            }

            if (atoms.Count >= Limits.MaxElements)
            {
                throw file.Error(path, $"more than {Limits.MaxElements} atoms in {Describe(path)}", "a QuickTime movie");
            }

            var header = buffer[(int)offset..(int)Math.Min(end, offset + 16)];
            var atom = Parse(header, offset, end, fileBase + offset, file, path);
            atoms.Add(atom);
            offset = atom.End;
        }

        return atoms;
    }

    private static Atom Parse(ReadOnlySpan<byte> header, long offset, long end, long fileOffset, FileWindow file, string parent)
    {
        var size = (long)BinaryPrimitives.ReadUInt32BigEndian(header);
        var type = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        var path = parent.Length == 0 ? FourCc.ToText(type) : $"{parent}/{FourCc.ToText(type)}";
        var headerSize = 8;
        if (size == 1)
        {
            if (header.Length < 16)
            {
                throw file.Error(path, $"the atom '{path}' at byte {fileOffset} has a 64-bit size, but its header is cut off", "a 16-byte header");
            }

            var large = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            size = large > long.MaxValue ? -1 : (long)large;
            headerSize = 16;
        }
        else if (size == 0)
        {
            size = end - offset;
        }

        if (size < headerSize)
        {
            throw file.Error(path, $"the atom '{path}' at byte {fileOffset} claims {size} bytes, less than its own {headerSize}-byte header", $"a size of at least {headerSize}");
        }

        if (size > end - offset)
        {
            throw file.Error(path, $"the atom '{path}' at byte {fileOffset} claims {size} bytes, but only {end - offset} remain in {Describe(parent)} (truncated or oversized atom)",
                $"at most {end - offset} bytes");
        }

        return new Atom(type, offset, headerSize, offset + size, fileOffset);
    }

    private static string Describe(string path) => path.Length == 0 ? "the file" : $"'{path}'";
}
