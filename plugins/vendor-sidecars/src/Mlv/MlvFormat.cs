using System.Text.RegularExpressions;
using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Mlv;

/// <summary>
/// Magic Lantern Video: the header blocks of an MLV recording (.MLV, spanned over .M00, .M01…), read without decoding
/// a frame. Recognised by the file header: 'MLVI', a header size of at least 52 and the version "v2" (as FFmpeg's probe).
/// </summary>
public sealed partial class MlvFormat : MediaHeaderFormat
{
    /// <inheritdoc />
    public override string Id => "mlv-header";

    /// <inheritdoc />
    public override string DisplayName => "Magic Lantern MLV header blocks (metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["mlv", "m00", "m01", "m02"];

    /// <inheritdoc />
    public override int HeaderSize => MlvBlockReader.FileHeaderSize;

    internal override string SourceName => "MLV";

    internal override bool HasMagic(ReadOnlySpan<byte> header)
        => header.Length >= 16 && header.StartsWith("MLVI"u8) && Common.BinarySource.U32Le(header, 4) >= MlvBlockReader.FileHeaderSize && header[8..].StartsWith("v2."u8);

    /// <summary>"M22-1047.MLV" is chunk 0; "M22-1047.M00" chunk 1, "M22-1047.M01" chunk 2 (MLV App, FFmpeg's mlvdec).</summary>
    internal override (string Stem, int Index) SpanOf(string path)
    {
        var name = Path.GetFileName(path);
        var match = Chunk().Match(name);
        return match.Success ? (name[..^4], int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1) : (Path.GetFileNameWithoutExtension(name), 0);
    }

    internal override VendorClip Read(IReadOnlyList<string> files, CancellationToken cancellationToken) => MlvReader.Read(files, cancellationToken);

    [GeneratedRegex(@"\.[Mm](\d\d)$")]
    private static partial Regex Chunk();
}
