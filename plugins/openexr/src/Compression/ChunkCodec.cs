using System.Buffers;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>Compresses and decompresses one chunk with any of the supported methods.</summary>
internal static class ChunkCodec
{
    /// <summary>
    /// Compresses <paramref name="raw"/> into <paramref name="destination"/> (at least raw.Length bytes);
    /// returns the length, or -1 when the chunk is to be stored uncompressed because compression would not
    /// make it smaller (readers recognise such chunks by their size).
    /// </summary>
    public static int Compress(ExrCompression compression, ReadOnlySpan<byte> raw, ChunkLayout layout, byte[] destination, int zipLevel)
    {
        switch (compression)
        {
            case ExrCompression.None:
                return -1;
            case ExrCompression.Piz:
                return PizCodec.Encode(raw, layout, destination.AsSpan(0, raw.Length));
        }

        var scratch = ArrayPool<byte>.Shared.Rent(raw.Length * 2);
        try
        {
            var reordered = scratch.AsSpan(raw.Length, raw.Length);
            ByteReorder.Encode(raw, scratch.AsSpan(0, raw.Length), reordered);
            return compression switch
            {
                ExrCompression.Rle => RleCodec.Encode(reordered, destination.AsSpan(0, raw.Length)),
                ExrCompression.Zip or ExrCompression.Zips => ZipCodec.Encode(reordered, destination, zipLevel),
                _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "This writer does not compress with it."),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Decompresses one chunk into exactly <paramref name="raw"/>; a corrupt chunk is an <see cref="InputException"/> naming <paramref name="where"/>.</summary>
    public static void Decompress(ExrCompression compression, ArraySegment<byte> data, ChunkLayout layout, Span<byte> raw, string file, string where)
    {
        if (data.Count == raw.Length)
        {
            // Stored uncompressed: compression would not have made it smaller.
            data.AsSpan().CopyTo(raw);
            return;
        }

        string? problem;
        switch (compression)
        {
            case ExrCompression.None:
                problem = $"it holds {data.Count} bytes, not the {raw.Length} of its uncompressed lines";
                break;
            case ExrCompression.Piz:
                problem = PizCodec.Decode(data, layout, raw);
                break;
            case ExrCompression.Rle or ExrCompression.Zip or ExrCompression.Zips:
                var buffer = ArrayPool<byte>.Shared.Rent(raw.Length);
                try
                {
                    var decoded = buffer.AsSpan(0, raw.Length);
                    var ok = compression == ExrCompression.Rle ? RleCodec.Decode(data, decoded) : ZipCodec.Decode(data, decoded);
                    problem = ok ? null : $"its {ExrFormat.Name(compression)} data do not decode to the {raw.Length} bytes of its lines";
                    if (ok)
                    {
                        ByteReorder.Decode(decoded, raw);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                break;
            default:
                problem = $"{ExrFormat.Name(compression)} compression is not supported";
                break;
        }

        if (problem is not null)
        {
            throw new InputException($"{Path.GetFileName(file)}: {where} is corrupt: {problem}.", file, where, $"a valid {ExrFormat.Name(compression)} chunk");
        }
    }
}
