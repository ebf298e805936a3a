using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// Lays one frame out as ffmpeg's raw input and writes it to the pipe. rgb48le/rgba64le: interleaved
/// little-endian 16-bit, each sample clamped to 0..1 (NaN to 0), scaled by 65535 and rounded half up.
/// gbrpf32le/gbrapf32le: the float planes as they are, in G, B, R(, A) order.
/// </summary>
internal sealed class FramePacker(bool floatPipe, bool alpha, bool clampNonFinite)
{
    private static readonly string[] ChannelNames = ["R", "G", "B", "A"];

    // gbrp* planes run G, B, R, then A (libavutil pixdesc order for the planar RGB formats).
    private static readonly int[] PlanarOrder = [1, 2, 0, 3];

    private int Channels => alpha ? 4 : 3;

    public void Write(PlanarImage image, long frameNumber, Stream pipe, CancellationToken cancellationToken)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Raw frames are piped little-endian; this machine is big-endian.");
        }

        if (!clampNonFinite)
        {
            RejectNonFinite(image, frameNumber);
        }

        if (floatPipe)
        {
            WriteFloat(image, pipe, cancellationToken);
        }
        else
        {
            WriteSixteenBit(image, pipe, cancellationToken);
        }
    }

    private void WriteSixteenBit(PlanarImage image, Stream pipe, CancellationToken cancellationToken)
    {
        var channels = Channels;
        var length = image.PlaneLength * channels;
        var buffer = ArrayPool<ushort>.Shared.Rent(length);
        try
        {
            Parallel.For(0, image.Height, new ParallelOptions { CancellationToken = cancellationToken }, () => new int[image.Width], (y, _, codes) =>
            {
                var row = buffer.AsSpan(y * image.Width * channels, image.Width * channels);
                for (var c = 0; c < channels; c++)
                {
                    if (c == 3 && !image.HasAlpha)
                    {
                        for (var x = 0; x < image.Width; x++)
                        {
                            row[(x * 4) + 3] = ushort.MaxValue;
                        }

                        continue;
                    }

                    QuantizeRow(image.GetRow(c, y), codes);
                    for (var x = 0; x < codes.Length; x++)
                    {
                        row[(x * channels) + c] = (ushort)codes[x];
                    }
                }

                return codes;
            }, _ => { });
            pipe.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(buffer);
        }
    }

    private void WriteFloat(PlanarImage image, Stream pipe, CancellationToken cancellationToken)
    {
        float[]? scratch = null;
        try
        {
            for (var i = 0; i < Channels; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var channel = PlanarOrder[i];
                if (channel == 3 && !image.HasAlpha)
                {
                    scratch ??= ArrayPool<float>.Shared.Rent(image.PlaneLength);
                    scratch.AsSpan(0, image.PlaneLength).Fill(1f);
                    pipe.Write(MemoryMarshal.AsBytes(scratch.AsSpan(0, image.PlaneLength)));
                }
                else if (clampNonFinite)
                {
                    scratch ??= ArrayPool<float>.Shared.Rent(image.PlaneLength);
                    Sanitize(image.GetPlane(channel), scratch.AsSpan(0, image.PlaneLength));
                    pipe.Write(MemoryMarshal.AsBytes(scratch.AsSpan(0, image.PlaneLength)));
                }
                else
                {
                    // Already checked finite: the plane goes to the pipe without a copy.
                    pipe.Write(MemoryMarshal.AsBytes(image.GetPlane(channel)));
                }
            }
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
        }
    }

    /// <summary><see cref="Quantize"/> over a row, a vector of samples at a time (the same single-precision operations, so the same codes).</summary>
    public static void QuantizeRow(ReadOnlySpan<float> source, Span<int> codes)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(source);
        var targets = MemoryMarshal.Cast<int, Vector<int>>(codes);
        var one = Vector<float>.One;
        var scale = new Vector<float>(65535f);
        var half = new Vector<float>(0.5f);
        for (var v = 0; v < vectors.Length; v++)
        {
            var value = vectors[v];
            // NaN is the only value unequal to itself: it becomes 0 before the clamp.
            value = Vector.ConditionalSelect(Vector.Equals(value, value), value, Vector<float>.Zero);
            value = Vector.Min(Vector.Max(value, Vector<float>.Zero), one);
            targets[v] = Vector.ConvertToInt32((value * scale) + half);
        }

        for (var x = vectors.Length * Vector<float>.Count; x < source.Length; x++)
        {
            codes[x] = Quantize(source[x]);
        }
    }

    /// <summary>Clamp to 0..1 with NaN as 0, then 16-bit with rounding half up.</summary>
    public static ushort Quantize(float value)
    {
        var clamped = value > 0f ? (value < 1f ? value : 1f) : 0f;
        return (ushort)((clamped * 65535f) + 0.5f);
    }

    private static void Sanitize(ReadOnlySpan<float> source, Span<float> target)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var v = source[i];
            target[i] = float.IsFinite(v) ? v : float.IsNaN(v) ? 0f : v > 0 ? 1f : 0f;
        }
    }

    private void RejectNonFinite(PlanarImage image, long frameNumber)
    {
        var channels = Math.Min(Channels, image.Channels);
        for (var y = 0; y < image.Height; y++)
        {
            for (var c = 0; c < channels; c++)
            {
                var row = image.GetRow(c, y);
                var vectors = MemoryMarshal.Cast<float, Vector<float>>(row);
                var from = 0;
                // x - x is 0 for finite x and NaN for NaN and ±infinity: one compare tests a vector of samples.
                while (from < vectors.Length && Vector.EqualsAll(vectors[from] - vectors[from], Vector<float>.Zero))
                {
                    from++;
                }

                for (var x = from * Vector<float>.Count; x < row.Length; x++)
                {
                    if (!float.IsFinite(row[x]))
                    {
                        throw new InputException(
                            string.Create(CultureInfo.InvariantCulture, $"Frame {frameNumber}: pixel ({x}, {y}) channel {ChannelNames[c]} is {row[x]}, which a movie cannot carry (display-referred samples must be finite)."),
                            field: "pixels", expected: "finite samples, or non-finite=clamp");
                    }
                }
            }
        }
    }
}
