using System.Globalization;
using System.Text;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.OpenExr.Format;
using Rushes.Plugins.OpenExr.IO;
using Rushes.Testing;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>Comparisons and dumps shared by the tests.</summary>
internal static class ExrAssert
{
    /// <summary>Every sample of every channel equals the source as the pixel type stores it (half-exact, or float-exact).</summary>
    public static void SamePixels(PlanarImage source, ExrImage actual, ExrPixelType type, bool alpha)
    {
        Assert.Equal((source.Width, source.Height), (actual.Width, actual.Height));
        var names = alpha ? "RGBA" : "RGB";
        for (var c = 0; c < names.Length; c++)
        {
            var plane = actual.Plane(names[c].ToString(CultureInfo.InvariantCulture)) ?? throw new InvalidOperationException($"No channel {names[c]}.");
            var expected = c < source.Channels ? source.GetPlane(c) : Enumerable.Repeat(1f, plane.Length).ToArray();
            for (var i = 0; i < plane.Length; i++)
            {
                var want = type == ExrPixelType.Half ? TestFrames.ToHalf(expected[i]) : expected[i];
                if (BitConverter.SingleToInt32Bits(want) != BitConverter.SingleToInt32Bits(plane[i]))
                {
                    Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(actual.File)}: channel {names[c]} pixel ({i % source.Width}, {i / source.Width}) is {plane[i]:R}, expected {want:R}."));
                }
            }
        }
    }

    /// <summary>The header as text, one attribute a line, in file order.</summary>
    public static string Dump(ExrHeader header)
    {
        var text = new StringBuilder();
        foreach (var attribute in header.Attributes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{attribute.Name} ({attribute.TypeName}): {attribute.Describe()}");
        }

        return text.ToString();
    }

    public static ToolResult Tool(string tool, params string[] args) => ReferenceTool.Run(tool, args).EnsureSuccess($"{tool} {string.Join(' ', args)}");
}
