using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Develop;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.Development;

/// <summary>Reads the DNG camera profile tags of IFD0 (DNG 1.7.1 chapter 6) into a <see cref="DngColourProfile"/>.</summary>
internal static class ColourProfileReader
{
    public static DngColourProfile? Read(TiffFile tiff)
    {
        var ifd = tiff.Ifd0;
        var calibrations = new List<DngCalibration>();
        (ushort Matrix, ushort Illuminant, ushort Calibration, ushort Forward)[] sets =
        [
            (TiffTags.ColorMatrix1, TiffTags.CalibrationIlluminant1, TiffTags.CameraCalibration1, TiffTags.ForwardMatrix1),
            (TiffTags.ColorMatrix2, TiffTags.CalibrationIlluminant2, TiffTags.CameraCalibration2, TiffTags.ForwardMatrix2),
            (TiffTags.ColorMatrix3, TiffTags.CalibrationIlluminant3, TiffTags.CameraCalibration3, TiffTags.ForwardMatrix3),
        ];
        foreach (var set in sets)
        {
            if (ifd[set.Matrix] is not { } matrix)
            {
                continue;
            }

            var illuminant = ifd[set.Illuminant] is { } il ? il.Int() : 0;
            calibrations.Add(new DngCalibration(
                ColourTemperature.OfIlluminant(illuminant),
                Matrix(matrix, tiff.Path),
                ifd[set.Calibration] is { } cc ? Matrix(cc, tiff.Path) : null,
                ifd[set.Forward] is { } fm ? Matrix(fm, tiff.Path) : null));
        }

        if (calibrations.Count == 0)
        {
            return null;
        }

        var asShotWhite = ifd[TiffTags.AsShotWhiteXY] is { } xy ? Numbers(xy, 2, tiff.Path) : null;
        return new DngColourProfile
        {
            Calibrations = calibrations,
            AnalogBalance = ifd[TiffTags.AnalogBalance] is { } ab ? Numbers(ab, 3, tiff.Path) : null,
            AsShotNeutral = ifd[TiffTags.AsShotNeutral] is { } n ? Numbers(n, 3, tiff.Path) : null,
            AsShotWhite = asShotWhite is null ? null : new Chromaticity(asShotWhite[0], asShotWhite[1]),
        };
    }

    /// <summary>BaselineExposure in stops (0 when absent).</summary>
    public static double BaselineExposure(TiffFile tiff)
        => tiff.Ifd0[TiffTags.BaselineExposure] is { } e ? Numbers(e, 1, tiff.Path)[0] : 0;

    private static ColourMatrix Matrix(TiffEntry entry, string file) => new(Numbers(entry, 9, file));

    private static double[] Numbers(TiffEntry entry, int count, string file)
    {
        if (!TiffFieldTypes.IsNumeric(entry.Type))
        {
            throw entry.WrongType("numbers (SRATIONAL or RATIONAL)");
        }

        if (entry.Count != count)
        {
            throw new InputException($"{entry.Name} has {entry.Count} values.", file, entry.Name,
                count == 9 ? "9 values (a 3×3 matrix for a three-colour camera)" : $"{count} values");
        }

        var values = entry.Numbers();
        return values.All(double.IsFinite) ? values : throw new InputException($"{entry.Name} holds a fraction with a zero denominator.", file, entry.Name, "finite numbers");
    }
}
