using System.Buffers.Binary;
using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;
using Rushes.Plugins.Tiff.Deliverable;

namespace Rushes.Plugins.Tiff.Tests;

/// <summary>A clock stopped at one instant, so that files carry the same DateTime every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Default = new(new DateTimeOffset(2026, 3, 15, 10, 20, 30, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Frames, requests and ICC profiles shared by the tests.</summary>
internal static class TestFrames
{
    /// <summary>
    /// Test content: ramps across 0..1, a noisy band (which does not compress), values below 0 and above 1
    /// (clamped in 16-bit, kept in float), tiny values and highlights in the thousands.
    /// </summary>
    public static PlanarImage Picture(int width, int height, int seed = 1)
    {
        var image = new PlanarImage(width, height);
        var random = new Random(seed);
        for (var c = 0; c < 3; c++)
        {
            var plane = image.GetPlane(c);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    plane[(y * width) + x] = (y % 6) switch
                    {
                        0 => (float)random.NextDouble(),
                        1 => (float)x / Math.Max(1, width - 1),
                        2 => (x % 3) - 0.5f + (c * 0.25f),
                        3 => x * 1e-6f,
                        4 => (x + y) * 37.5f,
                        _ => ((float)x / width * 0.7f) + ((float)y / height * 0.3f) + (c * 0.01f),
                    };
                }
            }
        }

        return image;
    }

    /// <summary>What a sample becomes as a 16-bit code (the writer's stated rule).</summary>
    public static ushort Code(float value) => (ushort)((Math.Clamp(value, 0f, 1f) * 65535) + 0.5f);

    /// <summary>
    /// A small RGB display profile: the 128-byte ICC header (size, version 4.3, class 'mntr', 'RGB ' data,
    /// 'XYZ ' connection space, the 'acsp' signature, the D50 illuminant) and a tag table holding the media
    /// white point ('wtpt', an XYZType of D50), as ICC.1 sections 7.2, 7.3 and 10.31 lay them out.
    /// </summary>
    public static byte[] IccProfile(string colourSpace = "RGB ")
    {
        const int size = 128 + 4 + 12 + 20;
        var bytes = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, size);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 0x04300000);
        "mntr"u8.CopyTo(bytes.AsSpan(12));
        System.Text.Encoding.ASCII.GetBytes(colourSpace).CopyTo(bytes.AsSpan(16));
        "XYZ "u8.CopyTo(bytes.AsSpan(20));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(24), 2026);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(26), 3);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(28), 15);
        "acsp"u8.CopyTo(bytes.AsSpan(36));
        D50(bytes.AsSpan(68));

        // One tag: 'wtpt' at offset 144, 20 bytes long.
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(128), 1);
        "wtpt"u8.CopyTo(bytes.AsSpan(132));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(136), 144);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(140), 20);
        "XYZ "u8.CopyTo(bytes.AsSpan(144));
        D50(bytes.AsSpan(152));
        return bytes;

        // D50 in s15Fixed16: 0.9642, 1.0, 0.8249.
        static void D50(Span<byte> at)
        {
            BinaryPrimitives.WriteInt32BigEndian(at, 0x0000f6d6);
            BinaryPrimitives.WriteInt32BigEndian(at[4..], 0x00010000);
            BinaryPrimitives.WriteInt32BigEndian(at[8..], 0x0000d32d);
        }
    }

    public static DeliverableRequest Request(string folder, int width, int height, params (string Name, string Value)[] options)
        => new()
        {
            Output = new DirectoryOutputTarget(folder),
            FileName = "shot010.tif",
            Options = new ParameterValues(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value))),
            Width = width,
            Height = height,
            Frames = new FrameRange(1001, 1010),
            FrameRate = FrameRate.Fps24,
            ColourEncoding = "ACEScg",
            ClipMetadata = new ClipMetadata
            {
                Vendor = MetadataSet.Empty,
                Normalized = new MetadataSet([new(NormalizedField.ClipName, MetadataValue.Of("A001C003_260314_R1AB"))]),
            },
            Attributes = new Dictionary<string, string> { ["owner"] = "Rushes Test Studio", ["comments"] = "TIFF deliverable test" },
        };

    /// <summary>Writes one frame through the deliverable and returns the file's path.</summary>
    public static string WriteFrame(string folder, PlanarImage image, long frame = 1001, params (string Name, string Value)[] options)
    {
        var type = new TiffDeliverableType(FixedClock.Default);
        var name = string.Create(CultureInfo.InvariantCulture, $"shot010.{frame}.tif");
        using var writer = type.CreateWriter(Request(folder, image.Width, image.Height, options));
        writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame, FileName = name });
        writer.Complete();
        return Path.Combine(folder, name);
    }
}
