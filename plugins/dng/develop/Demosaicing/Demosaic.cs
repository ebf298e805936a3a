using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// Turns a Bayer mosaic into linear camera RGB. The input is the normalized mosaic (black 0, white 1),
/// usually already white-balanced (<see cref="MosaicColour.WhiteBalance"/>): every method here
/// interpolates colour differences or ratios, which are smallest, and so best interpolated, when grey is
/// grey in the mosaic. The output keeps values above 1 and below 0: nothing is clipped.
/// </summary>
public static class Demosaic
{
    /// <summary>
    /// Demosaics <paramref name="mosaic"/> at the given resolution. Full resolution runs
    /// <paramref name="method"/>; half resolution makes one RGB pixel per 2×2 tile (the "superpixel":
    /// red and blue as sampled, the two greens averaged) and ignores the method; quarter resolution
    /// is half resolution followed by a 2×2 box average. Odd trailing rows and columns are dropped at
    /// half and quarter resolution.
    /// </summary>
    /// <returns>A new RGB image the caller disposes: <c>width / level</c> × <c>height / level</c>.</returns>
    /// <exception cref="InputException">The pattern is not a 2×2 Bayer tile, or the image is too small for the level.</exception>
    public static PlanarImage Run(CfaImage mosaic, DemosaicMethod method, ResolutionLevel resolution)
    {
        ArgumentNullException.ThrowIfNull(mosaic);
        var layout = BayerLayout.Of(mosaic.Pattern);
        var level = (int)resolution;
        if (level is not (1 or 2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Resolution is Full, Half or Quarter.");
        }

        if (mosaic.Width < Math.Max(2, level) || mosaic.Height < Math.Max(2, level))
        {
            throw new InputException(
                $"A {mosaic.Width}×{mosaic.Height} mosaic is too small to demosaic at {resolution} resolution.",
                file: null, field: "ImageWidth/ImageLength", expected: $"at least {Math.Max(2, level)}×{Math.Max(2, level)} photosites");
        }

        return resolution switch
        {
            ResolutionLevel.Half => Superpixel.Half(mosaic, layout),
            ResolutionLevel.Quarter => Superpixel.Quarter(mosaic, layout),
            _ => method switch
            {
                DemosaicMethod.Bilinear => BilinearDemosaic.Run(mosaic, layout),
                DemosaicMethod.MalvarHeCutler => MalvarHeCutlerDemosaic.Run(mosaic, layout),
                DemosaicMethod.EdgeDirected => EdgeDirectedDemosaic.Run(mosaic, layout),
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown demosaic method."),
            },
        };
    }
}
