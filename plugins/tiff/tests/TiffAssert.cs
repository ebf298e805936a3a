using System.Globalization;
using System.Text.RegularExpressions;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Tiff.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Tiff.Tests;

/// <summary>Reference-tool runs and pixel comparisons shared by the tests.</summary>
internal static partial class TiffAssert
{
    public static ToolResult Tool(string tool, params string[] args) => ReferenceTool.Run(tool, args).EnsureSuccess($"{tool} {string.Join(' ', args)}");

    /// <summary>The integer codes of every pixel of a 16-bit file as OpenImageIO decodes it, by (x, y).</summary>
    public static Dictionary<(int X, int Y), int[]> Codes(string path)
    {
        var text = Tool("oiiotool", "--dumpdata:empty=1", path).StandardOutput;
        return PixelLine().Matches(text).ToDictionary(
            m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)),
            m => m.Groups[3].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Every sample equals the source as the sample type stores it: the 16-bit code, or the float bit for bit.</summary>
    public static void SamePixels(PlanarImage source, PlanarImage actual, bool floats)
    {
        Assert.Equal((source.Width, source.Height), (actual.Width, actual.Height));
        for (var c = 0; c < 3; c++)
        {
            var expected = source.GetPlane(c);
            var plane = actual.GetPlane(c);
            for (var i = 0; i < plane.Length; i++)
            {
                var want = floats ? expected[i] : TestFrames.Code(expected[i]) / 65535f;
                if (BitConverter.SingleToInt32Bits(want) != BitConverter.SingleToInt32Bits(plane[i]))
                {
                    Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"channel {"RGB"[c]} pixel ({i % source.Width}, {i / source.Width}) is {plane[i]:R}, expected {want:R}."));
                }
            }
        }
    }

    [GeneratedRegex(@"Pixel \((\d+), (\d+)\): ([\d ]+) \(")]
    private static partial Regex PixelLine();
}
