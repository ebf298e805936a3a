using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Canon;

/// <summary>
/// Canon's camera metadata CSVs: the clip file ("SceneNumber,TakeNumber,ShotNumber,ReelNumber,LensSqueezeFactor,UMID,…")
/// and the per-frame file ("Timecode,…,Record_Date_Year,…,FocusPosition,…"), recognised by their header lines.
/// </summary>
public sealed class CanonCsvFormat : VendorCameraFormat
{
    /// <inheritdoc />
    public override string Id => "canon-csv";

    /// <inheritdoc />
    public override string DisplayName => "Canon camera metadata CSVs (metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["csv"];

    internal override string SourceName => "Canon metadata CSV";

    internal override IReadOnlyList<string> MediaExtensions { get; } = ["crm", "mxf", "mp4"];

    internal override FileRole Classify(ReadOnlySpan<byte> header)
    {
        var columns = SourceFile.FirstLine(header).Split(',');
        if (columns.Length >= 2 && columns[0] == "SceneNumber" && columns.Contains("UMID") && columns.Contains("LensSqueezeFactor"))
        {
            return FileRole.Clip;
        }

        return columns.Length >= 2 && columns[0] == "Timecode" && columns.Contains("Record_Date_Year") && columns.Contains("FocusPosition") ? FileRole.Frames : FileRole.None;
    }

    internal override VendorClip Read(string clipFile, string? framesFile, string? mediaFile) => CanonCsvReader.Read(clipFile, framesFile);
}
