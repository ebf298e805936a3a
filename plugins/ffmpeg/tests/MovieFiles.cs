using System.Text.Json;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;
using Rushes.Testing;

namespace Rushes.Plugins.Ffmpeg.Tests;

/// <summary>Frames, requests, and the reference reader (ffprobe) and decoder (ffmpeg) shared by the tests.</summary>
internal static class MovieFiles
{
    /// <summary>
    /// Display-referred content that moves from frame to frame: smooth ramps (what the codecs are made for),
    /// a soft diagonal edge, and an alpha ramp. Kept inside 0..1 so the round trip is the codec's error alone.
    /// </summary>
    public static PlanarImage Picture(int width, int height, long frame, int channels = 3)
    {
        var image = new PlanarImage(width, height, channels);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var u = (x + 0.5f) / width;
                var v = (y + 0.5f) / height;
                var shift = (frame % 24) / 24f;
                var i = (y * width) + x;
                image.GetPlane(0)[i] = 0.05f + (0.9f * u);
                image.GetPlane(1)[i] = 0.1f + (0.8f * ((v + shift) % 1f));
                image.GetPlane(2)[i] = 0.5f + (0.4f * MathF.Tanh((u - v) * 6f));
                if (channels == 4)
                {
                    image.GetPlane(3)[i] = 0.2f + (0.8f * v);
                }
            }
        }

        return image;
    }

    public static DeliverableRequest Request(string folder, int width, int height, int frames, params (string Name, string Value)[] options)
        => new()
        {
            Output = new DirectoryOutputTarget(folder),
            FileName = "A001C003_proxy.mov",
            Options = new ParameterValues(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value))),
            Width = width,
            Height = height,
            Frames = new FrameRange(1001, 1000 + frames),
            FrameRate = FrameRate.Fps23_976,
            StartTimecode = Timecode.Parse("01:02:03:04", FrameRate.Fps23_976),
            ColourEncoding = "Rec.709",
            ClipMetadata = new ClipMetadata
            {
                Vendor = MetadataSet.Empty,
                Normalized = new MetadataSet([new(NormalizedField.Reel, MetadataValue.Of("A001"))]),
            },
            Attributes = new Dictionary<string, string>
            {
                ["clip-name"] = "A001C003_260314_R1AB",
                ["comments"] = "Rushes movie test",
            },
        };

    /// <summary>Writes every frame of the request through the deliverable and returns the movie's path.</summary>
    public static string Write(DeliverableRequest request, int channels = 3)
    {
        using var writer = new FfmpegDeliverableType().CreateWriter(request);
        foreach (var frame in request.Frames.Frames())
        {
            using var image = Picture(request.Width, request.Height, frame, channels);
            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
        }

        var written = writer.Complete();
        return Path.Combine(request.Output.Directory, written[0].RelativePath);
    }

    /// <summary><c>ffprobe -show_streams -show_format -count_frames -of json</c>.</summary>
    public static JsonElement Probe(string path)
    {
        var json = ReferenceTool.Run("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-count_frames", "-of", "json", path]).EnsureSuccess("ffprobe").StandardOutput;
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Decodes the movie back to 16-bit RGB with ffmpeg, undoing the BT.709 limited-range Y'CbCr; samples 0..1, frame after frame, interleaved.</summary>
    public static float[] DecodeRgb(string path, string folder, bool alpha = false)
    {
        var raw = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".raw");
        ReferenceTool.Run("ffmpeg", ["-v", "error", "-nostdin", "-i", path, "-vf", "scale=in_color_matrix=bt709:in_range=tv:flags=accurate_rnd+full_chroma_int", "-f", "rawvideo", "-pix_fmt", alpha ? "rgba64le" : "rgb48le", raw])
            .EnsureSuccess("ffmpeg decode");
        var bytes = File.ReadAllBytes(raw);
        File.Delete(raw);
        var samples = new float[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BitConverter.ToUInt16(bytes, i * 2) / 65535f;
        }

        return samples;
    }

    /// <summary>The source frames of a request, interleaved like <see cref="DecodeRgb"/>.</summary>
    public static float[] Source(DeliverableRequest request, int channels = 3)
    {
        var samples = new List<float>();
        foreach (var frame in request.Frames.Frames())
        {
            using var image = Picture(request.Width, request.Height, frame, channels);
            for (var i = 0; i < image.PlaneLength; i++)
            {
                for (var c = 0; c < channels; c++)
                {
                    samples.Add(image.GetPlane(c)[i]);
                }
            }
        }

        return [.. samples];
    }

    public static string Text(this JsonElement element, string name)
        => element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString() : "(missing)";

    public static string Tag(this JsonElement element, string name)
        => element.TryGetProperty("tags", out var tags) && tags.TryGetProperty(name, out var value) ? value.GetString()! : "(missing)";
}
