namespace Rushes.Plugins.AcesOutput.Aces2;

/// <summary>
/// A per-hue table of 360 nominal entries with one wrap entry below and two above, so lookups never
/// need to wrap (the layout of OpenColorIO's ACES2 Table1D/Table3D).
/// </summary>
internal static class HueTable
{
    public const int Nominal = 360;
    public const int Size = Nominal + 3;
    public const int First = 1;                 // first nominal entry
    public const int Last = Nominal;            // last nominal entry
    public const int UpperWrap = Nominal + 1;   // first entry past 360°

    /// <summary>Fills the wrap entries from the nominal ones.</summary>
    public static void Wrap(double[] table)
    {
        table[0] = table[Last];
        table[UpperWrap] = table[First];
        table[UpperWrap + 1] = table[First + 1];
    }

    /// <summary>Linear interpolation in a table sampled every whole degree.</summary>
    public static double LookupUniform(double[] table, double hue)
    {
        var i = (int)hue;
        return Lerp(table[i + First], table[i + First + 1], hue - i);
    }

    public static double Lerp(double a, double b, double t) => a + (t * (b - a));
}
