using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>A float image as opcodes see it: one plane for a mosaic (lists 1 and 2), three for RGB (list 3).</summary>
internal sealed class ImagePlanes
{
    private readonly CfaImage? _mosaic;
    private readonly PlanarImage? _rgb;

    public ImagePlanes(CfaImage mosaic)
    {
        _mosaic = mosaic;
        (Width, Height, Planes) = (mosaic.Width, mosaic.Height, 1);
    }

    public ImagePlanes(PlanarImage rgb)
    {
        _rgb = rgb;
        (Width, Height, Planes) = (rgb.Width, rgb.Height, rgb.Channels);
    }

    public int Width { get; }

    public int Height { get; }

    public int Planes { get; }

    /// <summary>The mosaic's filter pattern, when this is a mosaic.</summary>
    public CfaPattern? Pattern => _mosaic?.Pattern;

    public Span<float> Row(int plane, int y) => _mosaic is not null ? _mosaic.GetRow(y) : _rgb!.GetRow(plane, y);

    public Span<float> Plane(int plane) => _mosaic is not null ? _mosaic.Samples : _rgb!.GetPlane(plane);
}
