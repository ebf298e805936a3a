using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.Compression;

/// <summary>
/// The shape of one uncompressed chunk: <see cref="Lines"/> scanlines, each holding every channel in turn
/// (in the header's alphabetical order), <see cref="Width"/> samples per channel.
/// </summary>
internal sealed record ChunkLayout(int Width, int Lines, IReadOnlyList<int> BytesPerSample)
{
    public static ChunkLayout For(int width, int lines, IReadOnlyList<ExrChannel> channels)
        => new(width, lines, channels.Select(c => c.BytesPerSample).ToArray());

    public int LineBytes => Width * BytesPerSample.Sum();

    public int Bytes => LineBytes * Lines;
}
