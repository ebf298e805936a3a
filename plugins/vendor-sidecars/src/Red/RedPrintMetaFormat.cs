using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Red;

/// <summary>
/// RED REDline <c>--printMeta 3</c> (clip metadata, one row) and <c>--printMeta 5</c> (one row per frame) CSVs,
/// recognised by their header lines ("Clip Name,…,Camera PIN" and "FrameNo,Timecode,…").
/// </summary>
public sealed class RedPrintMetaFormat : VendorCameraFormat
{
    /// <inheritdoc />
    public override string Id => "red-printmeta";

    /// <inheritdoc />
    public override string DisplayName => "RED REDline --printMeta CSVs (metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["csv"];

    internal override string SourceName => "REDline --printMeta CSV";

    internal override IReadOnlyList<string> MediaExtensions { get; } = ["r3d"];

    internal override FileRole Classify(ReadOnlySpan<byte> header)
    {
        var columns = SourceFile.FirstLine(header).Split(',');
        if (columns.Length >= 2 && columns[0] == "Clip Name" && columns.Contains("Camera PIN"))
        {
            return FileRole.Clip;
        }

        return columns.Length >= 3 && columns[0] == "FrameNo" && columns[1] == "Timecode" && columns.Contains("Focus Distance") ? FileRole.Frames : FileRole.None;
    }

    internal override VendorClip Read(string clipFile, string? framesFile, string? mediaFile) => RedPrintMetaReader.Read(clipFile, framesFile);
}
