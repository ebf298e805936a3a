using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rushes.Plugins.Dpx.Format;
using Rushes.Plugins.Dpx.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>One pixel as <c>oiiotool --dumpdata</c> prints it: the 16-bit integer values and the floats.</summary>
internal sealed record DumpedPixel(int X, int Y, int[] Codes, float[] Values);

/// <summary>Dumps, reference-tool runs and parsing shared by the tests.</summary>
internal static partial class DpxAssert
{
    public static ToolResult Tool(string tool, params string[] args) => ReferenceTool.Run(tool, args).EnsureSuccess($"{tool} {string.Join(' ', args)}");

    /// <summary>Every pixel of a file as OpenImageIO decodes it (<c>--dumpdata:empty=1</c> keeps black pixels).</summary>
    public static List<DumpedPixel> Dump(string path)
    {
        var text = Tool("oiiotool", "--dumpdata:empty=1", path).StandardOutput;
        var pixels = new List<DumpedPixel>();
        foreach (Match m in PixelLine().Matches(text))
        {
            pixels.Add(new DumpedPixel(
                int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                [.. m.Groups[3].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))],
                [.. m.Groups[4].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => float.Parse(v, CultureInfo.InvariantCulture))]));
        }

        return pixels;
    }

    /// <summary>The header as text, one field a line, in file order; undefined numbers show as "undefined".</summary>
    public static string Describe(DpxHeader h)
    {
        var e = h.Element;
        var text = new StringBuilder();
        void Line(string name, object? value) => text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {Show(value)}");
        Line("byte order", h.BigEndian ? "big-endian (SDPX)" : "little-endian (XPDS)");
        Line("image offset", h.ImageOffset);
        Line("version", h.Version);
        Line("file size", h.FileSize);
        Line("ditto key", h.DittoKey);
        Line("generic header size", h.GenericHeaderSize);
        Line("industry header size", h.IndustryHeaderSize);
        Line("user data size", h.UserDataSize);
        Line("file name", h.FileName);
        Line("creation time", h.CreationTime);
        Line("creator", h.Creator);
        Line("project", h.Project);
        Line("copyright", h.Copyright);
        Line("encryption key", h.EncryptionKey);
        Line("orientation", h.Orientation);
        Line("elements", h.ElementCount);
        Line("pixels per line", h.Width);
        Line("lines per element", h.Height);
        Line("data sign", e.DataSign);
        Line("reference low data", e.ReferenceLowData);
        Line("reference low quantity", e.ReferenceLowQuantity);
        Line("reference high data", e.ReferenceHighData);
        Line("reference high quantity", e.ReferenceHighQuantity);
        Line("descriptor", e.Descriptor);
        Line("transfer", $"{(byte)e.Transfer} ({DpxCharacteristics.OptionName(e.Transfer)})");
        Line("colorimetric", $"{(byte)e.Colorimetric} ({DpxCharacteristics.OptionName(e.Colorimetric)})");
        Line("bit depth", e.BitDepth);
        Line("packing", e.Packing);
        Line("encoding", e.Encoding);
        Line("data offset", e.DataOffset);
        Line("end-of-line padding", e.EndOfLinePadding);
        Line("end-of-image padding", e.EndOfImagePadding);
        Line("description", e.Description);
        Line("x/y offset", $"{Show(h.XOffset)} {Show(h.YOffset)}");
        Line("x/y center", $"{Show(h.XCenter)} {Show(h.YCenter)}");
        Line("x/y original size", $"{Show(h.XOriginalSize)} {Show(h.YOriginalSize)}");
        Line("source file name", h.SourceFileName);
        Line("source time", h.SourceTime);
        Line("input device", h.InputDevice);
        Line("input device serial", h.InputDeviceSerial);
        Line("pixel aspect ratio", $"{Show(h.AspectHorizontal)}:{Show(h.AspectVertical)}");
        Line("film format", h.FilmFormat);
        Line("frame position", h.FramePosition);
        Line("sequence length", h.SequenceLength);
        Line("held count", h.HeldCount);
        Line("film frame rate", h.FilmFrameRate);
        Line("shutter angle", h.ShutterAngle);
        Line("frame id", h.FrameId);
        Line("slate info", h.SlateInfo);
        Line("time code", h.TimeCode is { } tc ? string.Create(CultureInfo.InvariantCulture, $"0x{tc:x8} ({SmpteTimecode.Describe(tc)})") : null);
        Line("user bits", h.UserBits);
        Line("interlace", h.Interlace);
        Line("field number", h.FieldNumber);
        Line("video signal", h.VideoSignal);
        Line("horizontal sample rate", h.HorizontalSampleRate);
        Line("vertical sample rate", h.VerticalSampleRate);
        Line("temporal sample rate", h.TemporalSampleRate);
        Line("gamma", h.Gamma);
        Line("black level", h.BlackLevel);
        Line("white level", h.WhiteLevel);
        return text.ToString();
    }

    private static string Show(object? value) => value switch
    {
        null => "undefined",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"Pixel \((\d+), (\d+)\): ([\d ]+) \(([-\d.e ]+)\)")]
    private static partial Regex PixelLine();
}
