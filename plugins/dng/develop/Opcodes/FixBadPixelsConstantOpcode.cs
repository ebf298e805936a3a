using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// FixBadPixelsConstant (opcode 4): photosites whose stored value equals Constant are dead; each is replaced by
/// the mean of its nearest same-colour photosites that are not dead — for green the four diagonal neighbours,
/// for red and blue the four two sites away along the axes; if all of those are dead, the next ring (green two
/// along the axes, red and blue two along the diagonals). BayerPhase gives the filter phase: 0 red at the top
/// left, 1 green then red, 2 green then blue, 3 blue at the top left. Applies to a mosaic only.
/// </summary>
public sealed class FixBadPixelsConstantOpcode : DngOpcode
{
    internal FixBadPixelsConstantOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        if (reader.Remaining != 8)
        {
            throw reader.Error($"FixBadPixelsConstant has {reader.Remaining} parameter bytes.", "8 bytes: Constant and BayerPhase");
        }

        Constant = reader.UInt32();
        var phase = reader.UInt32();
        if (phase > 3)
        {
            throw reader.Error($"FixBadPixelsConstant has BayerPhase {phase}.", "0 to 3");
        }

        BayerPhase = (int)phase;
    }

    /// <summary>The value that marks a dead photosite, on the 16-bit integer scale the DNG SDK processes raw data in.</summary>
    public uint Constant { get; }

    /// <summary>0 red at the top left, 1 green-red, 2 green-blue, 3 blue.</summary>
    public int BayerPhase { get; }

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        if (image.Planes != 1)
        {
            throw new InputException("FixBadPixelsConstant applies to a Bayer mosaic, not to an RGB image (it belongs in OpcodeList1 or 2).", file: null, field: "FixBadPixelsConstant", expected: "a one-plane mosaic");
        }

        int width = image.Width, height = image.Height;
        var samples = image.Plane(0);
        var bad = new bool[width * height];
        var toStored = OpcodeValues.IntegerScale(sampleScale);
        for (var i = 0; i < samples.Length; i++)
        {
            bad[i] = Math.Abs((samples[i] * toStored) - Constant) < 0.5;
        }

        BadPixels.Repair(samples, bad, width, height, BayerPhase);
    }
}

/// <summary>The repair shared by FixBadPixelsConstant and FixBadPixelsList.</summary>
internal static class BadPixels
{
    private static readonly (int Dx, int Dy)[] GreenNear = [(-1, -1), (1, -1), (-1, 1), (1, 1)];
    private static readonly (int Dx, int Dy)[] GreenFar = [(0, -2), (-2, 0), (2, 0), (0, 2)];
    private static readonly (int Dx, int Dy)[] ChromaNear = GreenFar;
    private static readonly (int Dx, int Dy)[] ChromaFar = [(-2, -2), (2, -2), (-2, 2), (2, 2)];

    /// <summary>Replaces each photosite marked bad by the mean of its nearest unmarked same-colour neighbours.</summary>
    public static void Repair(Span<float> samples, bool[] bad, int width, int height, int bayerPhase)
    {
        // Red sits at (redX, redY) of each 2×2 tile; green where x + y differs in parity from red's.
        int redX = bayerPhase & 1, redY = bayerPhase >> 1;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (!bad[(y * width) + x])
                {
                    continue;
                }

                var green = ((x ^ y ^ redX ^ redY) & 1) == 1;
                if (!TryMean(samples, bad, width, height, x, y, green ? GreenNear : ChromaNear, out var mean))
                {
                    TryMean(samples, bad, width, height, x, y, green ? GreenFar : ChromaFar, out mean);
                }

                if (!float.IsNaN(mean))
                {
                    samples[(y * width) + x] = mean;
                }
            }
        }
    }

    private static bool TryMean(Span<float> samples, bool[] bad, int width, int height, int x, int y, (int Dx, int Dy)[] ring, out float mean)
    {
        float sum = 0;
        var count = 0;
        foreach (var (dx, dy) in ring)
        {
            int nx = x + dx, ny = y + dy;
            if (nx >= 0 && nx < width && ny >= 0 && ny < height && !bad[(ny * width) + nx])
            {
                sum += samples[(ny * width) + nx];
                count++;
            }
        }

        mean = count > 0 ? sum / count : float.NaN;
        return count > 0;
    }
}
