using System.Text;
using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Sony;

/// <summary>
/// Sony's non-real-time metadata XML (<c>&lt;clip&gt;M01.XML</c>, sidecar to an MXF) with the Venice per-frame lens CSV.
/// The XML is recognised by its root element <c>NonRealTimeMeta</c> in the professionalDisc namespace, the CSV
/// by its header line.
/// </summary>
public sealed class SonyNrtFormat : VendorCameraFormat
{
    /// <summary>Any version of the namespace (ver.2.10 in the Venice sample).</summary>
    internal const string NamespacePrefix = "urn:schemas-professionalDisc:nonRealTimeMeta:";

    /// <inheritdoc />
    public override string Id => "sony-nrt-xml";

    /// <inheritdoc />
    public override string DisplayName => "Sony NRT XML and Venice lens CSV (metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["xml", "csv"];

    internal override string SourceName => "Sony NRT XML";

    internal override IReadOnlyList<string> MediaExtensions { get; } = ["mxf", "mp4"];

    internal override FileRole Classify(ReadOnlySpan<byte> header)
    {
        // Bytes, not text: every file on a card passes through here, most of them binary media.
        var root = header.IndexOf("<NonRealTimeMeta"u8);
        if (root >= 0 && header[root..].IndexOf(Encoding.UTF8.GetBytes(NamespacePrefix)) > 0)
        {
            return FileRole.Clip;
        }

        var line = SourceFile.FirstLine(header).Replace("\"", string.Empty, StringComparison.Ordinal).Split(',');
        return line.Length >= 7 && line[0] == "Timecode" && line[1] == "Clip Name" && line.Contains("Aperture")
               && line.Any(c => c.StartsWith("Focus Distance (", StringComparison.Ordinal))
            ? FileRole.Frames
            : FileRole.None;
    }

    /// <summary>The XML is named after its clip with "M01" added ("D001C005_210716AGM01.XML").</summary>
    internal override string StemOf(string path, FileRole role)
    {
        if (role != FileRole.Clip)
        {
            return base.StemOf(path, role);
        }

        var name = Path.GetFileNameWithoutExtension(path);
        return name.Length > 3 && (name[^3] is 'M' or 'm') && char.IsAsciiDigit(name[^2]) && char.IsAsciiDigit(name[^1]) ? name[..^3] : name;
    }

    internal override VendorClip Read(string clipFile, string? framesFile, string? mediaFile)
        => SonyNrtReader.Read(clipFile, framesFile, mediaFile, StemOf(clipFile, FileRole.Clip));
}
