using System.Globalization;
using System.Xml.Linq;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Clf;

/// <summary>The process nodes: each is validated against CLF v3's rules and rescaled to 32-bit float.</summary>
internal sealed partial class ClfReader
{
    private MatrixOp ReadMatrix(XElement node, double inScale, double outScale)
    {
        CheckChildren(node, "Array");
        var array = Single(node, "Array");
        var dims = ReadDims(array);
        var columns = dims switch
        {
            [3, 3] or [3, 3, 3] => 3,
            [3, 4] => 4,
            _ => throw Error(array, "Matrix/Array/@dim", $"dim '{string.Join(' ', dims)}' is not a CLF matrix shape", "\"3 3\" or \"3 4\" (legacy \"3 3 3\")"),
        };
        var values = ReadValues(array, 3 * columns, "Matrix");

        // Rescale to 32f: out/outScale = (M·inScale/outScale)·(in/inScale) + k/outScale.
        var m = new double[9];
        var offset = new double[3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                m[(r * 3) + c] = values[(r * columns) + c] * inScale / outScale;
            }

            offset[r] = columns == 4 ? values[(r * columns) + 3] / outScale : 0;
        }

        return new MatrixOp(m, offset);
    }

    private Lut1DOp ReadLut1D(XElement node, double outScale)
    {
        CheckChildren(node, "Array");
        var interpolation = (string?)node.Attribute("interpolation");
        if (interpolation is not (null or "linear"))
        {
            throw Error(node, "LUT1D/@interpolation", $"interpolation '{interpolation}' is not allowed for a LUT1D", "linear");
        }

        var halfDomain = ReadTrueFlag(node, "halfDomain");
        var rawHalfs = ReadTrueFlag(node, "rawHalfs");
        var array = Single(node, "Array");
        var dims = ReadDims(array);
        if (dims is not [var size, 1 or 3] || size < 2 || size > MaxLut1DSize)
        {
            throw Error(array, "LUT1D/Array/@dim", $"dim '{string.Join(' ', dims)}' is not a LUT1D shape of at most {MaxLut1DSize} entries", "\"N 1\" or \"N 3\" with 2 ≤ N ≤ " + MaxLut1DSize);
        }

        if (halfDomain && size != 65536)
        {
            throw Error(array, "LUT1D/Array/@dim", $"a halfDomain LUT1D has {size} entries", "65536 entries, one per half-float bit pattern");
        }

        var channels = dims[1];
        var raw = ReadValues(array, (long)size * channels, "LUT1D");
        var values = new float[size * 3];
        for (var i = 0; i < size; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                var v = raw[(i * channels) + (channels == 3 ? c : 0)];
                if (rawHalfs)
                {
                    if (v is < 0 or > ushort.MaxValue || v != Math.Floor(v))
                    {
                        throw Error(array, "LUT1D/Array", $"value {(i * channels) + 1} '{v}' is not a half-float bit pattern", "whole numbers 0–65535 (rawHalfs)");
                    }

                    v = (double)BitConverter.UInt16BitsToHalf((ushort)v);
                }

                values[(i * 3) + c] = (float)(v / outScale);
            }
        }

        return new Lut1DOp(values, size, halfDomain);
    }

    private bool ReadTrueFlag(XElement node, string attribute)
    {
        var value = (string?)node.Attribute(attribute);
        return value switch
        {
            null => false,
            "true" => true,
            _ => throw Error(node, $"{node.Name.LocalName}/@{attribute}", $"{attribute}=\"{value}\"; the only legal value is \"true\"", $"{attribute}=\"true\" or no attribute"),
        };
    }

    private Lut3DOp ReadLut3D(XElement node, double outScale)
    {
        if (node.Elements().FirstOrDefault(e => e.Name.LocalName == "IndexMap") is { } indexMap)
        {
            throw Error(indexMap, "LUT3D/IndexMap", "IndexMap was removed in CLF v3", "a halfDomain LUT1D shaper instead of an IndexMap");
        }

        CheckChildren(node, "Array");
        var interpolation = (string?)node.Attribute("interpolation") switch
        {
            null or "trilinear" => Interpolation.Trilinear,
            "tetrahedral" => Interpolation.Tetrahedral,
            var other => throw Error(node, "LUT3D/@interpolation", $"interpolation '{other}' is not a LUT3D interpolation", "trilinear or tetrahedral"),
        };
        var array = Single(node, "Array");
        var dims = ReadDims(array);
        if (dims is not [var n, var g, var b, 3] || n != g || n != b || n < 2 || n > MaxLut3DSize)
        {
            throw Error(array, "LUT3D/Array/@dim", $"dim '{string.Join(' ', dims)}' is not an equal-sided LUT3D grid of at most {MaxLut3DSize} points a side", $"\"n n n 3\" with 2 ≤ n ≤ {MaxLut3DSize}");
        }

        var values = ReadValues(array, (long)n * n * n * 3, "LUT3D");
        return new Lut3DOp([.. values.Select(v => (float)(v / outScale))], n, interpolation);
    }

    private RangeOp ReadRange(XElement node, double inScale, double outScale)
    {
        CheckChildren(node, "minInValue", "maxInValue", "minOutValue", "maxOutValue");
        var clamp = (string?)node.Attribute("style") switch
        {
            null => true,
            var s when s.Equals("Clamp", StringComparison.OrdinalIgnoreCase) => true,
            var s when s.Equals("noClamp", StringComparison.OrdinalIgnoreCase) => false,
            var other => throw Error(node, "Range/@style", $"style '{other}' is not a Range style", "Clamp or noClamp"),
        };
        double? Value(string name, double scale)
            => Single(node, name, required: false) is { } e ? ParseNumber(e, e.Value, $"Range/{name}") / scale : null;
        var (minIn, maxIn) = (Value("minInValue", inScale), Value("maxInValue", inScale));
        var (minOut, maxOut) = (Value("minOutValue", outScale), Value("maxOutValue", outScale));
        if ((minIn is null) != (minOut is null) || (maxIn is null) != (maxOut is null))
        {
            throw Error(node, "Range", "a Range value has no partner (minInValue goes with minOutValue, maxInValue with maxOutValue)", "complete min and/or max pairs");
        }

        if (minIn is null && maxIn is null)
        {
            throw Error(node, "Range", "the Range is empty", "a minInValue/minOutValue pair, a maxInValue/maxOutValue pair, or both");
        }

        if (minIn is not null && maxIn is not null)
        {
            if (!(maxIn > minIn))
            {
                throw Error(node, "Range/maxInValue", "maxInValue is not greater than minInValue", "maxInValue > minInValue");
            }

            if (!(maxOut >= minOut))
            {
                throw Error(node, "Range/maxOutValue", "maxOutValue is less than minOutValue", "maxOutValue ≥ minOutValue");
            }
        }
        else
        {
            if (!clamp)
            {
                throw Error(node, "Range/@style", "a Range with only a min or only a max pair must clamp", "style=\"Clamp\" or both pairs");
            }

            // A one-sided Range only clamps, so its in and out values must agree once bit depths are applied.
            var (inValue, outValue) = minIn is not null ? (minIn.Value, minOut!.Value) : (maxIn!.Value, maxOut!.Value);
            if (Math.Abs(inValue - outValue) > 1e-6 * Math.Max(1, Math.Abs(inValue)))
            {
                throw Error(node, "Range", $"a one-sided Range must map its in value to the same out value, but {Text.Of(inValue)} becomes {Text.Of(outValue)} after bit-depth scaling", "equal in and out values");
            }
        }

        return new RangeOp(minIn, maxIn, minOut, maxOut, clamp);
    }

    private LogOp ReadLog(XElement node)
    {
        CheckChildren(node, "LogParams");
        var styleText = (string?)node.Attribute("style");
        if (styleText is null || !Enum.TryParse<LogStyle>(styleText, ignoreCase: true, out var style) || Text.CamelStyle(style.ToString()) != styleText)
        {
            throw Error(node, "Log/@style", styleText is null ? "the Log has no style" : $"style '{styleText}' is not a Log style", "one of " + string.Join(", ", Enum.GetNames<LogStyle>().Select(Text.CamelStyle)));
        }

        var paramsElements = node.Elements().Where(e => e.Name.LocalName == "LogParams").ToList();
        var simple = style is LogStyle.Log10 or LogStyle.Log2 or LogStyle.AntiLog10 or LogStyle.AntiLog2;
        var camera = style is LogStyle.CameraLinToLog or LogStyle.CameraLogToLin;
        if (simple && paramsElements.Count > 0)
        {
            throw Error(paramsElements[0], "Log/LogParams", $"style {styleText} takes no LogParams", "no LogParams");
        }

        if (paramsElements.Count > 3)
        {
            throw Error(paramsElements[3], "Log/LogParams", "a Log has more than three LogParams", "at most one LogParams per channel");
        }

        var channels = new LogParams[3];
        Array.Fill(channels, camera ? null! : LogParams.Default);
        foreach (var e in paramsElements)
        {
            var p = ReadLogParams(e, camera);
            foreach (var c in ChannelsOf(e, channels.Length))
            {
                channels[c] = p;
            }
        }

        for (var c = 0; c < 3; c++)
        {
            if (channels[c] is null)
            {
                throw Error(node, "Log/LogParams", $"channel {"RGB"[c]} has no LogParams, and camera styles need linSideBreak", "LogParams with linSideBreak for every channel");
            }
        }

        if (channels.Select(p => p.Base).Distinct().Count() > 1)
        {
            throw Error(node, "Log/LogParams/@base", "the channels' LogParams have different bases", "one base for all channels");
        }

        return new LogOp(style, channels);
    }

    private LogParams ReadLogParams(XElement e, bool camera)
    {
        double? Attr(string name) => (string?)e.Attribute(name) is { } t ? ParseNumber(e, t, $"LogParams/@{name}") : null;
        var p = new LogParams(
            Attr("base") ?? 2, Attr("logSideSlope") ?? 1, Attr("logSideOffset") ?? 0, Attr("linSideSlope") ?? 1, Attr("linSideOffset") ?? 0,
            Attr("linSideBreak"), Attr("linearSlope"));
        if (camera && p.LinSideBreak is null)
        {
            throw Error(e, "LogParams/@linSideBreak", "camera Log styles need linSideBreak", "a linSideBreak attribute");
        }

        if (!camera && (p.LinSideBreak is not null || p.LinearSlope is not null))
        {
            throw Error(e, "LogParams/@linSideBreak", "linSideBreak and linearSlope belong to the camera Log styles only", "no linSideBreak or linearSlope for linToLog and logToLin");
        }

        if (!(p.Base > 0) || p.Base == 1 || p.LogSideSlope == 0 || p.LinSideSlope == 0 || p.LinearSlope == 0)
        {
            throw Error(e, "LogParams", "base must be positive and not 1, and the slopes must not be zero", "base > 0, base ≠ 1, non-zero slopes");
        }

        return p;
    }

    private IEnumerable<int> ChannelsOf(XElement e, int count)
    {
        return (string?)e.Attribute("channel") switch
        {
            null => Enumerable.Range(0, count),
            "R" => [0],
            "G" => [1],
            "B" => [2],
            var other => throw Error(e, $"{e.Name.LocalName}/@channel", $"channel '{other}' is not R, G or B", "R, G or B"),
        };
    }

    private ExponentOp ReadExponent(XElement node)
    {
        CheckChildren(node, "ExponentParams");
        var styleText = (string?)node.Attribute("style");
        if (styleText is null || !Enum.TryParse<ExponentStyle>(styleText, ignoreCase: true, out var style) || Text.CamelStyle(style.ToString()) != styleText)
        {
            throw Error(node, "Exponent/@style", styleText is null ? "the Exponent has no style" : $"style '{styleText}' is not an Exponent style", "one of " + string.Join(", ", Enum.GetNames<ExponentStyle>().Select(Text.CamelStyle)));
        }

        var monCurve = style >= ExponentStyle.MonCurveFwd;
        var paramsElements = node.Elements().Where(e => e.Name.LocalName == "ExponentParams").ToList();
        if (paramsElements.Count is 0 or > 3)
        {
            throw Error(node, "Exponent/ExponentParams", $"an Exponent has {paramsElements.Count} ExponentParams", "one to three ExponentParams");
        }

        // Channels a file leaves out are identities (exponent 1, offset 0).
        double[] exponent = [1, 1, 1], offset = [0, 0, 0];
        foreach (var e in paramsElements)
        {
            var g = (string?)e.Attribute("exponent") is { } t ? ParseNumber(e, t, "ExponentParams/@exponent") : throw Error(e, "ExponentParams/@exponent", "ExponentParams has no exponent", "an exponent attribute");
            var k = (string?)e.Attribute("offset") is { } o ? ParseNumber(e, o, "ExponentParams/@offset") : (double?)null;
            if (!monCurve && k is not null)
            {
                throw Error(e, "ExponentParams/@offset", $"style {styleText} takes no offset", "an offset only with the monCurve styles");
            }

            if (monCurve && (!(g >= 1 && g <= 10) || !(k is null or >= 0 and <= 0.9)))
            {
                throw Error(e, "ExponentParams", $"exponent {Text.Of(g)} and offset {Text.Of(k)} are outside the monCurve limits", "exponent in [1, 10] and offset in [0, 0.9]");
            }

            if (!monCurve && !(g >= 0.01 && g <= 100))
            {
                throw Error(e, "ExponentParams/@exponent", $"exponent {Text.Of(g)} is outside the basic styles' limits", "exponent in [0.01, 100]");
            }

            foreach (var c in ChannelsOf(e, 3))
            {
                (exponent[c], offset[c]) = (g, k ?? 0);
            }
        }

        return new ExponentOp(style, exponent, offset);
    }

    private CdlOp ReadCdl(XElement node)
    {
        CheckChildren(node, "SOPNode", "SatNode");
        var styleText = (string?)node.Attribute("style") ?? "Fwd";
        if (!Enum.TryParse<CdlStyle>(styleText, ignoreCase: false, out var style) || style.ToString() != styleText)
        {
            throw Error(node, "ASC_CDL/@style", $"style '{styleText}' is not an ASC_CDL style", "Fwd, Rev, FwdNoClamp or RevNoClamp");
        }

        var cdl = CdlOp.Identity(style);
        if (Single(node, "SOPNode", required: false) is { } sop)
        {
            CheckChildren(sop, "Slope", "Offset", "Power");
            cdl = cdl with
            {
                Slope = ReadTriple(Single(sop, "Slope")),
                Offset = ReadTriple(Single(sop, "Offset")),
                Power = ReadTriple(Single(sop, "Power")),
            };
        }

        if (Single(node, "SatNode", required: false) is { } satNode)
        {
            CheckChildren(satNode, "Saturation");
            var sat = Single(satNode, "Saturation");
            var values = Numbers(sat);
            cdl = values.Length == 1 ? cdl with { Saturation = values[0] } : throw Error(sat, "Saturation", $"Saturation has {values.Length} values", "one value");
        }

        CheckCdlLimits(cdl, node, Error);
        return cdl;
    }

    /// <summary>The ASC CDL v1.2 limits: slope ≥ 0, power &gt; 0, saturation ≥ 0.</summary>
    public static void CheckCdlLimits(CdlOp cdl, XElement at, Func<XElement, string, string, string, InputException> error)
    {
        if (!cdl.Slope.All(v => v >= 0))
        {
            throw error(at, "Slope", $"slope {Text.Join(cdl.Slope)} has a negative value", "slopes ≥ 0");
        }

        if (!cdl.Power.All(v => v > 0))
        {
            throw error(at, "Power", $"power {Text.Join(cdl.Power)} has a value that is not positive", "powers > 0");
        }

        if (!(cdl.Saturation >= 0))
        {
            throw error(at, "Saturation", $"saturation {Text.Of(cdl.Saturation)} is negative", "saturation ≥ 0");
        }
    }

    private double[] ReadTriple(XElement e)
    {
        var values = Numbers(e);
        return values.Length == 3 ? values : throw Error(e, e.Name.LocalName, $"{e.Name.LocalName} has {values.Length} values", "three values (R G B)");
    }

    private double[] Numbers(XElement e)
        => [.. e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => ParseNumber(e, t, e.Name.LocalName))];
}
