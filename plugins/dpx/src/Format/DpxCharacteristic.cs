namespace Rushes.Plugins.Dpx.Format;

/// <summary>
/// The codes of an image element's transfer characteristic and colorimetric specification (SMPTE ST 268,
/// image information header, one table for both fields). 255 is the format's "undefined" byte.
/// </summary>
internal enum DpxCharacteristic : byte
{
    UserDefined = 0,
    PrintingDensity = 1,
    Linear = 2,
    Logarithmic = 3,
    UnspecifiedVideo = 4,
    Smpte274M = 5,
    Bt709 = 6,
    Bt601625 = 7,
    Bt601525 = 8,
    CompositeNtsc = 9,
    CompositePal = 10,
    ZLinear = 11,
    ZHomogeneous = 12,
    Undefined = 255,
}

/// <summary>The option values that name each characteristic, and the reverse.</summary>
internal static class DpxCharacteristics
{
    private static readonly (string Option, DpxCharacteristic Code, string Label)[] Table =
    [
        ("user-defined", DpxCharacteristic.UserDefined, "User-defined"),
        ("printing-density", DpxCharacteristic.PrintingDensity, "Printing density (Cineon-style log film scan)"),
        ("linear", DpxCharacteristic.Linear, "Linear"),
        ("log", DpxCharacteristic.Logarithmic, "Logarithmic"),
        ("video", DpxCharacteristic.UnspecifiedVideo, "Unspecified video"),
        ("smpte-274m", DpxCharacteristic.Smpte274M, "SMPTE 274M (1080-line HD)"),
        ("bt709", DpxCharacteristic.Bt709, "ITU-R BT.709"),
        ("bt601-625", DpxCharacteristic.Bt601625, "ITU-R BT.601, 625 lines (system B or G)"),
        ("bt601-525", DpxCharacteristic.Bt601525, "ITU-R BT.601, 525 lines (system M)"),
        ("ntsc", DpxCharacteristic.CompositeNtsc, "Composite video, NTSC (SMPTE 170M)"),
        ("pal", DpxCharacteristic.CompositePal, "Composite video, PAL (ITU-R BT.624)"),
    ];

    /// <summary>Every characteristic a deliverable may declare, as (option value, label).</summary>
    public static IEnumerable<(string Option, string Label)> Options => Table.Select(t => (t.Option, t.Label));

    public static DpxCharacteristic FromOption(string option)
        => Table.First(t => string.Equals(t.Option, option, StringComparison.OrdinalIgnoreCase)).Code;

    public static string OptionName(DpxCharacteristic code)
        => Table.Where(t => t.Code == code).Select(t => t.Option).FirstOrDefault() ?? code.ToString();

    /// <summary>
    /// The characteristics that label pixels of a colour encoding when the options say <c>auto</c>: BT.709 for
    /// Rec.709 video, printing density for Cineon/ADX scans, logarithmic for camera log and ACEScc/ACEScct,
    /// linear for scene-linear encodings; anything else is user-defined.
    /// </summary>
    public static (DpxCharacteristic Transfer, DpxCharacteristic Colorimetric) ForEncoding(string encoding)
    {
        var e = encoding.Trim();
        bool Has(string part) => e.Contains(part, StringComparison.OrdinalIgnoreCase);
        if (Has("709"))
        {
            return (DpxCharacteristic.Bt709, DpxCharacteristic.Bt709);
        }

        if (Has("cineon") || Has("adx") || Has("density"))
        {
            return (DpxCharacteristic.PrintingDensity, DpxCharacteristic.PrintingDensity);
        }

        if (Has("log") || Has("acescc"))
        {
            return (DpxCharacteristic.Logarithmic, DpxCharacteristic.UserDefined);
        }

        if (Has("linear") || Has("aces2065") || Has("acescg") || Has("ap0") || e.Equals("ACES", StringComparison.OrdinalIgnoreCase))
        {
            return (DpxCharacteristic.Linear, DpxCharacteristic.UserDefined);
        }

        return (DpxCharacteristic.UserDefined, DpxCharacteristic.UserDefined);
    }
}
