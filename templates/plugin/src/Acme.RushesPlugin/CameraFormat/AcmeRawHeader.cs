using System.Buffers.Binary;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Acme.RushesPlugin.CameraFormat;

/// <summary>
/// The fixed header of an ACME raw file, checked before anything is allocated:
/// <code>
/// offset  size  field
///      0     8  signature "ACMERAW1"
///      8     4  width, uint32 little-endian
///     12     4  height, uint32 little-endian
///     16     4  frame count, uint32 little-endian
///     20     4  frame rate numerator, uint32 little-endian
///     24     4  frame rate denominator, uint32 little-endian
///     28   ...  frames: width × height pixels of interleaved R, G, B uint16 little-endian samples
/// </code>
/// </summary>
internal sealed record AcmeRawHeader(int Width, int Height, int FrameCount, FrameRate FrameRate)
{
    /// <summary>Bytes before the first frame.</summary>
    public const int Size = 28;

    /// <summary>Samples per pixel.</summary>
    public const int Channels = 3;

    /// <summary>Bytes per sample.</summary>
    public const int BytesPerSample = 2;

    /// <summary>The signature every file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => "ACMERAW1"u8;

    /// <summary>Bytes in one row of one frame.</summary>
    public int RowBytes => Width * Channels * BytesPerSample;

    /// <summary>Bytes in one frame.</summary>
    public long FrameBytes => (long)RowBytes * Height;

    /// <summary>Bytes in a file that holds exactly <see cref="FrameCount"/> frames.</summary>
    public long FileBytes => Size + (FrameCount * FrameBytes);

    /// <summary>Where a frame (0-based) starts in the file.</summary>
    public long FrameOffset(long frame) => Size + (frame * FrameBytes);

    /// <summary>
    /// Reads and checks the header. <paramref name="header"/> holds the file's first bytes (up to
    /// <see cref="Size"/>); <paramref name="fileLength"/> is the whole file's length.
    /// </summary>
    /// <exception cref="InputException">The header is malformed, out of bounds, or the file is truncated.</exception>
    public static AcmeRawHeader Parse(ReadOnlySpan<byte> header, long fileLength, string file)
    {
        if (header.Length < Size || fileLength < Size)
        {
            throw new InputException($"The file is {fileLength} bytes long, too short for the {Size}-byte ACME raw header.",
                file, "header", $"at least {Size} bytes");
        }

        if (!header.StartsWith(Signature))
        {
            throw new InputException("The file does not start with the ACME raw signature.", file, "signature", "the 8 bytes 'ACMERAW1'");
        }

        var width = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        var height = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        var frameCount = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        var rateNumerator = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        var rateDenominator = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);

        // Check the size against the shared limits before any arithmetic or allocation depends on it.
        if (!ImageLimits.IsAllowed(width, height))
        {
            var field = width is 0 or > ImageLimits.MaxDimension ? "width" : height is 0 or > ImageLimits.MaxDimension ? "height" : "width × height";
            throw new InputException($"The header gives an image of {width} × {height} pixels, which is outside the image limits.",
                file, field, $"each side 1 to {ImageLimits.MaxDimension} and at most {ImageLimits.MaxPixels} pixels");
        }

        if (frameCount is 0 or > int.MaxValue)
        {
            throw new InputException($"The header gives {frameCount} frames.", file, "frameCount", $"1 to {int.MaxValue} frames");
        }

        if (rateNumerator == 0 || rateDenominator == 0)
        {
            throw new InputException($"The header gives a frame rate of {rateNumerator}/{rateDenominator}.",
                file, "frameRate", "a positive numerator and denominator, such as 24000/1001");
        }

        var parsed = new AcmeRawHeader((int)width, (int)height, (int)frameCount, new FrameRate(rateNumerator, rateDenominator));

        // Cannot overflow: at most 2^31 frames of at most 6 × 2^28 bytes each.
        if (fileLength < parsed.FileBytes)
        {
            throw new InputException(
                $"The file is {fileLength} bytes long, but {frameCount} frames of {width} × {height} pixels need {parsed.FileBytes}; it is truncated.",
                file, "frames", $"{parsed.FileBytes} bytes");
        }

        return parsed;
    }
}
