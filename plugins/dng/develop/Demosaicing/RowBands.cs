namespace Rushes.Plugins.Dng.Develop;

/// <summary>Splits rows into bands of a few rows and runs them on all cores.</summary>
internal static class RowBands
{
    // Bands big enough to amortise scheduling, small enough to balance across cores.
    private const int RowsPerBand = 16;

    /// <summary>Calls <paramref name="band"/>(first, last) for consecutive row ranges covering 0..rows−1, in parallel.</summary>
    public static void For(int rows, Action<int, int> band) => For(0, rows, band);

    /// <summary>Calls <paramref name="band"/>(first, last) for consecutive row ranges covering first..end−1, in parallel.</summary>
    public static void For(int first, int end, Action<int, int> band)
    {
        var rows = end - first;
        if (rows <= 0)
        {
            return;
        }

        var bands = (rows + RowsPerBand - 1) / RowsPerBand;
        if (bands == 1)
        {
            band(first, end);
            return;
        }

        Parallel.For(0, bands, i =>
        {
            var start = first + (i * RowsPerBand);
            band(start, Math.Min(end, start + RowsPerBand));
        });
    }
}
