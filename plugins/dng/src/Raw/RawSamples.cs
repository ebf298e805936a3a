using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Raw;

/// <summary>
/// Reads the strips or tiles of a raw image into stored sample values (as floats, components interleaved, the whole
/// image), decoding each block by its compression. Blocks are independent, so they decode in parallel, each with
/// positional reads and pooled buffers.
/// </summary>
internal static class RawSamples
{
    /// <summary>Fills <paramref name="destination"/> (Width × Height × SamplesPerPixel) with the stored values.</summary>
    public static void Read(SafeFileHandle handle, RawImage raw, Memory<float> destination, CancellationToken cancellationToken)
    {
        if (destination.Length < (long)raw.Width * raw.SamplesPerPixel * raw.Height)
        {
            throw new ArgumentException("The destination is smaller than the image.", nameof(destination));
        }

        try
        {
            Parallel.For(0, raw.Blocks.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => DecodeBlock(handle, raw, raw.Blocks[i], destination));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is InputException) is InputException input)
        {
            throw input;
        }
    }

    private static void DecodeBlock(SafeFileHandle handle, RawImage raw, RawBlock block, Memory<float> image)
    {
        if (block.ByteCount > int.MaxValue)
        {
            throw new InputException($"A raw block of {block.ByteCount} bytes is too large.", raw.File, raw.Tiled ? "TileByteCounts" : "StripByteCounts", "blocks under 2 GiB");
        }

        var spp = raw.SamplesPerPixel;
        var blockSamples = block.Width * spp * block.Height;
        var bytes = ArrayPool<byte>.Shared.Rent((int)block.ByteCount);
        var samples = ArrayPool<float>.Shared.Rent(blockSamples);
        try
        {
            var data = bytes.AsSpan(0, (int)block.ByteCount);
            ReadExactly(handle, data, block.Offset, raw);
            BlockDecoder.Decode(raw, block, data, samples.AsSpan(0, blockSamples));
            // Tiles may overhang the image's right and bottom edges; only the part inside is kept.
            var rows = Math.Min(block.Height, raw.Height - block.Top);
            var columns = Math.Min(block.Width, raw.Width - block.Left) * spp;
            var imageRow = raw.Width * spp;
            for (var y = 0; y < rows; y++)
            {
                samples.AsSpan(y * block.Width * spp, columns).CopyTo(image.Span.Slice(((block.Top + y) * imageRow) + (block.Left * spp), columns));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<float>.Shared.Return(samples);
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> destination, long offset, RawImage raw)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var n = RandomAccess.Read(handle, destination[done..], offset + done);
            if (n <= 0)
            {
                throw new InputException($"{Path.GetFileName(raw.File)} ended at byte {offset + done}, inside its raw data.", raw.File, raw.Tiled ? "TileByteCounts" : "StripByteCounts", "raw data within the file");
            }

            done += n;
        }
    }
}

/// <summary>Decodes one strip or tile into stored values, by compression.</summary>
internal static class BlockDecoder
{
    public static void Decode(RawImage raw, RawBlock block, ReadOnlySpan<byte> data, Span<float> samples)
    {
        switch (raw.Compression)
        {
            case Compressions.None:
                Uncompressed(raw, block, data, samples);
                break;
            default:
                Compressions.Check(raw.Compression, raw.File);
                throw new InputException($"Compression {raw.Compression} is not decoded by this build.", raw.File, "Compression", "1 (uncompressed)");
        }
    }

    private static void Uncompressed(RawImage raw, RawBlock block, ReadOnlySpan<byte> data, Span<float> samples)
    {
        var rowSamples = block.Width * raw.SamplesPerPixel;
        var bits = raw.BitsPerSample;
        // TIFF rows of packed samples start on a byte boundary (TIFF 6.0 section 5; DNG keeps it for bit-packed data).
        var rowBytes = ((long)rowSamples * bits + 7) / 8;
        var needed = rowBytes * block.Height;
        if (data.Length < needed)
        {
            throw new InputException($"A {(raw.Tiled ? "tile" : "strip")} at offset {block.Offset} holds {data.Length} bytes; {block.Width} × {block.Height} samples of {bits} bits need {needed}.",
                raw.File, raw.Tiled ? "TileByteCounts" : "StripByteCounts", $"at least {needed} bytes");
        }

        var bigEndian = raw.Directory.Entries.Count > 0 && raw.Directory.Entries[0].BigEndian;
        for (var y = 0; y < block.Height; y++)
        {
            var row = data.Slice((int)(y * rowBytes), (int)rowBytes);
            var output = samples.Slice(y * rowSamples, rowSamples);
            if (raw.FloatingPoint)
            {
                FloatRow(row, output, bits, bigEndian, raw);
            }
            else if (bits == 16)
            {
                for (var x = 0; x < rowSamples; x++)
                {
                    output[x] = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(row[(x * 2)..]) : BinaryPrimitives.ReadUInt16LittleEndian(row[(x * 2)..]);
                }
            }
            else if (bits == 8)
            {
                for (var x = 0; x < rowSamples; x++)
                {
                    output[x] = row[x];
                }
            }
            else
            {
                // Bit-packed, most significant bit first (DNG 1.7.1, "BitsPerSample").
                ulong buffer = 0;
                var held = 0;
                var at = 0;
                var mask = (1UL << bits) - 1;
                for (var x = 0; x < rowSamples; x++)
                {
                    while (held < bits)
                    {
                        buffer = (buffer << 8) | row[at++];
                        held += 8;
                    }

                    held -= bits;
                    output[x] = (float)((buffer >> held) & mask);
                }
            }
        }
    }

    private static void FloatRow(ReadOnlySpan<byte> row, Span<float> output, int bits, bool bigEndian, RawImage raw)
    {
        for (var x = 0; x < output.Length; x++)
        {
            output[x] = bits switch
            {
                32 => BitConverter.Int32BitsToSingle(bigEndian ? BinaryPrimitives.ReadInt32BigEndian(row[(x * 4)..]) : BinaryPrimitives.ReadInt32LittleEndian(row[(x * 4)..])),
                16 => (float)BitConverter.UInt16BitsToHalf(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(row[(x * 2)..]) : BinaryPrimitives.ReadUInt16LittleEndian(row[(x * 2)..])),
                _ => throw new InputException("Uncompressed 24-bit floating-point raw data is not decoded.", raw.File, "BitsPerSample", "16- or 32-bit floats when uncompressed"),
            };
        }
    }
}
