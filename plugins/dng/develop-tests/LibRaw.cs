using System.Globalization;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Dng.TestKit;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Develop.Tests;

/// <summary>Writes a scene's mosaic as a 16-bit DNG and develops it with LibRaw's dcraw_emu, the independent reference.</summary>
internal static class LibRaw
{
    /// <summary>The scene sampled by the filter array and quantized to 16 bits, as the DNG stores it.</summary>
    public static ushort[] Quantize(RgbImage scene, CfaPattern pattern)
    {
        var samples = new ushort[scene.Width * scene.Height];
        for (var y = 0; y < scene.Height; y++)
        {
            for (var x = 0; x < scene.Width; x++)
            {
                var v = scene[(int)pattern.ColourAt(x, y), x, y];
                samples[(y * scene.Width) + x] = (ushort)Math.Clamp(Math.Round(v * 65535.0), 0, 65535);
            }
        }

        return samples;
    }

    /// <summary>The mosaic our decoder hands to the demosaic: the stored values over the white level (black is 0).</summary>
    public static CfaImage Mosaic(ushort[] samples, int width, int height, CfaPattern pattern)
    {
        var mosaic = new CfaImage(width, height, pattern, 16);
        var to = mosaic.Samples;
        for (var i = 0; i < samples.Length; i++)
        {
            to[i] = samples[i] / 65535f;
        }

        return mosaic;
    }

    public static string WriteDng(string folder, string name, ushort[] samples, int width, int height, CfaPattern pattern)
    {
        var path = Path.Combine(folder, name + ".dng");
        DngWriter.Write(new DngFile { Width = width, Height = height, Samples = samples, CfaPattern = pattern.ToString() }, path);
        return path;
    }

    /// <summary>Runs dcraw_emu with the given options (output to a 16-bit PPM) and returns linear RGB over 65535.</summary>
    public static RgbImage Run(string dng, string name, params string[] options)
    {
        var output = Path.ChangeExtension(dng, $".{name}.ppm");
        ReferenceTool.Run("dcraw_emu", [.. options, "-Z", output, dng]).EnsureSuccess($"dcraw_emu {string.Join(' ', options)} {dng}");
        return ReadPpm16(File.ReadAllBytes(output));
    }

    /// <summary>
    /// Runs <c>dcraw_emu -q quality</c> with everything else neutral: linear 16-bit (-4), camera RGB (-o 0),
    /// unit white balance (-r 1 1 1 1), no maximum adjustment (-c 0), no flip (-t 0); returns linear RGB over 65535.
    /// </summary>
    public static RgbImage Develop(string dng, int quality)
    {
        var output = Path.ChangeExtension(dng, $".q{quality}.ppm");
        ReferenceTool.Run("dcraw_emu", ["-4", "-o", "0", "-r", "1", "1", "1", "1", "-c", "0", "-t", "0", "-q", quality.ToString(CultureInfo.InvariantCulture), "-Z", output, dng])
            .EnsureSuccess($"dcraw_emu -q {quality} {dng}");
        return ReadPpm16(File.ReadAllBytes(output));
    }

    /// <summary>Reads a binary 16-bit PPM (P6, maxval 65535, big-endian samples) into planar linear RGB.</summary>
    private static RgbImage ReadPpm16(byte[] bytes)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
        }

        if (Token() != "P6")
        {
            throw new InvalidDataException("dcraw_emu did not write a binary PPM.");
        }

        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        var max = int.Parse(Token(), CultureInfo.InvariantCulture);
        position++; // the single whitespace before the samples
        if (max != 65535)
        {
            throw new InvalidDataException($"Expected a 16-bit PPM, got maxval {max}.");
        }

        var planes = new float[3 * width * height];
        for (var i = 0; i < width * height; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                var at = position + (((i * 3) + c) * 2);
                planes[(c * width * height) + i] = ((bytes[at] << 8) | bytes[at + 1]) / 65535f;
            }
        }

        return new RgbImage(width, height, planes);
    }
}
