using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;
using Rushes.Plugins.OpenExr.Deliverable;
using Rushes.Plugins.OpenExr.IO;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>Frames and requests shared by the tests.</summary>
internal static class TestFrames
{
    public static readonly string[] Compressions = ["none", "rle", "zips", "zip", "piz"];

    /// <summary>
    /// Scene-linear test content: smooth ramps (which compress), a noisy band (which does not), negative
    /// values, tiny values near the half subnormals and highlights in the thousands.
    /// </summary>
    public static PlanarImage Picture(int width, int height, int channels = 3, int seed = 1)
    {
        var image = new PlanarImage(width, height, channels);
        var random = new Random(seed);
        for (var c = 0; c < channels; c++)
        {
            var plane = image.GetPlane(c);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    float value = (y % 7) switch
                    {
                        0 => (float)(random.NextDouble() * 4) - 1,
                        1 => x * 1e-6f,
                        2 => -0.25f + (c * 0.1f),
                        3 => (x + y) * 37.5f,
                        _ => ((float)x / width) + ((float)y / height * 0.5f) + (c * 0.01f),
                    };
                    plane[(y * width) + x] = c == 3 ? Math.Clamp(value, 0, 1) : value;
                }
            }
        }

        return image;
    }

    public static DeliverableRequest Request(string folder, int width, int height, params (string Name, string Value)[] options)
        => new()
        {
            Output = new DirectoryOutputTarget(folder),
            FileName = "shot010.exr",
            Options = new ParameterValues(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value))),
            Width = width,
            Height = height,
            Frames = new FrameRange(1001, 1010),
            FrameRate = FrameRate.Fps23_976,
            StartTimecode = Timecode.Parse("01:02:03:04", FrameRate.Fps23_976),
            ColourEncoding = "ACES2065-1",
            ClipMetadata = new ClipMetadata
            {
                Vendor = MetadataSet.Empty,
                Normalized = new MetadataSet(
                [
                    new(NormalizedField.CameraMake, MetadataValue.Of("ARRI")),
                    new(NormalizedField.CameraModel, MetadataValue.Of("ALEXA 35")),
                    new(NormalizedField.CameraSerial, MetadataValue.Of("60123")),
                    new(NormalizedField.LensModel, MetadataValue.Of("Signature Prime 47mm")),
                    new(NormalizedField.FocalLength, MetadataValue.Of(47.0, MetadataUnit.None)),
                    new(NormalizedField.TStop, MetadataValue.Of(2.8, MetadataUnit.None)),
                    new(NormalizedField.FocusDistance, MetadataValue.Of(3.25, MetadataUnit.None)),
                    new(NormalizedField.ExposureIndex, MetadataValue.Of(800L, MetadataUnit.None)),
                    new(NormalizedField.ShutterAngle, MetadataValue.Of(172.8, MetadataUnit.None)),
                    new(NormalizedField.CaptureFrameRate, MetadataValue.Of(new Rational(24000, 1001), MetadataUnit.None)),
                    new(NormalizedField.Reel, MetadataValue.Of("A001")),
                    new(NormalizedField.RecordedAt, MetadataValue.Of(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(-7)))),
                ]),
            },
            Attributes = new Dictionary<string, string>
            {
                ["owner"] = "Rushes Test Studio",
                ["comments"] = "OpenEXR deliverable test",
                ["amf-uuid"] = "urn:uuid:7f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
                ["clip-name"] = "A001C003_260314_R1AB",
            },
        };

    /// <summary>Writes one frame through the deliverable and returns the file's path.</summary>
    public static string WriteFrame(string folder, PlanarImage image, long frame = 1001, params (string Name, string Value)[] options)
    {
        var type = new OpenExrDeliverableType();
        var name = string.Create(CultureInfo.InvariantCulture, $"shot010.{frame}.exr");
        using var writer = type.CreateWriter(Request(folder, image.Width, image.Height, options));
        writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame, FileName = name });
        writer.Complete();
        return Path.Combine(folder, name);
    }

    /// <summary>The samples as a half channel stores them.</summary>
    public static float ToHalf(float value) => (float)(Half)value;

    public static ExrImage Read(string path) => ExrFileReader.Read(path);
}
