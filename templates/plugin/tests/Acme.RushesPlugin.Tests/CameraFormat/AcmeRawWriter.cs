using System.Buffers.Binary;

namespace Acme.RushesPlugin.Tests.CameraFormat;

/// <summary>Makes ACME raw fixture files: whole clips, and headers with any values for the bad cases.</summary>
internal static class AcmeRawWriter
{
    /// <summary>The 28-byte header, written as given, without checks.</summary>
    public static byte[] Header(uint width, uint height, uint frameCount, uint rateNumerator = 24, uint rateDenominator = 1, string signature = "ACMERAW1")
    {
        var bytes = new byte[28];
        System.Text.Encoding.ASCII.GetBytes(signature).AsSpan(0, Math.Min(8, signature.Length)).CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), width);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), height);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), frameCount);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), rateNumerator);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), rateDenominator);
        return bytes;
    }

    /// <summary>A whole clip; each frame is width × height interleaved R, G, B samples.</summary>
    public static byte[] Encode(int width, int height, IReadOnlyList<ushort[]> frames, uint rateNumerator = 24, uint rateDenominator = 1)
    {
        var header = Header((uint)width, (uint)height, (uint)frames.Count, rateNumerator, rateDenominator);
        var bytes = new byte[header.Length + (frames.Count * width * height * 3 * 2)];
        header.CopyTo(bytes, 0);
        var at = header.Length;
        foreach (var frame in frames)
        {
            if (frame.Length != width * height * 3)
            {
                throw new ArgumentException($"A {width} × {height} frame has {width * height * 3} samples, not {frame.Length}.", nameof(frames));
            }

            foreach (var sample in frame)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), sample);
                at += 2;
            }
        }

        return bytes;
    }

    /// <summary>Writes a clip of <paramref name="frameCount"/> <see cref="Pattern"/> frames; returns the path.</summary>
    public static string Write(string path, int width, int height, int frameCount, uint rateNumerator = 24, uint rateDenominator = 1)
    {
        var frames = Enumerable.Range(0, frameCount).Select(f => Pattern(width, height, f)).ToList();
        File.WriteAllBytes(path, Encode(width, height, frames, rateNumerator, rateDenominator));
        return path;
    }

    /// <summary>A frame whose every sample says where it is: R from x, G from y, B from both, plus the frame number.</summary>
    public static ushort[] Pattern(int width, int height, int frame)
    {
        var samples = new ushort[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 3;
                samples[at] = Sample(x, y, 0, frame);
                samples[at + 1] = Sample(x, y, 1, frame);
                samples[at + 2] = Sample(x, y, 2, frame);
            }
        }

        return samples;
    }

    /// <summary>The value <see cref="Pattern"/> puts at a pixel and channel.</summary>
    public static ushort Sample(int x, int y, int channel, int frame)
        => (ushort)Math.Min(65535, (x * 4000) + (y * 9000) + (channel * 1000) + (frame * 300));
}
