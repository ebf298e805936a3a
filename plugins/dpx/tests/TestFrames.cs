using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;
using Rushes.Plugins.Dpx.Deliverable;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>A clock stopped at one instant, so that files carry the same creation time every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Default = new(new DateTimeOffset(2026, 3, 15, 10, 20, 30, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Frames and requests shared by the tests.</summary>
internal static class TestFrames
{
    /// <summary>
    /// Display-referred test content: ramps across the whole code range, a noisy band, and a few values below
    /// 0 and above 1 (which the integer encodings clamp).
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
                    plane[(y * width) + x] = (y % 5) switch
                    {
                        0 => (float)random.NextDouble(),
                        1 => (float)x / Math.Max(1, width - 1),
                        2 => (x % 3) - 0.5f + (c * 0.25f),
                        _ => ((float)x / width * 0.7f) + ((float)y / height * 0.3f) + (c * 0.01f),
                    };
                }
            }
        }

        return image;
    }

    /// <summary>What a sample becomes as an integer code of <paramref name="bits"/> bits (the writer's stated rule).</summary>
    public static uint Code(float value, int bits) => (uint)((Math.Clamp(value, 0f, 1f) * ((1u << bits) - 1)) + 0.5f);

    public static DeliverableRequest Request(string folder, int width, int height, params (string Name, string Value)[] options)
        => new()
        {
            Output = new DirectoryOutputTarget(folder),
            FileName = "shot010.dpx",
            Options = new ParameterValues(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value))),
            Width = width,
            Height = height,
            Frames = new FrameRange(1001, 1010),
            FrameRate = FrameRate.Fps23_976,
            StartTimecode = Timecode.Parse("01:02:03:04", FrameRate.Fps23_976),
            ColourEncoding = "ARRI LogC4",
            ClipMetadata = new ClipMetadata
            {
                Vendor = MetadataSet.Empty,
                Normalized = new MetadataSet(
                [
                    new(NormalizedField.CameraSerial, MetadataValue.Of("60123")),
                    new(NormalizedField.ShutterAngle, MetadataValue.Of(172.8, MetadataUnit.None)),
                    new(NormalizedField.Reel, MetadataValue.Of("A001")),
                    new(NormalizedField.ClipName, MetadataValue.Of("A001C003_260314_R1AB")),
                    new(NormalizedField.RecordedAt, MetadataValue.Of(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(-7)))),
                ]),
            },
            Attributes = new Dictionary<string, string> { ["owner"] = "Rushes Test Studio" },
        };

    /// <summary>Writes one frame through the deliverable and returns the file's path.</summary>
    public static string WriteFrame(string folder, PlanarImage image, long frame = 1001, params (string Name, string Value)[] options)
        => WriteFrame(Request(folder, image.Width, image.Height, options), image, frame);

    public static string WriteFrame(DeliverableRequest request, PlanarImage image, long frame = 1001)
    {
        var type = new DpxDeliverableType(FixedClock.Default);
        var name = string.Create(CultureInfo.InvariantCulture, $"shot010.{frame}.dpx");
        using var writer = type.CreateWriter(request);
        writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame, FileName = name });
        writer.Complete();
        return Path.Combine(request.Output.Directory, name);
    }
}
