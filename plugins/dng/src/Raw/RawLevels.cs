namespace Rushes.Plugins.Dng.Raw;

/// <summary>
/// Stage 2 of the DNG pipeline (DNG 1.7.1 chapter 5, "Linearization" and "Black Subtraction"/"Rescaling"): stored
/// values through the LinearizationTable, minus the black level of their position (BlackLevel repeated over
/// BlackLevelRepeatDim, plus BlackLevelDeltaV of the row and BlackLevelDeltaH of the column, all relative to the
/// ActiveArea), over the white level minus that black; only the ActiveArea is kept. Nothing is clipped.
/// </summary>
internal static class RawLevels
{
    /// <summary>
    /// Normalizes one active-area row of sample <paramref name="sample"/> into <paramref name="output"/>
    /// (ActiveWidth values), from the full stored image (Width × Height × SamplesPerPixel, interleaved).
    /// </summary>
    public static void Row(RawImage raw, ReadOnlySpan<float> stored, int activeRow, int sample, Span<float> output)
    {
        var spp = raw.SamplesPerPixel;
        var (rows, cols) = raw.BlackRepeat;
        var y = raw.ActiveArea.Top + activeRow;
        var source = stored.Slice((((y * raw.Width) + raw.ActiveArea.Left) * spp) + sample);
        var table = raw.LinearizationTable;
        var white = raw.WhiteLevel[sample];
        var rowBlack = raw.BlackLevelDeltaV?[activeRow] ?? 0;
        var pattern = raw.BlackLevel.AsSpan((activeRow % rows) * cols * spp);
        var deltaH = raw.BlackLevelDeltaH;
        var width = raw.ActiveWidth;
        if (cols == 1 && deltaH is null)
        {
            // The common case: one black level for the row, so one multiply per sample.
            var black = pattern[sample] + rowBlack;
            var scale = (float)(1 / (white - black));
            var offset = (float)black;
            for (var x = 0; x < width; x++)
            {
                output[x] = (Linear(source[x * spp], table) - offset) * scale;
            }

            return;
        }

        for (var x = 0; x < width; x++)
        {
            var black = pattern[((x % cols) * spp) + sample] + rowBlack + (deltaH?[x] ?? 0);
            output[x] = (float)((Linear(source[x * spp], table) - black) / (white - black));
        }
    }

    private static float Linear(float stored, ushort[]? table)
    {
        if (table is null)
        {
            return stored;
        }

        // DNG: indices past the end of the table use its last entry.
        var index = (int)Math.Clamp(MathF.Round(stored), 0, table.Length - 1);
        return table[index];
    }
}
