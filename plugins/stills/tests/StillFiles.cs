using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;
using Rushes.Testing;

namespace Rushes.Plugins.Stills.Tests;

/// <summary>A still as OpenImageIO decodes it: size, sample type and the integer code of every sample.</summary>
internal sealed record DecodedStill(int Width, int Height, int Channels, string SampleType, int[] Codes)
{
    public int Max => SampleType == "uint16" ? 65535 : 255;

    public int Code(int x, int y, int channel) => Codes[(((y * Width) + x) * Channels) + channel];
}

/// <summary>Frames, requests and the reference reader shared by the tests.</summary>
internal static partial class StillFiles
{
    /// <summary>
    /// Display-referred test content: smooth ramps in each channel (what JPEG is for), a few hard edges, values
    /// just outside 0..1 that must clamp, and codes on rounding boundaries.
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
                    var u = (x + 0.5f) / width;
                    var v = (y + 0.5f) / height;
                    plane[(y * width) + x] = c switch
                    {
                        0 => u,
                        1 => (0.25f + (0.5f * v)) + ((x / 8 % 2 == 0) ? 0.1f : 0f),
                        _ => (0.5f * (u + v)) + (0.02f * (float)random.NextDouble()),
                    };
                }
            }
        }

        // Out of range (clamped), and exact codes.
        image.GetRow(0, 0)[0] = -0.5f;
        image.GetRow(1, 0)[0] = 1.75f;
        image.GetRow(2, 0)[0] = 1f;
        return image;
    }

    public static DeliverableRequest Request(string folder, int width, int height, params (string Name, string Value)[] options)
        => new()
        {
            Output = new DirectoryOutputTarget(folder),
            FileName = "shot010.jpg",
            Options = new ParameterValues(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value))),
            Width = width,
            Height = height,
            Frames = new FrameRange(1001, 1010),
            FrameRate = FrameRate.Fps24,
            ColourEncoding = "sRGB",
        };

    /// <summary>Writes one frame through the deliverable and returns the file's path.</summary>
    public static string Write(string folder, PlanarImage image, params (string Name, string Value)[] options)
        => Write(Request(folder, image.Width, image.Height, options), image);

    public static string Write(DeliverableRequest request, PlanarImage image, long frame = 1001)
    {
        using var writer = new StillsDeliverableType().CreateWriter(request);
        writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
        var written = writer.Complete();
        return Path.Combine(request.Output.Directory, written[0].RelativePath);
    }

    /// <summary>The integer code the writer must store for a sample: clamp to 0..1 (NaN to 0), scale and round half up, in single precision.</summary>
    public static int Expected(float value, int max) => (int)MathF.Floor((Math.Clamp(float.IsNaN(value) ? 0f : value, 0f, 1f) * max) + 0.5f);

    /// <summary>Decodes with <c>oiiotool --dumpdata</c>, the independent reader.</summary>
    public static DecodedStill Decode(string path)
    {
        var output = ReferenceTool.Run("oiiotool", ["--dumpdata", path]).EnsureSuccess("oiiotool --dumpdata").StandardOutput;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = HeaderLine().Match(lines[0]);
        Assert.True(header.Success, $"Unexpected oiiotool header: {lines[0]}");
        int width = Parse(header.Groups[1].Value), height = Parse(header.Groups[2].Value), channels = Parse(header.Groups[3].Value);
        var codes = new int[width * height * channels];
        var count = 0;
        foreach (var line in lines.Skip(1))
        {
            var pixel = PixelLine().Match(line);
            if (!pixel.Success)
            {
                continue;
            }

            int x = Parse(pixel.Groups[1].Value), y = Parse(pixel.Groups[2].Value);
            var values = pixel.Groups[3].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var c = 0; c < channels; c++)
            {
                codes[(((y * width) + x) * channels) + c] = Parse(values[c]);
            }

            count++;
        }

        Assert.Equal(width * height, count);
        return new DecodedStill(width, height, channels, header.Groups[4].Value, codes);
    }

    public static int Parse(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    [GeneratedRegex(@":\s+(\d+) x\s+(\d+), (\d+) channel, (\w+) \w+")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"Pixel \((\d+), (\d+)\): ([\d ]+) \(")]
    private static partial Regex PixelLine();
}
