using System.Globalization;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Operations;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Demo;

/// <summary>What the demo card holds.</summary>
public sealed record DemoCardOptions
{
    public int Width { get; init; } = 2048;

    public int Height { get; init; } = 1080;

    public int Frames { get; init; } = 24;

    /// <summary>Lossless JPEG tiles, as cinema cameras record CinemaDNG.</summary>
    public DngCompression Compression { get; init; } = DngCompression.LosslessJpeg;
}

/// <summary>
/// Makes the sample camera card of <c>rushes demo</c>: one CinemaDNG clip of a test chart, with
/// real camera metadata (reel, timecode, frame rate, lens, exposure), sealed with an ASC MHL
/// generation as a card arrives from set. The same options give the same bytes.
/// </summary>
public static class DemoCard
{
    public const string ClipName = "A001C001_261206_R1DM";

    // IEC 61966-2-1: linear sRGB (Rec.709 primaries, D65) to CIE XYZ.
    private static readonly double[,] Rec709ToXyz =
    {
        { 0.4124, 0.3576, 0.1805 },
        { 0.2126, 0.7152, 0.0722 },
        { 0.0193, 0.1192, 0.9505 },
    };

    private const int Black = 256;
    private const int White = 4095;

    /// <summary>Writes the card under <paramref name="root"/> and returns the clip's folder.</summary>
    public static string Create(string root, DemoCardOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DemoCardOptions();
        var template = new DngFile { Width = 2, Height = 2 };
        var colorMatrix = template.ColorMatrix1!;
        var neutral = Camera(colorMatrix, 0.9505, 1.0, 1.089);
        // Diffuse white lands at a quarter of the sensor's range, leaving two stops for highlights.
        var exposure = 0.25 / Math.Max(neutral.R, Math.Max(neutral.G, neutral.B));

        var clip = Path.Combine(root, ClipName);
        Directory.CreateDirectory(clip);
        var still = StillMosaic(options, colorMatrix, exposure);
        Parallel.For(0, options.Frames, new ParallelOptions { CancellationToken = cancellationToken }, frame =>
        {
            var dng = Frame(options, frame, still, colorMatrix, exposure, neutral);
            DngWriter.Write(dng, Path.Combine(clip, $"{ClipName}_{frame:000000}.dng"));
        });

        new MhlService().Create(root, new MhlCreateOptions
        {
            Authors = [new Author("rushes demo", Role: "Data Manager")],
            Location = "Rushes sample card",
            Comment = "Offload of the rushes demo card",
        }, cancellationToken: cancellationToken);
        return clip;
    }

    // The still chart, as sensor levels (0..1 of the range above black) per photosite, rendered once.
    private static float[] StillMosaic(DemoCardOptions options, double[] colorMatrix, double exposure)
    {
        var levels = new float[options.Width * options.Height];
        Parallel.For(0, options.Height, y =>
        {
            for (var x = 0; x < options.Width; x++)
            {
                var sum = 0.0;
                for (var s = 0; s < 4; s++)
                {
                    var u = (x + 0.25 + (0.5 * (s & 1))) / options.Width;
                    var v = (y + 0.25 + (0.5 * (s >> 1))) / options.Height;
                    sum += Photosite(x, y, TestChart.Sample(u, v), colorMatrix);
                }

                levels[(y * options.Width) + x] = (float)(sum / 4 * exposure);
            }
        });
        return levels;
    }

    // RGGB: the colour filter over this photosite picks one channel of the camera's response.
    private static double Photosite(int x, int y, (double R, double G, double B) scene, double[] colorMatrix)
    {
        var xyz = Xyz(scene.R, scene.G, scene.B);
        var camera = Camera(colorMatrix, xyz.X, xyz.Y, xyz.Z);
        return (y & 1) == 0 ? ((x & 1) == 0 ? camera.R : camera.G) : ((x & 1) == 0 ? camera.G : camera.B);
    }

    private static DngFile Frame(DemoCardOptions options, int frame, float[] still, double[] colorMatrix, double exposure, (double R, double G, double B) neutral)
    {
        var samples = new ushort[options.Width * options.Height];
        for (var y = 0; y < options.Height; y++)
        {
            for (var x = 0; x < options.Width; x++)
            {
                // The bar covers 0, 1 or 2 of the photosite's two sample columns.
                var cover = (TestChart.InBar((x + 0.25) / options.Width, frame, options.Frames) ? 0.5 : 0)
                    + (TestChart.InBar((x + 0.75) / options.Width, frame, options.Frames) ? 0.5 : 0);
                var level = still[(y * options.Width) + x];
                if (cover > 0)
                {
                    level = (float)(((1 - cover) * level) + (cover * Photosite(x, y, TestChart.Bar, colorMatrix) * exposure));
                }

                samples[(y * options.Width) + x] = (ushort)Math.Round(Black + (Math.Clamp(level, 0, 1) * (White - Black)));
            }
        }

        var timecode = DngWriter.AddFrames((1, 0, 0, 0, false), frame, 24);
        return new DngFile
        {
            Width = options.Width,
            Height = options.Height,
            Samples = samples,
            BitsPerSample = 12,
            Compression = options.Compression,
            TileWidth = options.Compression == DngCompression.LosslessJpeg ? 256 : 0,
            TileHeight = options.Compression == DngCompression.LosslessJpeg ? 256 : 0,
            BlackLevel = [Black],
            WhiteLevel = [White],
            AsShotNeutral = [neutral.R / neutral.G, 1, neutral.B / neutral.G],
            // The sensor holds diffuse white at a quarter of its range; two stops of baseline
            // exposure give the scene's own values back when developed (18 % grey at 0.18).
            BaselineExposure = 2,
            Make = "Rushes",
            Model = "Demo Camera",
            UniqueCameraModel = "Rushes Demo Camera",
            CameraSerialNumber = "RDC-0001",
            BodySerialNumber = "RDC-0001",
            Software = "rushes demo",
            DateTime = "2026:12:06 10:00:00",
            DateTimeOriginal = "2026:12:06 10:00:00",
            Iso = 800,
            ExposureTime = (1, 48),
            FNumber = (28, 10),
            TStop = (28, 10),
            FocalLength = (35, 1),
            LensMake = "Rushes",
            LensModel = "Demo Prime 35mm T2.8",
            LensSerialNumber = "DP35-0042",
            FrameRate = (24, 1),
            TimeCode = timecode,
            ReelName = "A001",
            CameraLabel = "A",
        };
    }

    private static (double X, double Y, double Z) Xyz(double r, double g, double b) => (
        (Rec709ToXyz[0, 0] * r) + (Rec709ToXyz[0, 1] * g) + (Rec709ToXyz[0, 2] * b),
        (Rec709ToXyz[1, 0] * r) + (Rec709ToXyz[1, 1] * g) + (Rec709ToXyz[1, 2] * b),
        (Rec709ToXyz[2, 0] * r) + (Rec709ToXyz[2, 1] * g) + (Rec709ToXyz[2, 2] * b));

    // DNG ColorMatrix1: XYZ (under its calibration illuminant, D65 here) to the camera's raw RGB.
    private static (double R, double G, double B) Camera(double[] m, double x, double y, double z) => (
        (m[0] * x) + (m[1] * y) + (m[2] * z),
        (m[3] * x) + (m[4] * y) + (m[5] * z),
        (m[6] * x) + (m[7] * y) + (m[8] * z));

    internal static string Describe(string clip) =>
        string.Create(CultureInfo.InvariantCulture, $"{Directory.GetFiles(clip, "*.dng").Length} CinemaDNG frames in {clip}");
}
