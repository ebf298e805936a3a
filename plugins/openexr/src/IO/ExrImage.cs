using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.IO;

/// <summary>A decoded OpenEXR image: its header and one float plane per channel, over the data window.</summary>
internal sealed class ExrImage
{
    public ExrImage(string file, ExrHeader header, IReadOnlyList<ExrChannel> channels, IReadOnlyList<float[]> planes)
    {
        File = file;
        Header = header;
        Channels = channels;
        Planes = planes;
        var window = header.DataWindow(file);
        Width = (int)window.Width;
        Height = (int)window.Height;
    }

    public string File { get; }

    public ExrHeader Header { get; }

    public IReadOnlyList<ExrChannel> Channels { get; }

    public IReadOnlyList<float[]> Planes { get; }

    public int Width { get; }

    public int Height { get; }

    public float[]? Plane(string name)
    {
        for (var i = 0; i < Channels.Count; i++)
        {
            if (Channels[i].Name == name)
            {
                return Planes[i];
            }
        }

        return null;
    }

    /// <summary>The R, G, B (and A, when present) channels as a planar image; a luminance-only Y image is spread to R, G and B.</summary>
    public PlanarImage ToPlanarImage()
    {
        var grey = Plane("Y");
        var red = Plane("R") ?? grey;
        var green = Plane("G") ?? grey;
        var blue = Plane("B") ?? grey;
        if (red is null || green is null || blue is null)
        {
            throw new InputException($"{Path.GetFileName(File)} has channels {string.Join(", ", Channels.Select(c => c.Name))}, but no R, G and B (or Y) to make a picture of.",
                File, "channels", "R, G and B, or Y");
        }

        var alpha = Plane("A");
        var image = new PlanarImage(Width, Height, alpha is null ? 3 : 4);
        red.CopyTo(image.GetPlane(0));
        green.CopyTo(image.GetPlane(1));
        blue.CopyTo(image.GetPlane(2));
        alpha?.CopyTo(image.GetPlane(3));
        return image;
    }
}
