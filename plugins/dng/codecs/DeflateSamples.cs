using System.Buffers;
using System.IO.Compression;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Codecs.Deflate;

namespace Rushes.Plugins.Dng.Codecs;

/// <summary>
/// One strip or tile of TIFF/DNG Deflate data (compression 8 or 32946): its size in pixels, samples per
/// pixel, bits per sample, whether the samples are floating point (SampleFormat 3) and its Predictor tag.
/// </summary>
public readonly record struct DeflateBlock(int Width, int Height, int SamplesPerPixel, int BitsPerSample, bool FloatingPoint, int Predictor);

/// <summary>
/// Deflate-compressed TIFF/DNG samples: zlib inflation (System.IO.Compression) to exactly the size the block
/// needs, then the inverse predictor: none (1), horizontal differencing (2, DNG 34892 X2, 34893 X4) for
/// integers, or the floating-point predictor (3, DNG 34894 X2, 34895 X4) for 16, 24 and 32-bit floats.
/// </summary>
public static class DeflateSamples
{
    /// <summary>Decodes integer samples of 8 to 16 bits into Width×Height×SamplesPerPixel values.</summary>
    public static void DecodeIntegers(ReadOnlySpan<byte> compressed, in DeflateBlock block, bool bigEndian, Span<ushort> destination, string file)
    {
        var count = Validate(block, destination.Length, file);
        if (block.FloatingPoint)
        {
            throw new InputException($"'{file}' stores floating-point samples where integers were expected.", file, "SampleFormat", "1 (unsigned integer)");
        }

        if (block.BitsPerSample is < 8 or > 16)
        {
            throw new InputException($"'{file}' stores {block.BitsPerSample}-bit integer samples; 8 to 16 are supported.", file, "BitsPerSample", "8 to 16");
        }

        var distance = Predictors.HorizontalSpan(block.Predictor);
        if (block.Predictor != 1 && (distance == 0 || block.BitsPerSample is not (8 or 16)))
        {
            throw new InputException($"'{file}' uses predictor {block.Predictor} with {block.BitsPerSample}-bit integers.", file, "Predictor",
                block.BitsPerSample is 8 or 16 ? "1, 2, 34892 or 34893 for integer samples" : "1 for integer samples that are not 8 or 16 bits");
        }

        var rowSamples = block.Width * block.SamplesPerPixel;
        var rowBytes = PackedSamples.RowBytes(block.BitsPerSample, rowSamples);
        var expected = InflatedSize(rowBytes, block.Height, file);
        var bytes = Inflate(compressed, expected, file);
        try
        {
            var data = bytes.AsSpan(0, expected);
            if (block.BitsPerSample == 8 && distance > 0)
            {
                for (var row = 0; row < block.Height; row++)
                {
                    Predictors.UndoHorizontal(data.Slice(row * (int)rowBytes, (int)rowBytes), distance * block.SamplesPerPixel);
                }
            }

            var samples = destination[..count];
            PackedSamples.Unpack(data, block.BitsPerSample, rowSamples, block.Height, bigEndian, samples, file);
            if (block.BitsPerSample == 16 && distance > 0)
            {
                for (var row = 0; row < block.Height; row++)
                {
                    Predictors.UndoHorizontal(samples.Slice(row * rowSamples, rowSamples), distance * block.SamplesPerPixel);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Decodes 16-bit (half), 24-bit (DNG) or 32-bit floating-point samples into Width×Height×SamplesPerPixel floats.</summary>
    public static void DecodeFloats(ReadOnlySpan<byte> compressed, in DeflateBlock block, bool bigEndian, Span<float> destination, string file)
    {
        Validate(block, destination.Length, file);
        if (!block.FloatingPoint)
        {
            throw new InputException($"'{file}' stores integer samples where floating point was expected.", file, "SampleFormat", "3 (floating point)");
        }

        if (block.BitsPerSample is not (16 or 24 or 32))
        {
            throw new InputException($"'{file}' stores {block.BitsPerSample}-bit floating-point samples.", file, "BitsPerSample", "16, 24 or 32 for floating point");
        }

        var distance = Predictors.FloatingPointSpan(block.Predictor);
        if (block.Predictor != 1 && distance == 0)
        {
            throw new InputException($"'{file}' uses predictor {block.Predictor} with floating-point samples.", file, "Predictor", "1, 3, 34894 or 34895 for floating-point samples");
        }

        var size = block.BitsPerSample / 8;
        var rowSamples = block.Width * block.SamplesPerPixel;
        var rowBytes = (long)rowSamples * size;
        var bytes = Inflate(compressed, InflatedSize(rowBytes, block.Height, file), file);
        try
        {
            for (var row = 0; row < block.Height; row++)
            {
                var data = bytes.AsSpan(row * (int)rowBytes, (int)rowBytes);
                var samples = destination.Slice(row * rowSamples, rowSamples);
                if (distance > 0)
                {
                    Predictors.UndoHorizontal(data, distance * block.SamplesPerPixel);
                    FloatRow.FromPlanes(data, size, samples);
                }
                else
                {
                    FloatRow.FromInterleaved(data, size, bigEndian, samples);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static int Validate(in DeflateBlock block, int capacity, string file)
    {
        if (block.Width < 1 || block.Height < 1 || block.SamplesPerPixel < 1)
        {
            throw new InputException($"'{file}' has a strip or tile of {block.Width}×{block.Height} pixels with {block.SamplesPerPixel} samples each.",
                file, "ImageWidth", "at least 1×1 pixels and 1 sample per pixel");
        }

        var count = (long)block.Width * block.Height * block.SamplesPerPixel;
        return count <= capacity
            ? (int)count
            : throw new InputException($"'{file}' has a strip or tile of {block.Width}×{block.Height}×{block.SamplesPerPixel} samples, more than the {capacity} expected.",
                file, "TileWidth", $"at most {capacity} samples");
    }

    // The samples fit the destination, but their bytes could still exceed what one array can hold.
    private static int InflatedSize(long rowBytes, int rows, string file)
        => rowBytes * rows <= Array.MaxLength
            ? (int)(rowBytes * rows)
            : throw new InputException($"'{file}' has a strip or tile of {rowBytes * rows} bytes, more than one buffer holds.", file, "TileWidth", $"at most {Array.MaxLength} bytes per strip or tile");

    // Inflates exactly `expected` bytes into a pooled array; more or less data is an error.
    private static byte[] Inflate(ReadOnlySpan<byte> compressed, int expected, string file)
    {
        var input = ArrayPool<byte>.Shared.Rent(compressed.Length);
        var output = ArrayPool<byte>.Shared.Rent(expected);
        var complete = false;
        try
        {
            compressed.CopyTo(input);
            using var stream = new ZLibStream(new MemoryStream(input, 0, compressed.Length, writable: false), CompressionMode.Decompress);
            var inflated = stream.ReadAtLeast(output.AsSpan(0, expected), expected, throwOnEndOfStream: false);
            if (inflated < expected)
            {
                throw new InputException($"Deflate data in '{file}' inflates to {inflated} bytes; the strip or tile needs {expected}.", file, "StripByteCounts", $"{expected} inflated bytes");
            }

            // Reading on to the end also verifies the zlib Adler-32 checksum.
            Span<byte> extra = stackalloc byte[1];
            if (stream.Read(extra) > 0)
            {
                throw new InputException($"Deflate data in '{file}' inflates to more than the {expected} bytes the strip or tile needs.", file, "StripByteCounts", $"{expected} inflated bytes");
            }

            complete = true;
            return output;
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"Deflate data in '{file}' is corrupt: {e.Message}", file, "StripByteCounts", "a valid zlib stream", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            if (!complete)
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }
}
