namespace Rushes.Contracts.Imaging;

/// <summary>
/// A float RGB or RGBA image with one plane per channel, in scene- or display-referred values as
/// the step that made it says. Planes let colour and resampling code run over long contiguous runs.
/// </summary>
public sealed class PlanarImage : ImageBuffer
{
    /// <summary>Rents an image of the given size; its contents are undefined until written (see <see cref="ImageBuffer.Clear"/>).</summary>
    public PlanarImage(int width, int height, int channels = 3)
        : base(width, height, CheckChannels(channels) * (long)width * height)
    {
        Channels = channels;
    }

    /// <summary>3 for RGB, 4 for RGBA.</summary>
    public int Channels { get; }

    /// <summary>True for RGBA.</summary>
    public bool HasAlpha => Channels == 4;

    /// <summary>Samples in one plane.</summary>
    public int PlaneLength => Width * Height;

    /// <summary>One channel's plane, row after row.</summary>
    public Span<float> GetPlane(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        return Samples.Slice(channel * PlaneLength, PlaneLength);
    }

    /// <summary>One row of one channel.</summary>
    public Span<float> GetRow(int channel, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return GetPlane(channel).Slice(y * Width, Width);
    }

    /// <summary>Copies every sample into an image of the same size and channels.</summary>
    public void CopyTo(PlanarImage destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Width != Width || destination.Height != Height || destination.Channels != Channels)
        {
            throw new ArgumentException($"Cannot copy a {Width}×{Height}×{Channels} image into a {destination.Width}×{destination.Height}×{destination.Channels} one.", nameof(destination));
        }

        Samples.CopyTo(destination.Samples);
    }

    private static int CheckChannels(int channels)
        => channels is 3 or 4 ? channels : throw new ArgumentOutOfRangeException(nameof(channels), $"A planar image has 3 (RGB) or 4 (RGBA) channels, not {channels}.");
}
