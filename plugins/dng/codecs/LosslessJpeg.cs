using Rushes.Plugins.Dng.Codecs.Lj92;

namespace Rushes.Plugins.Dng.Codecs;

/// <summary>SOF3 frame header facts: samples per line, lines, components, bits per sample and the scan's predictor (1 to 7).</summary>
public readonly record struct Lj92Frame(int Width, int Height, int Components, int Precision, int Predictor);

/// <summary>
/// Lossless JPEG (ITU-T T.81 process 14, SOF3), the compression DNG calls 7 for raw data: Huffman-coded
/// differences from one of seven predictors, 1 to 4 interleaved components, 2 to 16 bits, restart intervals.
/// Every malformed or unsupported stream raises an <see cref="Rushes.Contracts.Plugins.InputException"/>.
/// </summary>
public static class LosslessJpeg
{
    /// <summary>Reads the SOI..SOF3..SOS headers without decoding the entropy-coded data.</summary>
    public static Lj92Frame ReadFrame(ReadOnlySpan<byte> stream, string file) => Lj92Header.Read(stream, file).Frame;

    /// <summary>
    /// Decodes the whole stream: Height rows of Width×Components samples, components interleaved, into
    /// <paramref name="destination"/> (at least Width×Height×Components long).
    /// </summary>
    public static Lj92Frame Decode(ReadOnlySpan<byte> stream, Span<ushort> destination, string file)
    {
        var header = Lj92Header.Read(stream, file);
        ScanDecoder.Decode(header, stream, destination, file);
        return header.Frame;
    }
}
