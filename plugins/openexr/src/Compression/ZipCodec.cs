using System.IO.Compression;

namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>
/// ZIP and ZIPS chunks: the reordered bytes (<see cref="ByteReorder"/>) in one zlib stream (RFC 1950).
/// ZIPS chunks hold one scanline, ZIP chunks sixteen; the coding is the same.
/// </summary>
internal static class ZipCodec
{
    /// <summary>
    /// Compresses into <paramref name="destination"/>; returns the length, or -1 when it would not be
    /// smaller than the input (the chunk is then stored uncompressed, as the format allows).
    /// </summary>
    public static int Encode(ReadOnlySpan<byte> reordered, byte[] destination, int level)
    {
        using var output = new MemoryStream(destination, 0, Math.Min(destination.Length, reordered.Length), writable: true);
        try
        {
            using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            {
                zlib.Write(reordered);
            }
        }
        catch (NotSupportedException)
        {
            // The fixed-size stream is full: the compressed chunk would be no smaller than the raw one.
            return -1;
        }

        return output.Position < reordered.Length ? (int)output.Position : -1;
    }

    /// <summary>Inflates exactly <paramref name="destination"/>.Length bytes; false when the stream is corrupt, short or long.</summary>
    public static bool Decode(ArraySegment<byte> compressed, Span<byte> destination)
    {
        try
        {
            using var input = new MemoryStream(compressed.Array!, compressed.Offset, compressed.Count, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var read = zlib.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
            Span<byte> extra = stackalloc byte[1];
            return read == destination.Length && zlib.Read(extra) == 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
