using System.Globalization;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Cube;

/// <summary>
/// Reads .cube LUTs (standards.md §6): Iridas/Adobe 1D or 3D with DOMAIN_MIN/MAX, and the Resolve form
/// with LUT_1D_INPUT_RANGE / LUT_3D_INPUT_RANGE and an optional 1D shaper before the 3D table. The
/// result is an op list: a domain-normalising matrix where needed, then the LUTs over [0,1].
/// </summary>
internal static class CubeReader
{
    // Bounds checked before allocation: 1D tables up to 2^20 entries, 3D grids up to 129 a side.
    public const int MaxLut1DSize = 1 << 20;
    public const int MaxLut3DSize = 129;

    public static IReadOnlyList<LookOp> Read(string path, Interpolation interpolation)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such .cube file.", path, "file", "an existing .cube file");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, path, interpolation);
    }

    public static IReadOnlyList<LookOp> Parse(TextReader reader, string file, Interpolation interpolation)
    {
        int? size1 = null, size3 = null;
        double[] domainMin = [0, 0, 0], domainMax = [1, 1, 1];
        double[]? range1 = null, range3 = null;
        var lineNumber = 0;
        string? line;
        float[]? data = null;
        var rows = 0;
        var expected = 0L;

        InputException Error(string field, string message, string expectedText)
            => new($"{file}, line {lineNumber}: {message}; expected {expectedText}.", file, field, expectedText);

        double[] Numbers(string[] tokens, int count, string keyword)
        {
            if (tokens.Length != count + 1)
            {
                throw Error(keyword, $"{keyword} has {tokens.Length - 1} values", $"{count} numbers");
            }

            return [.. tokens.Skip(1).Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw Error(keyword, $"'{t}' is not a number", "a decimal number"))];
        }

        int Size(string[] tokens, string keyword, int max)
        {
            if (tokens.Length != 2 || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 2 || n > max)
            {
                throw Error(keyword, $"'{string.Join(' ', tokens)}' is not a size from 2 to {max}", $"{keyword} N with 2 ≤ N ≤ {max}");
            }

            return n;
        }

        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var tokens = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (char.IsLetter(tokens[0][0]))
            {
                if (data is not null)
                {
                    throw Error(tokens[0], $"keyword {tokens[0]} after the table data began", "every keyword before the first data line");
                }

                switch (tokens[0])
                {
                    case "TITLE":
                        break;
                    case "LUT_1D_SIZE":
                        size1 = Size(tokens, "LUT_1D_SIZE", MaxLut1DSize);
                        break;
                    case "LUT_3D_SIZE":
                        size3 = Size(tokens, "LUT_3D_SIZE", MaxLut3DSize);
                        break;
                    case "DOMAIN_MIN":
                        domainMin = Numbers(tokens, 3, "DOMAIN_MIN");
                        break;
                    case "DOMAIN_MAX":
                        domainMax = Numbers(tokens, 3, "DOMAIN_MAX");
                        break;
                    case "LUT_1D_INPUT_RANGE":
                        range1 = Numbers(tokens, 2, "LUT_1D_INPUT_RANGE");
                        break;
                    case "LUT_3D_INPUT_RANGE":
                        range3 = Numbers(tokens, 2, "LUT_3D_INPUT_RANGE");
                        break;
                    default:
                        throw Error(tokens[0], $"unknown keyword '{tokens[0]}'", "TITLE, LUT_1D_SIZE, LUT_3D_SIZE, DOMAIN_MIN, DOMAIN_MAX, LUT_1D_INPUT_RANGE or LUT_3D_INPUT_RANGE");
                }

                continue;
            }

            if (data is null)
            {
                if (size1 is null && size3 is null)
                {
                    throw Error("LUT_3D_SIZE", "table data before any LUT_1D_SIZE or LUT_3D_SIZE", "a size keyword first");
                }

                expected = (size1 ?? 0) + ((long)(size3 ?? 0) * (size3 ?? 0) * (size3 ?? 0));
                data = new float[expected * 3];
            }

            if (rows == expected)
            {
                throw Error("data", $"more than the {expected} data lines the sizes declare", $"{expected} data lines");
            }

            var values = Numbers(["data", .. tokens], 3, "data");
            for (var c = 0; c < 3; c++)
            {
                data[(rows * 3) + c] = (float)values[c];
            }

            rows++;
        }

        if (data is null || rows != expected)
        {
            throw Error("data", $"{rows} data lines where the sizes declare {expected}", $"{expected} data lines");
        }

        var ops = new List<LookOp>();
        if (size1 is { } n1)
        {
            AddDomain(ops, range1 is null ? domainMin : [range1[0], range1[0], range1[0]], range1 is null ? domainMax : [range1[1], range1[1], range1[1]], file);
            ops.Add(new Lut1DOp(data[..(n1 * 3)], n1, HalfDomain: false));
        }

        if (size3 is { } n3)
        {
            // With both tables (Resolve), DOMAIN_MIN/MAX are Iridas-only and the 3D range has its own keyword.
            var (min, max) = range3 is not null ? ([range3[0], range3[0], range3[0]], [range3[1], range3[1], range3[1]]) : size1 is null ? (domainMin, domainMax) : (new double[] { 0, 0, 0 }, new double[] { 1, 1, 1 });
            AddDomain(ops, min, max, file);
            ops.Add(new Lut3DOp(ToClfOrder(data.AsSpan((size1 ?? 0) * 3), n3), n3, interpolation));
        }

        return ops;
    }

    /// <summary>A scale and offset that maps [min, max] onto [0, 1] per channel; none when it already is.</summary>
    private static void AddDomain(List<LookOp> ops, double[] min, double[] max, string file)
    {
        if (min.SequenceEqual([0.0, 0, 0]) && max.SequenceEqual([1.0, 1, 1]))
        {
            return;
        }

        if (min.Zip(max).Any(p => !(p.Second > p.First)))
        {
            throw new InputException($"{file}: the domain [{Text.Join(min)}] to [{Text.Join(max)}] is empty.", file, "DOMAIN_MAX", "a maximum above the minimum on every channel");
        }

        ops.Add(MatrixOp.Scale([.. min.Zip(max, (lo, hi) => 1 / (hi - lo))], [.. min.Zip(max, (lo, hi) => (0 - lo) / (hi - lo))]));
    }

    /// <summary>.cube lists red fastest; CLF (and the 3D stage) want blue fastest.</summary>
    private static float[] ToClfOrder(ReadOnlySpan<float> cube, int n)
    {
        var clf = new float[n * n * n * 3];
        for (var b = 0; b < n; b++)
        {
            for (var g = 0; g < n; g++)
            {
                for (var r = 0; r < n; r++)
                {
                    var from = (((b * n) + g) * n + r) * 3;
                    var to = (((r * n) + g) * n + b) * 3;
                    clf[to] = cube[from];
                    clf[to + 1] = cube[from + 1];
                    clf[to + 2] = cube[from + 2];
                }
            }
        }

        return clf;
    }
}
