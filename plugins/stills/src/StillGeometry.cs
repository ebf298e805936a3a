namespace Rushes.Plugins.Stills;

/// <summary>The pixel size of a still: square pixels, then fitted to the long edge.</summary>
internal static class StillGeometry
{
    /// <summary>
    /// Unsqueezes non-square pixels horizontally (stills and thumbnails carry no pixel aspect ratio a viewer
    /// honours), then scales down so the longer side is <paramref name="longEdge"/> (0: no limit). Never enlarges.
    /// </summary>
    public static (int Width, int Height) For(int width, int height, double pixelAspectRatio, int longEdge)
    {
        var displayWidth = width * pixelAspectRatio;
        double displayHeight = height;
        var longer = Math.Max(displayWidth, displayHeight);
        var scale = longEdge > 0 && longer > longEdge ? longEdge / longer : 1.0;
        return (Math.Max(1, (int)Math.Round(displayWidth * scale)), Math.Max(1, (int)Math.Round(displayHeight * scale)));
    }
}
