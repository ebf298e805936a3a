using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.R3d;

/// <summary>
/// RED R3D: the camera metadata of the RED1/RED2 header, read without decoding (REDCODE needs the R3D SDK).
/// Recognised by content: a big-endian block size, then "RED1" or "RED2" at offset 4 (exiftool Red.pm).
/// A clip's spanned files (A001_C066_0303LZ_001.R3D, _002…) group into one clip; the first file's header is read.
/// </summary>
public sealed partial class R3dFormat : MediaHeaderFormat
{
    /// <inheritdoc />
    public override string Id => "r3d-header";

    /// <inheritdoc />
    public override string DisplayName => "RED R3D header (metadata only)";

    /// <inheritdoc />
    public override IReadOnlyList<string> FileExtensions { get; } = ["r3d"];

    /// <inheritdoc />
    public override int HeaderSize => 8;

    internal override string SourceName => "R3D";

    internal override int FirstSpanIndex => 1;

    internal override bool HasMagic(ReadOnlySpan<byte> header)
        => header.Length >= 8 && (header[4..8].SequenceEqual("RED1"u8) || header[4..8].SequenceEqual("RED2"u8)) && BinaryPrimitives.ReadUInt32BigEndian(header) >= 8;

    internal override (string Stem, int Index) SpanOf(string path)
    {
        var name = Path.GetFileName(path);
        var match = Span().Match(name);
        return match.Success
            ? (name[..match.Index], int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (Path.GetFileNameWithoutExtension(name), 0);
    }

    internal override VendorClip Read(IReadOnlyList<string> files, CancellationToken cancellationToken) => R3dReader.Read(files);

    [GeneratedRegex(@"_(\d{3})\.[Rr]3[Dd]$")]
    private static partial Regex Span();
}
