using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Bmd;

/// <summary>
/// The clip and per-frame metadata that the Blackmagic RAW SDK's ExtractMetadata sample prints: a "Clip Metadata"
/// section then "Frame N Metadata" sections of "key: value" lines, recognised by its first line.
/// </summary>
public sealed class BmdRawDumpFormat : VendorCameraFormat
{
    /// <inheritdoc />
    public override string Id => "bmd-raw-metadata";

    /// <inheritdoc />
    public override string DisplayName => "Blackmagic RAW SDK metadata dump (metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["txt"];

    internal override string SourceName => "Blackmagic RAW metadata dump";

    internal override IReadOnlyList<string> MediaExtensions { get; } = ["braw"];

    /// <summary>The sample tool prints a blank line before the heading, so leading blank lines are skipped.</summary>
    internal override FileRole Classify(ReadOnlySpan<byte> header)
    {
        var start = 0;
        while (start < header.Length && header[start] is (byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t')
        {
            start++;
        }

        return SourceFile.FirstLine(header[start..]).TrimEnd() == "Clip Metadata" ? FileRole.Clip : FileRole.None;
    }

    internal override VendorClip Read(string clipFile, string? framesFile, string? mediaFile) => BmdRawDumpReader.Read(clipFile, mediaFile);
}
