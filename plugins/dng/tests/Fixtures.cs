using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>Known images and metadata for the test DNGs, and a temporary folder per test class.</summary>
internal static class Fixtures
{
    /// <summary>A deterministic mosaic of <paramref name="bits"/>-bit values: smooth ramps plus a hash, so every layout error shows.</summary>
    public static ushort[] Samples(int width, int height, int bits, int samplesPerPixel = 1, int seed = 1, int minimum = 0)
    {
        var max = (1 << bits) - 1;
        var samples = new ushort[width * height * samplesPerPixel];
        for (var i = 0; i < samples.Length; i++)
        {
            var pixel = i / samplesPerPixel;
            var x = pixel % width;
            var y = pixel / width;
            var ramp = ((x * 37) + (y * 11) + ((i % samplesPerPixel) * 5000)) % (max + 1);
            var hash = (int)((uint)((i + seed) * 2654435761u) >> 20) % 97;
            samples[i] = (ushort)Math.Clamp(Math.Max(minimum, (ramp + hash) % (max + 1)), 0, max);
        }

        return samples;
    }

    /// <summary>A Bayer DNG with every normalized field set, as a CinemaDNG camera writes it.</summary>
    public static DngFile Camera(int width = 32, int height = 24, int bits = 16, DngCompression compression = DngCompression.Uncompressed, ushort[]? samples = null)
        => new()
        {
            Width = width,
            Height = height,
            BitsPerSample = bits,
            Compression = compression,
            Samples = samples ?? Samples(width, height, bits),
            BlackLevel = [bits == 16 ? 4096 : 64],
            WhiteLevel = [(uint)((1 << bits) - 1)],
            Make = "Rushes",
            Model = "Test Camera",
            CameraSerialNumber = "RC-0042",
            Software = "Rushes TestKit",
            ColorMatrix1 = [0.6722, -0.0635, -0.0963, -0.4287, 1.2460, 0.2028, -0.0908, 0.2162, 0.5668],
            ColorMatrix2 = [0.8, -0.1, -0.05, -0.35, 1.2, 0.15, -0.05, 0.25, 0.6],
            CalibrationIlluminant1 = 21,
            CalibrationIlluminant2 = 17,
            AsShotNeutral = [0.5, 1, 0.75],
            BaselineExposure = 0.5,
            Iso = 800,
            ExposureTime = (1, 48),
            FNumber = (28, 10),
            FocalLength = (35, 1),
            LensMake = "Rushes Optics",
            LensModel = "Prime 35mm T2.9",
            LensSerialNumber = "L-77",
            TimeCode = (10, 0, 0, 0, false),
            FrameRate = (24, 1),
            TStop = (29, 10),
            ReelName = "A001",
            CameraLabel = "A",
            Xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>",
        };
}

/// <summary>A temporary folder removed when the test class is done.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rushes-dng-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, DngFile dng)
    {
        var path = File(name);
        DngWriter.Write(dng, path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            // RUSHES_KEEP_DNG=1 keeps the fixtures, to run the reference tools on them by hand.
            if (Environment.GetEnvironmentVariable("RUSHES_KEEP_DNG") is null)
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
