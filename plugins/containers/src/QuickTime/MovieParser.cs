using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Metadata;
using Rushes.Plugins.Containers.Common;
using T = Rushes.Plugins.Containers.QuickTime.AtomTypes;

namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>
/// Reads a <c>moov</c> atom (already in memory, bounded) into a <see cref="Movie"/>. Layouts and offsets are
/// those of the QuickTime File Format Specification; each fixed-size read is checked against its atom first.
/// </summary>
internal sealed class MovieParser
{
    private readonly byte[] _moov;
    private readonly long _fileBase;
    private readonly FileWindow _file;

    private MovieParser(byte[] moov, long fileBase, FileWindow file)
    {
        _moov = moov;
        _fileBase = fileBase;
        _file = file;
    }

    /// <summary>Parses the movie; <paramref name="moov"/> is the whole atom, header included, read from <paramref name="fileBase"/>.</summary>
    public static Movie Parse(byte[] moov, int headerSize, long fileBase, FileWindow file, string? majorBrand)
        => new MovieParser(moov, fileBase, file).Movie(headerSize, majorBrand);

    private Movie Movie(int headerSize, string? majorBrand)
    {
        var children = AtomWalker.Children(_moov, headerSize, _moov.Length, _fileBase, _file, "moov", 1);
        var mvhd = children.FirstOrDefault(a => a.Type == T.Mvhd);
        if (mvhd.Type == 0)
        {
            throw _file.Error("moov/mvhd", "the movie has no movie header (mvhd)", "a 'mvhd' atom in 'moov'");
        }

        var header = Payload(mvhd, 4, "moov/mvhd");
        var v1 = header[0] == 1;
        var mvhdBody = Payload(mvhd, v1 ? 32 : 20, "moov/mvhd");
        var created = v1 ? BinaryPrimitives.ReadUInt64BigEndian(mvhdBody[4..]) : BinaryPrimitives.ReadUInt32BigEndian(mvhdBody[4..]);
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(mvhdBody[(v1 ? 20 : 12)..]);
        var duration = v1 ? (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(mvhdBody[24..]), long.MaxValue) : BinaryPrimitives.ReadUInt32BigEndian(mvhdBody[16..]);

        var tracks = new List<Track>();
        foreach (var trak in children.Where(a => a.Type == T.Trak))
        {
            tracks.Add(ReadTrack(trak, tracks.Count, $"moov/trak[{tracks.Count}]"));
        }

        // Apple writes the metadata atom in 'moov'; ffmpeg (use_metadata_tags) and some cameras inside 'moov/udta'.
        var meta = children.FirstOrDefault(a => a.Type == T.Meta);
        var udta = children.FirstOrDefault(a => a.Type == T.Udta);
        var items = meta.Type == 0 ? [] : ReadItems(meta, "moov/meta");
        if (udta.Type != 0 && Children(udta, "moov/udta", 2).FirstOrDefault(a => a.Type == T.Meta) is { Type: not 0 } udtaMeta)
        {
            items.AddRange(ReadItems(udtaMeta, "moov/udta/meta"));
        }

        return new Movie
        {
            MajorBrand = majorBrand,
            Timescale = timescale,
            Duration = duration,
            CreationTime = created,
            Tracks = tracks,
            Items = items,
            UserData = udta.Type == 0 ? [] : ReadUserData(udta, "moov/udta"),
        };
    }

    private Track ReadTrack(Atom trak, int index, string path)
    {
        var atoms = Children(trak, path, 2);
        var tkhd = Require(atoms, T.Tkhd, path);
        var tkhdBody = Payload(tkhd, 4, $"{path}/tkhd");
        var v1 = tkhdBody[0] == 1;
        tkhdBody = Payload(tkhd, v1 ? 96 : 84, $"{path}/tkhd");
        var id = BinaryPrimitives.ReadUInt32BigEndian(tkhdBody[(v1 ? 20 : 12)..]);
        var width = BinaryPrimitives.ReadUInt32BigEndian(tkhdBody[(v1 ? 88 : 76)..]) / 65536.0; // 16.16 fixed point
        var height = BinaryPrimitives.ReadUInt32BigEndian(tkhdBody[(v1 ? 92 : 80)..]) / 65536.0;

        var references = new List<uint>();
        if (atoms.FirstOrDefault(a => a.Type == T.Tref) is { Type: not 0 } tref)
        {
            foreach (var reference in Children(tref, $"{path}/tref", 3).Where(a => a.Type == T.Tmcd))
            {
                var ids = Payload(reference, 0, $"{path}/tref/tmcd");
                for (var i = 0; i + 4 <= ids.Length; i += 4)
                {
                    references.Add(BinaryPrimitives.ReadUInt32BigEndian(ids[i..]));
                }
            }
        }

        var mdia = Require(atoms, T.Mdia, path);
        var mdiaAtoms = Children(mdia, $"{path}/mdia", 3);
        var mdhd = Require(mdiaAtoms, T.Mdhd, $"{path}/mdia");
        var mdhdBody = Payload(mdhd, 4, $"{path}/mdia/mdhd");
        var mdhdV1 = mdhdBody[0] == 1;
        mdhdBody = Payload(mdhd, mdhdV1 ? 32 : 20, $"{path}/mdia/mdhd");
        var mediaTimescale = BinaryPrimitives.ReadUInt32BigEndian(mdhdBody[(mdhdV1 ? 20 : 12)..]);
        var mediaDuration = mdhdV1 ? (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(mdhdBody[24..]), long.MaxValue) : BinaryPrimitives.ReadUInt32BigEndian(mdhdBody[16..]);
        var hdlr = Require(mdiaAtoms, T.Hdlr, $"{path}/mdia");
        var handler = FourCc.ToText(BinaryPrimitives.ReadUInt32BigEndian(Payload(hdlr, 12, $"{path}/mdia/hdlr")[8..]));

        var track = new Track
        {
            Index = index,
            Id = id,
            Handler = handler,
            TimecodeReferences = references,
            MediaTimescale = mediaTimescale,
            MediaDuration = mediaDuration,
            HeaderWidth = width,
            HeaderHeight = height,
        };
        var minf = mdiaAtoms.FirstOrDefault(a => a.Type == T.Minf);
        if (minf.Type == 0)
        {
            return track;
        }

        var stbl = Children(minf, $"{path}/mdia/minf", 4).FirstOrDefault(a => a.Type == T.Stbl);
        return stbl.Type == 0 ? track : ReadSampleTable(track, stbl, $"{path}/mdia/minf/stbl");
    }

    private Track ReadSampleTable(Track track, Atom stbl, string path)
    {
        var atoms = Children(stbl, path, 5);
        if (atoms.FirstOrDefault(a => a.Type == T.Stsd) is { Type: not 0 } stsd)
        {
            track = ReadSampleDescription(track, stsd, $"{path}/stsd");
        }

        if (atoms.FirstOrDefault(a => a.Type == T.Stts) is { Type: not 0 } stts)
        {
            var body = Payload(stts, 8, $"{path}/stts");
            var entries = Count(body[4..], stts, 8, 8, $"{path}/stts");
            var table = Payload(stts, 8 + (entries * 8), $"{path}/stts")[8..];
            long samples = 0;
            long? uniform = null;
            var varies = false;
            for (var i = 0; i < entries; i++)
            {
                var count = BinaryPrimitives.ReadUInt32BigEndian(table[(i * 8)..]);
                var delta = BinaryPrimitives.ReadUInt32BigEndian(table[((i * 8) + 4)..]);
                if (count == 0)
                {
                    continue;
                }

                samples += count;
                varies |= uniform is { } u && u != delta;
                uniform ??= delta;
            }

            track = track with { SampleCount = samples, UniformSampleDuration = varies || uniform == 0 ? null : uniform };
        }

        if (atoms.FirstOrDefault(a => a.Type == T.Stsz) is { Type: not 0 } stsz)
        {
            var body = Payload(stsz, 12, $"{path}/stsz");
            var size = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);

            // With a constant size (non-zero) there is no table, only the count.
            long count = size == 0 ? Count(body[8..], stsz, 12, 4, $"{path}/stsz") : BinaryPrimitives.ReadUInt32BigEndian(body[8..]);
            if (size == 0 && count > 0)
            {
                size = BinaryPrimitives.ReadUInt32BigEndian(Payload(stsz, 16, $"{path}/stsz")[12..]);
            }

            track = track with { FirstSampleSize = count > 0 ? size : null };
        }

        var stco = atoms.FirstOrDefault(a => a.Type == T.Stco || a.Type == T.Co64);
        if (stco.Type != 0)
        {
            var wide = stco.Type == T.Co64;
            var name = $"{path}/{stco.TypeName}";
            var body = Payload(stco, 8, name);
            if (Count(body[4..], stco, 8, wide ? 8 : 4, name) > 0)
            {
                var first = Payload(stco, wide ? 16 : 12, name)[8..];
                var offset = wide ? BinaryPrimitives.ReadUInt64BigEndian(first) : BinaryPrimitives.ReadUInt32BigEndian(first);
                track = track with { FirstChunkOffset = offset > long.MaxValue ? -1 : (long)offset };
            }
        }

        return track;
    }

    private Track ReadSampleDescription(Track track, Atom stsd, string path)
    {
        var body = Payload(stsd, 8, path);
        if (BinaryPrimitives.ReadUInt32BigEndian(body[4..]) == 0)
        {
            return track;
        }

        // Only the first description is read: camera files have one per track.
        var entries = Children(stsd, 8, path, 6);
        if (entries.Count == 0)
        {
            throw _file.Error(path, $"'{path}' counts descriptions but holds none", "a sample description");
        }

        var entry = entries[0];
        var entryPath = $"{path}/{entry.TypeName}";
        track = track with { Format = entry.TypeName };
        if (track.Handler == "vide")
        {
            return track with { Video = ReadVideo(entry, entryPath) };
        }

        return entry.Type == T.Tmcd ? track with { Timecode = ReadTimecode(entry, entryPath) } : track;
    }

    /// <summary>QTFF "Video Sample Description": width and height at 24/26 of the payload, the compressor name (a Pascal string in 32 bytes) at 42, extension atoms from 78.</summary>
    private VideoDescription ReadVideo(Atom entry, string path)
    {
        var body = Payload(entry, 78, path);
        var width = BinaryPrimitives.ReadUInt16BigEndian(body[24..]);
        var height = BinaryPrimitives.ReadUInt16BigEndian(body[26..]);
        var nameLength = Math.Min(body[42], (byte)31);
        var compressor = Encoding.Latin1.GetString(body.Slice(43, nameLength)).TrimEnd('\0');
        (uint, uint)? pasp = null;
        (Rational, Rational)? clap = null;
        if (entry.PayloadLength > 78)
        {
            foreach (var extension in Children(entry, 78, path, 7, allowPadding: true))
            {
                if (extension.Type == T.Pasp && Payload(extension, 8, $"{path}/pasp") is var p)
                {
                    pasp = (BinaryPrimitives.ReadUInt32BigEndian(p), BinaryPrimitives.ReadUInt32BigEndian(p[4..]));
                }
                else if (extension.Type == T.Clap && Payload(extension, 16, $"{path}/clap") is var c)
                {
                    // Clean aperture width and height as fractions (QTFF "Clean Aperture").
                    var wd = BinaryPrimitives.ReadInt32BigEndian(c[4..]);
                    var hd = BinaryPrimitives.ReadInt32BigEndian(c[12..]);
                    if (wd > 0 && hd > 0)
                    {
                        clap = (new Rational(BinaryPrimitives.ReadInt32BigEndian(c), wd), new Rational(BinaryPrimitives.ReadInt32BigEndian(c[8..]), hd));
                    }
                }
            }
        }

        return new VideoDescription(width, height, compressor, pasp, clap);
    }

    /// <summary>
    /// QTFF "Timecode Sample Description": after the 8-byte description header, reserved (4), flags (4),
    /// time scale (4), frame duration (4), number of frames (1), reserved (1), then a 'name' atom holding the
    /// source (reel) name as user-data text.
    /// </summary>
    private TimecodeDescription ReadTimecode(Atom entry, string path)
    {
        var body = Payload(entry, 26, path);
        var flags = BinaryPrimitives.ReadUInt32BigEndian(body[12..]);
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(body[16..]);
        var frameDuration = BinaryPrimitives.ReadUInt32BigEndian(body[20..]);
        var frames = body[24];
        string? source = null;
        if (entry.PayloadLength > 26)
        {
            var name = Children(entry, 26, path, 7, allowPadding: true).FirstOrDefault(a => a.Type == T.Name);
            if (name.Type != 0)
            {
                source = UserDataText(Payload(name, 0, $"{path}/name"));
            }
        }

        return new TimecodeDescription(flags, timescale, frameDuration, frames, source);
    }

    private List<KeyValuePair<string, MetadataValue>> ReadItems(Atom meta, string path)
    {
        // QuickTime's 'meta' has no version and flags, ISO's (MP4) has: find where the 'hdlr' atom starts.
        var payload = Payload(meta, 0, path);
        var skip = payload.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(payload[4..]) != T.Hdlr && BinaryPrimitives.ReadUInt32BigEndian(payload[8..]) == T.Hdlr ? 4 : 0;
        var atoms = Children(meta, skip, path, 2);
        var keysAtom = atoms.FirstOrDefault(a => a.Type == T.Keys);
        var ilst = atoms.FirstOrDefault(a => a.Type == T.Ilst);
        if (keysAtom.Type == 0 || ilst.Type == 0)
        {
            return [];
        }

        // QTFF "Metadata Item Keys Atom": version/flags, a count, then entries of size, namespace and key.
        var keys = new List<string>();
        var body = Payload(keysAtom, 8, $"{path}/keys");
        var count = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        foreach (var key in Children(keysAtom, 8, $"{path}/keys", 3))
        {
            var text = Encoding.UTF8.GetString(Payload(key, 0, $"{path}/keys/{key.TypeName}"));
            keys.Add(key.Type == T.Mdta ? text : $"{key.TypeName}:{text}");
        }

        if (keys.Count != count)
        {
            throw _file.Error($"{path}/keys", $"the keys atom counts {count} keys but holds {keys.Count}", $"{keys.Count} keys");
        }

        var items = new List<KeyValuePair<string, MetadataValue>>();
        foreach (var item in Children(ilst, $"{path}/ilst", 3))
        {
            // Each item's type is its 1-based key index (QTFF "Metadata Item List Atom").
            if (item.Type == 0 || item.Type > keys.Count)
            {
                throw _file.Error($"{path}/ilst", $"a metadata item refers to key {item.Type}, but there are {keys.Count} keys", $"a key index from 1 to {keys.Count}");
            }

            var key = keys[(int)item.Type - 1];
            var data = Children(item, $"{path}/ilst/{item.Type}", 4).FirstOrDefault(a => a.Type == T.Data);
            if (data.Type != 0)
            {
                items.Add(new(key, ItemValue(Payload(data, 8, $"{path}/ilst/{key}/data"), $"{path}/ilst/{key}")));
            }
        }

        return items;
    }

    /// <summary>
    /// A 'data' atom's value: a type indicator (a zero byte and a 24-bit well-known type), a locale, then the
    /// value. Well-known types (QTFF "Well-Known Types"): 1 UTF-8, 2 UTF-16BE, 21 signed and 22 unsigned
    /// big-endian integers of 1 to 8 bytes, 23 float32, 24 float64; anything else is kept as bytes.
    /// </summary>
    private MetadataValue ItemValue(ReadOnlySpan<byte> data, string path)
    {
        var type = BinaryPrimitives.ReadUInt32BigEndian(data) & 0x00FFFFFF;
        var value = data[8..];
        return type switch
        {
            1 => MetadataValue.Of(Encoding.UTF8.GetString(value)),
            2 => MetadataValue.Of(Encoding.BigEndianUnicode.GetString(value)),
            21 when value.Length is 1 or 2 or 4 or 8 => MetadataValue.Of(SignedInteger(value), MetadataUnit.None),
            22 when value.Length is 1 or 2 or 4 or 8 && UnsignedInteger(value) <= long.MaxValue => MetadataValue.Of((long)UnsignedInteger(value), MetadataUnit.None),
            23 when value.Length == 4 => MetadataValue.Of(BinaryPrimitives.ReadSingleBigEndian(value), MetadataUnit.None),
            24 when value.Length == 8 => MetadataValue.Of(BinaryPrimitives.ReadDoubleBigEndian(value), MetadataUnit.None),
            21 or 22 or 23 or 24 => throw _file.Error(path, $"the value of '{path}' has {value.Length} bytes, which does not fit its number type {type}", "1, 2, 4 or 8 bytes"),
            _ => MetadataValue.Of(value.ToArray()),
        };
    }

    private static long SignedInteger(ReadOnlySpan<byte> value) => value.Length switch
    {
        1 => (sbyte)value[0],
        2 => BinaryPrimitives.ReadInt16BigEndian(value),
        4 => BinaryPrimitives.ReadInt32BigEndian(value),
        _ => BinaryPrimitives.ReadInt64BigEndian(value),
    };

    private static ulong UnsignedInteger(ReadOnlySpan<byte> value) => value.Length switch
    {
        1 => value[0],
        2 => BinaryPrimitives.ReadUInt16BigEndian(value),
        4 => BinaryPrimitives.ReadUInt32BigEndian(value),
        _ => BinaryPrimitives.ReadUInt64BigEndian(value),
    };

    private List<KeyValuePair<string, string>> ReadUserData(Atom udta, string path)
    {
        var items = new List<KeyValuePair<string, string>>();
        foreach (var atom in Children(udta, path, 2))
        {
            // Text items start with '©' (QTFF "User Data Text Strings"); the rest are private and skipped.
            if ((atom.Type >> 24) != 0xA9)
            {
                continue;
            }

            var payload = Payload(atom, 0, $"{path}/{atom.TypeName}");
            var text = payload.Length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(payload[4..]) == T.Data
                ? Children(atom, path, 3).Where(a => a.Type == T.Data).Select(d => Payload(d, 8, $"{path}/{atom.TypeName}/data")[8..].ToArray()).Select(Encoding.UTF8.GetString).FirstOrDefault()
                : UserDataText(payload);
            if (text is not null)
            {
                items.Add(new(atom.TypeName, text));
            }
        }

        return items;
    }

    /// <summary>
    /// QuickTime user-data text: a 16-bit length, a 16-bit language code, then the text. A language code of
    /// 0x400 or more is a packed ISO 639-2 code with UTF-8 text; below that it is a Macintosh language with
    /// Mac text, read here as Latin-1 (the same for ASCII). Only the first string is taken.
    /// </summary>
    private static string? UserDataText(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            return null;
        }

        var length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(payload), payload.Length - 4);
        var language = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        var text = payload.Slice(4, length);
        return (language >= 0x400 ? Encoding.UTF8.GetString(text) : Encoding.Latin1.GetString(text)).TrimEnd('\0');
    }

    private List<Atom> Children(Atom parent, string path, int depth) => Children(parent, 0, path, depth);

    private List<Atom> Children(Atom parent, int skip, string path, int depth, bool allowPadding = false)
    {
        var start = parent.PayloadStart + skip;
        if (start > parent.End)
        {
            throw _file.Error(path, $"'{path}' is {parent.End - parent.Start} bytes, too short for its fixed fields", $"at least {parent.HeaderSize + skip} bytes");
        }

        return AtomWalker.Children(_moov, start, parent.End, _fileBase, _file, path, depth, allowPadding);
    }

    /// <summary>The atom's payload, which must hold at least <paramref name="minimum"/> bytes.</summary>
    private ReadOnlySpan<byte> Payload(Atom atom, long minimum, string path)
    {
        if (atom.PayloadLength < minimum)
        {
            throw _file.Error(path, $"'{path}' has {atom.PayloadLength} bytes of data, fewer than its {minimum} fixed bytes (truncated atom)", $"at least {minimum} bytes");
        }

        return _moov.AsSpan((int)atom.PayloadStart, (int)atom.PayloadLength);
    }

    /// <summary>A table's entry count, checked against the room the atom has for entries.</summary>
    private int Count(ReadOnlySpan<byte> countField, Atom atom, int fixedBytes, int entrySize, string path)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(countField);
        if (count > (atom.PayloadLength - fixedBytes) / entrySize)
        {
            throw _file.Error(path, $"'{path}' counts {count} entries, more than its {atom.PayloadLength} bytes can hold", $"at most {(atom.PayloadLength - fixedBytes) / entrySize} entries");
        }

        return (int)count;
    }

    private Atom Require(List<Atom> atoms, uint type, string path)
    {
        var atom = atoms.FirstOrDefault(a => a.Type == type);
        return atom.Type != 0 ? atom : throw _file.Error($"{path}/{FourCc.ToText(type)}", $"'{path}' has no '{FourCc.ToText(type)}' atom", $"a '{FourCc.ToText(type)}' atom in '{path}'");
    }
}
