using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Time;
using Rushes.Plugins.OpenExr.CameraFormat;
using Rushes.Plugins.OpenExr.Deliverable;

namespace Rushes.Host.Render.Tests;

/// <summary>
/// Source clips for the render tests: numbered float OpenEXR sequences in ACES2065-1 (AP0 chromaticities),
/// written by the openexr plugin's own writer, with pixels every test can recompute.
/// </summary>
public static class ExrFixture
{
    /// <summary>The scene-linear ACES value of a pixel: ramps across and down, a per-frame offset in blue, some values above 1 and below 0.</summary>
    public static (float R, float G, float B) Pixel(int x, int y, long frame, int width, int height)
        => ((float)(-0.05 + (2.5 * x / (width - 1))), (float)(0.01 + (0.9 * y / (height - 1))), (float)(0.18 + (0.01 * frame)));

    /// <summary>Writes frames <paramref name="first"/>..<paramref name="last"/> as <c>NAME.####.exr</c> in <paramref name="folder"/>; returns the first file.</summary>
    public static string WriteSequence(string folder, string name, int width, int height, long first, long last)
    {
        Directory.CreateDirectory(folder);
        var type = new OpenExrDeliverableType();
        var request = new DeliverableRequest
        {
            Output = new DirectoryOutputTarget(folder),
            FileName = name + ".exr",
            Options = new ParameterValues(new Dictionary<string, string> { ["compression"] = "zip", ["pixel-type"] = "float" }),
            Width = width,
            Height = height,
            Frames = new FrameRange(first, last),
            FrameRate = FrameRate.Fps24,
            StartTimecode = Timecode.FromParts(1, 0, 0, 0, FrameRate.Fps24),
            ColourEncoding = "ACES2065-1",
        };
        using var writer = type.CreateWriter(request);
        for (var frame = first; frame <= last; frame++)
        {
            using var image = new PlanarImage(width, height);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (r, g, b) = Pixel(x, y, frame, width, height);
                    image.GetRow(0, y)[x] = r;
                    image.GetRow(1, y)[x] = g;
                    image.GetRow(2, y)[x] = b;
                }
            }

            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame, FileName = $"{name}.{frame:D4}.exr" });
        }

        writer.Complete();
        return Path.Combine(folder, $"{name}.{first:D4}.exr");
    }

    /// <summary>Reads one EXR file back through the openexr camera format; dispose the image.</summary>
    public static (PlanarImage Image, string Encoding) Read(string file)
    {
        var location = new ClipLocation { Name = Path.GetFileNameWithoutExtension(file), Path = file, Layout = ClipLayout.SingleFile, MediaFiles = [file] };
        using var reader = new OpenExrCameraFormat().Open(location);
        var decoded = reader.Decode(reader.Info.Frames.First, DecodeRequest.Default);
        return ((PlanarImage)decoded.Image, decoded.ColourEncoding);
    }
}
