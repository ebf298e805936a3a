using System.Globalization;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.VendorSidecars.Common;
using static Rushes.Plugins.VendorSidecars.Common.BinarySource;

namespace Rushes.Plugins.VendorSidecars.Mlv;

/// <summary>
/// Walks the blocks of an MLV recording's chunks. Every block's size is checked against its header and the file
/// before anything is read; only the small metadata blocks are read, frames are counted and skipped.
/// </summary>
internal static class MlvBlockReader
{
    /// <summary>The 16-byte header of every block but the file header: type[4], size u32, timestamp u64 (mlv.h mlv_hdr_t).</summary>
    public const int BlockHeaderSize = 16;

    /// <summary>The MLVI file header's size in MLV v2.0 (mlv.h mlv_file_hdr_t).</summary>
    public const int FileHeaderSize = 52;

    /// <summary>The most read of an INFO block's text: it is a user note ("take 3, location…"), never megabytes.</summary>
    private const int MaxInfoBytes = 64 * 1024;

    public static MlvRecording Read(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var chunks = new List<MlvFileHeader>(files.Count);
        var state = new State();
        foreach (var file in files)
        {
            using var source = BinarySource.Open(file);
            var header = FileHeader(source);
            if (chunks.Count > 0 && header.Guid != chunks[0].Guid)
            {
                throw new InputException($"{source.Name} belongs to another recording: its GUID 0x{header.Guid:X16} is not {Path.GetFileName(chunks[0].File)}'s 0x{chunks[0].Guid:X16}.",
                    file, "fileGuid", $"0x{chunks[0].Guid:X16}");
            }

            chunks.Add(header);
            Blocks(source, state, cancellationToken);
        }

        return new MlvRecording
        {
            Header = chunks[0],
            Chunks = chunks,
            VideoFrames = state.VideoFrames,
            AudioFrames = state.AudioFrames,
            Raw = state.Raw,
            Identity = state.Identity,
            Exposure = state.Exposure,
            Lens = state.Lens,
            WhiteBalance = state.WhiteBalance,
            Clock = state.Clock,
            Info = state.Info,
            OtherBlocks = state.Other,
        };
    }

    private static MlvFileHeader FileHeader(BinarySource source)
    {
        if (source.Length < 4 || !source.Read(0, 4, "fileMagic").AsSpan().SequenceEqual("MLVI"u8))
        {
            throw new InputException($"{source.Name} is not an MLV file: it does not start with 'MLVI'.", source.Path, "fileMagic", "'MLVI'");
        }

        var b = source.Read(0, FileHeaderSize, "MLVI file header");
        var size = U32Le(b, 4);
        if (size < FileHeaderSize || size > source.Length)
        {
            throw new InputException($"{source.Name}'s MLVI header says it is {size} bytes; it must be at least {FileHeaderSize} and within the file ({source.Length} bytes).",
                source.Path, "MLVI blockSize", $"{FileHeaderSize} to {source.Length}");
        }

        var version = Text(b.AsSpan(8, 8));
        if (!version.StartsWith("v2.", StringComparison.Ordinal))
        {
            throw new InputException($"{source.Name} is MLV '{version}'; this reader knows MLV v2.", source.Path, "versionString", "v2.0");
        }

        return new MlvFileHeader(source.Path, version, U64Le(b, 16), U16Le(b, 24), U16Le(b, 26), U32Le(b, 28), U16Le(b, 32), U16Le(b, 34),
            U32Le(b, 36), U32Le(b, 40), U32Le(b, 44), U32Le(b, 48));
    }

    private static void Blocks(BinarySource source, State state, CancellationToken cancellationToken)
    {
        Span<byte> head = stackalloc byte[BlockHeaderSize];
        var offset = (long)U32Le(source.Read(0, 8, "MLVI file header"), 4);
        var count = 0L;
        while (offset < source.Length)
        {
            if ((++count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            source.Read(offset, head, "block header");
            var type = FourCc(head[..4]);
            var size = U32Le(head, 4);
            if (size < BlockHeaderSize)
            {
                throw new InputException($"{source.Name}: block '{type}' at offset {offset} says it is {size} bytes, less than its own {BlockHeaderSize}-byte header.",
                    source.Path, $"{type} blockSize", $"at least {BlockHeaderSize}");
            }

            if (size > source.Length - offset)
            {
                throw new InputException($"{source.Name}: block '{type}' at offset {offset} says it is {size} bytes, past the end of the file ({source.Length} bytes).",
                    source.Path, $"{type} blockSize", $"at most {source.Length - offset}");
            }

            Block(source, state, type, offset, size);
            offset += size;
        }
    }

    private static void Block(BinarySource source, State state, string type, long offset, uint size)
    {
        switch (type)
        {
            case "VIDF":
                state.VideoFrames++;
                break;
            case "AUDF":
                state.AudioFrames++;
                break;
            case "RAWI" when state.Raw is null:
                var r = Payload(source, type, offset, size, 180, 180);
                state.Raw = new MlvRawInfo(U16Le(r, 16), U16Le(r, 18), I32Le(r, 32), I32Le(r, 28), I32Le(r, 44), I32Le(r, 48), I32Le(r, 52),
                    I32Le(r, 72), I32Le(r, 76), I32Le(r, 80), I32Le(r, 84), U32Le(r, 96), I32Le(r, 176));
                break;
            case "IDNT" when state.Identity is null:
                // The serial was added after the name and model; like FFmpeg's reader, accept a block without it.
                var i = Payload(source, type, offset, size, 52, 84);
                state.Identity = new MlvIdentity(Text(i.AsSpan(16, 32)), U32Le(i, 48), i.Length >= 84 ? Text(i.AsSpan(52, 32)) : null);
                break;
            case "EXPO" when state.Exposure is null:
                var e = Payload(source, type, offset, size, 32, 40);
                state.Exposure = new MlvExposure(U32Le(e, 16), U32Le(e, 20), U32Le(e, 24), U32Le(e, 28), e.Length >= 40 ? U64Le(e, 32) : null);
                break;
            case "LENS" when state.Lens is null:
                var l = Payload(source, type, offset, size, 64, 96);
                state.Lens = new MlvLens(U16Le(l, 16), U16Le(l, 18), U16Le(l, 20), l[22], l[23], U32Le(l, 28), Text(l.AsSpan(32, 32)), l.Length >= 96 ? Text(l.AsSpan(64, 32)) : null);
                break;
            case "WBAL" when state.WhiteBalance is null:
                var w = Payload(source, type, offset, size, 44, 44);
                state.WhiteBalance = new MlvWhiteBalance(U32Le(w, 16), U32Le(w, 20), U32Le(w, 24), U32Le(w, 28), U32Le(w, 32), I32Le(w, 36), I32Le(w, 40));
                break;
            case "RTCI" when state.Clock is null:
                var c = Payload(source, type, offset, size, 36, 44);
                state.Clock = new MlvClock(U16Le(c, 16), U16Le(c, 18), U16Le(c, 20), U16Le(c, 22), U16Le(c, 24), U16Le(c, 26), c.Length >= 44 ? Text(c.AsSpan(36, 8)) : null);
                break;
            case "INFO" when state.Info is null:
                var text = Payload(source, type, offset, size, BlockHeaderSize, BlockHeaderSize + MaxInfoBytes);
                state.Info = Text(text.AsSpan(BlockHeaderSize));
                break;
            case "RAWI" or "IDNT" or "EXPO" or "LENS" or "WBAL" or "RTCI" or "INFO":
                // A later copy: the state changed during the recording; the clip keeps the state at its start.
                break;
            default:
                // NULL padding, MLVI copies in concatenated files, and blocks this reader does not interpret (RAWC, STYL,
                // ELVL, MARK, XREF, DISO, VERS, DEBG, WAVI…) are skipped by their size.
                state.Other[type] = state.Other.GetValueOrDefault(type) + 1;
                break;
        }
    }

    /// <summary>A metadata block whole (header included), at least <paramref name="needed"/> and at most <paramref name="most"/> bytes of it.</summary>
    private static byte[] Payload(BinarySource source, string type, long offset, uint size, int needed, int most)
    {
        if (size < needed)
        {
            throw new InputException($"{source.Name}: block '{type}' at offset {offset} is {size} bytes, fewer than the {needed} its fields need.",
                source.Path, $"{type} blockSize", $"at least {needed.ToString(CultureInfo.InvariantCulture)}");
        }

        return source.Read(offset, (int)Math.Min(size, most), type);
    }

    private sealed class State
    {
        public long VideoFrames { get; set; }

        public long AudioFrames { get; set; }

        public MlvRawInfo? Raw { get; set; }

        public MlvIdentity? Identity { get; set; }

        public MlvExposure? Exposure { get; set; }

        public MlvLens? Lens { get; set; }

        public MlvWhiteBalance? WhiteBalance { get; set; }

        public MlvClock? Clock { get; set; }

        public string? Info { get; set; }

        public Dictionary<string, long> Other { get; } = new(StringComparer.Ordinal);
    }
}
