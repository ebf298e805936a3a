using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Codecs;

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
            // The first bad block is the user's error; rethrown with its own stack.
            ExceptionDispatchInfo.Capture(input).Throw();
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

/// <summary>Decodes one strip or tile into stored values, by compression, through the DNG codecs.</summary>
internal static class BlockDecoder
{
    public static void Decode(RawImage raw, RawBlock block, ReadOnlySpan<byte> data, Span<float> samples)
    {
        var bigEndian = raw.BigEndian;
        var rowSamples = block.Width * raw.SamplesPerPixel;
        if (raw.FloatingPoint)
        {
            switch (raw.Compression)
            {
                case Compressions.Deflate:
                    DeflateSamples.DecodeFloats(data, new DeflateBlock(block.Width, block.Height, raw.SamplesPerPixel, raw.BitsPerSample, true, raw.Predictor), bigEndian, samples, raw.File);
                    return;
                case Compressions.None:
                    UncompressedFloats(raw, block, data, samples);
                    return;
                default:
                    throw new InputException("Lossless JPEG holds integers, but the raw IFD says its samples are floating point.", raw.File, "SampleFormat", "1 (unsigned integer) with compression 7");
            }
        }

        var integers = ArrayPool<ushort>.Shared.Rent(samples.Length);
        try
        {
            var stored = integers.AsSpan(0, samples.Length);
            switch (raw.Compression)
            {
                case Compressions.None:
                    PackedSamples.Unpack(data, raw.BitsPerSample, rowSamples, block.Height, bigEndian, stored, raw.File);
                    break;
                case Compressions.Deflate:
                    DeflateSamples.DecodeIntegers(data, new DeflateBlock(block.Width, block.Height, raw.SamplesPerPixel, raw.BitsPerSample, false, raw.Predictor), bigEndian, stored, raw.File);
                    break;
                case Compressions.LosslessJpeg:
                    LosslessJpegBlock(raw, block, data, stored);
                    break;
                default:
                    Compressions.Check(raw.Compression, raw.File);
                    break;
            }

            for (var i = 0; i < stored.Length; i++)
            {
                samples[i] = stored[i];
            }
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(integers);
        }
    }

    /// <summary>
    /// DNG lets the JPEG frame of a tile have another shape than the tile ("only the total sample counts need to
    /// match"): a W-wide CFA tile is often a W/2-wide two-component frame, so that the predictors work across like
    /// colours. Rows of the frame laid end to end are the tile's rows laid end to end.
    /// </summary>
    private static void LosslessJpegBlock(RawImage raw, RawBlock block, ReadOnlySpan<byte> data, Span<ushort> stored)
    {
        var frame = LosslessJpeg.ReadFrame(data, raw.File);
        var frameSamples = (long)frame.Width * frame.Height * frame.Components;
        var rowSamples = (long)block.Width * raw.SamplesPerPixel;
        // A last strip may be coded at the full strip height; its extra rows are dropped, which needs equal row lengths.
        if (frameSamples < stored.Length || (frameSamples > stored.Length && (frame.Width * frame.Components != rowSamples || frameSamples > rowSamples * raw.BlockHeight)))
        {
            throw new InputException($"A lossless JPEG {(raw.Tiled ? "tile" : "strip")} at offset {block.Offset} codes {frame.Width} × {frame.Height} × {frame.Components} samples for a {block.Width} × {block.Height} block of {raw.SamplesPerPixel} samples per pixel.",
                raw.File, "Compression", $"{stored.Length} samples in the JPEG frame");
        }

        if (frame.Precision < raw.BitsPerSample)
        {
            throw new InputException($"A lossless JPEG block has {frame.Precision}-bit precision for {raw.BitsPerSample}-bit samples.", raw.File, "BitsPerSample", $"a JPEG precision of at least {raw.BitsPerSample} bits");
        }

        if (frameSamples == stored.Length)
        {
            LosslessJpeg.Decode(data, stored, raw.File);
            return;
        }

        var whole = ArrayPool<ushort>.Shared.Rent((int)frameSamples);
        try
        {
            LosslessJpeg.Decode(data, whole.AsSpan(0, (int)frameSamples), raw.File);
            whole.AsSpan(0, stored.Length).CopyTo(stored);
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(whole);
        }
    }

    private static void UncompressedFloats(RawImage raw, RawBlock block, ReadOnlySpan<byte> data, Span<float> samples)
    {
        var size = raw.BitsPerSample / 8;
        if (size is not (2 or 4))
        {
            throw new InputException("Uncompressed 24-bit floating-point raw data is not decoded.", raw.File, "BitsPerSample", "16- or 32-bit floats when uncompressed");
        }

        var needed = (long)samples.Length * size;
        if (data.Length < needed)
        {
            throw new InputException($"A {(raw.Tiled ? "tile" : "strip")} at offset {block.Offset} holds {data.Length} bytes; its floats need {needed}.",
                raw.File, raw.Tiled ? "TileByteCounts" : "StripByteCounts", $"at least {needed} bytes");
        }

        for (var i = 0; i < samples.Length; i++)
        {
            var bytes = data.Slice(i * size, size);
            samples[i] = size == 4
                ? BitConverter.Int32BitsToSingle(raw.BigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes))
                : (float)BitConverter.UInt16BitsToHalf(raw.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes));
        }
    }
}
