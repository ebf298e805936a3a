using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Stills;

/// <summary>Refuses a frame holding NaN or infinite samples, naming the first one in reading order.</summary>
internal static class NonFiniteScan
{
    private static readonly string[] ChannelNames = ["R", "G", "B", "A"];

    public static void Reject(PlanarImage image, long frameNumber)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var c = 0; c < 3; c++)
            {
                var row = image.GetRow(c, y);
                if (FirstNonFinite(row) is var x && x >= 0)
                {
                    throw new InputException(
                        string.Create(CultureInfo.InvariantCulture, $"Frame {frameNumber}: pixel ({x}, {y}) channel {ChannelNames[c]} is {row[x]}, which a still cannot show (display-referred samples must be finite)."),
                        field: "pixels", expected: "finite samples, or non-finite=clamp");
                }
            }
        }
    }

    private static int FirstNonFinite(ReadOnlySpan<float> row)
    {
        // x - x is 0 for every finite x and NaN for NaN and ±infinity: one vector compare tests a whole run.
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(row);
        for (var v = 0; v < vectors.Length; v++)
        {
            if (!Vector.EqualsAll(vectors[v] - vectors[v], Vector<float>.Zero))
            {
                return Scalar(row, v * Vector<float>.Count);
            }
        }

        return Scalar(row, vectors.Length * Vector<float>.Count);
    }

    private static int Scalar(ReadOnlySpan<float> row, int from)
    {
        for (var x = from; x < row.Length; x++)
        {
            if (!float.IsFinite(row[x]))
            {
                return x;
            }
        }

        return -1;
    }
}
