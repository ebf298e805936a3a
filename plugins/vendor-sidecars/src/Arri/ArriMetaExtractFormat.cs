using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Arri;

/// <summary>
/// ARRI Meta Extract (AME) CSV: tab-separated, one row per frame, recognised by its header line
/// (first column "Index", then "Master TC"). AME names the CSV after its source: "B001C001_180327_R1ZA.mov.csv".
/// </summary>
public sealed class ArriMetaExtractFormat : VendorCameraFormat
{
    /// <inheritdoc />
    public override string Id => "arri-meta-extract";

    /// <inheritdoc />
    public override string DisplayName => "ARRI Meta Extract CSV (metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["csv"];

    internal override string SourceName => "ARRI Meta Extract CSV";

    internal override IReadOnlyList<string> MediaExtensions { get; } = ["mov", "mxf", "ari", "arx"];

    internal override FileRole Classify(ReadOnlySpan<byte> header)
    {
        var columns = SourceFile.FirstLine(header).Split('\t');
        return columns.Length >= 2 && columns[0] == "Index" && columns.Contains("Master TC") ? FileRole.Clip : FileRole.None;
    }

    internal override VendorClip Read(string clipFile, string? framesFile, string? mediaFile) => ArriMetaExtractReader.Read(clipFile, mediaFile);
}
