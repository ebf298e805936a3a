using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Develop;
using Rushes.Plugins.Dng.Raw;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.Development;

/// <summary>One DNG file, parsed: its directory tree, its main raw image and its camera profile.</summary>
internal sealed class DngFrameFile
{
    private DngFrameFile(TiffFile tiff, RawImage raw, DngColourProfile? profile, double baselineExposure)
    {
        Tiff = tiff;
        Raw = raw;
        Profile = profile;
        BaselineExposure = baselineExposure;
    }

    public TiffFile Tiff { get; }

    public RawImage Raw { get; }

    public DngColourProfile? Profile { get; }

    public double BaselineExposure { get; }

    public string Path => Tiff.Path;

    /// <summary>The full-resolution output size: DefaultCropSize, rounded to whole pixels.</summary>
    public (int Width, int Height) OutputSize(int level = 1)
    {
        var crop = CropAt(level, Raw.ActiveWidth / level, Raw.ActiveHeight / level);
        return (crop.Width, crop.Height);
    }

    /// <summary>The default crop at a resolution level, inside an image of the given size.</summary>
    public (int X, int Y, int Width, int Height) CropAt(int level, int imageWidth, int imageHeight)
    {
        var crop = Raw.DefaultCrop;
        var x = Math.Clamp((int)Math.Round(crop.X / level), 0, imageWidth - 1);
        var y = Math.Clamp((int)Math.Round(crop.Y / level), 0, imageHeight - 1);
        var width = Math.Clamp((int)Math.Round(crop.Width / level), 1, imageWidth - x);
        var height = Math.Clamp((int)Math.Round(crop.Height / level), 1, imageHeight - y);
        return (x, y, width, height);
    }

    public static DngFrameFile Open(string path)
    {
        var tiff = TiffReader.Read(path);
        return From(tiff);
    }

    public static DngFrameFile From(TiffFile tiff)
    {
        if (tiff.Ifd0[TiffTags.DngVersion] is not { } version || version.Count != 4)
        {
            throw new InputException($"{System.IO.Path.GetFileName(tiff.Path)} is a TIFF without a DNGVersion tag in IFD0.", tiff.Path, "DNGVersion", "four bytes, such as 1.4.0.0");
        }

        var raw = RawImage.Select(tiff);
        return new DngFrameFile(tiff, raw, ColourProfileReader.Read(tiff), ColourProfileReader.BaselineExposure(tiff));
    }
}
