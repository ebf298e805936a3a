using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Clf;

/// <summary>
/// Reads and validates Academy/ASC CLF v3 and SMPTE ST 2136-1 files (standards.md §5). Every error
/// names the file, the line and the element; unknown elements outside Info are warnings, as the spec
/// allows. Parameters are rescaled from the nodes' bit depths to 32-bit float on the way in.
/// </summary>
internal sealed partial class ClfReader
{
    public const string SmpteNamespace = "http://www.smpte-ra.org/ns/2136-1/2024";
    public const string ClfV3Namespace = "urn:AMPAS:CLF:v3.0";
    private const string SmpteNamespaceStem = "http://www.smpte-ra.org/ns/2136-1/";
    private const string SmpteVersion = "ST2136-1:2024";

    // Bounds checked before any array is allocated: OCIO's largest 1D LUT (2^20 entries) and 3D grid (129).
    public const int MaxLut1DSize = 1 << 20;
    public const int MaxLut3DSize = 129;

    // A CLF file is XML text; anything larger is refused before it is read.
    private const long MaxFileBytes = 256L << 20;

    private static readonly string[] ProcessNodes = ["Matrix", "LUT1D", "LUT3D", "Range", "Log", "Exponent", "ASC_CDL"];
    private static readonly string[] HeaderElements = ["Description", "InputDescriptor", "OutputDescriptor", "Info", "Id"];

    private readonly string _file;
    private readonly List<string> _warnings = [];
    private double _version;

    private ClfReader(string file) => _file = file;

    /// <summary>Reads a CLF file from disk.</summary>
    public static ClfDocument Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException($"{path}: no such CLF file.", path, "file", "an existing .clf file");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InputException($"{path}: {info.Length} bytes is larger than the {MaxFileBytes} bytes a CLF file may have here.", path, "file", $"at most {MaxFileBytes} bytes");
        }

        return Parse(new MemoryStream(File.ReadAllBytes(path)), path);
    }

    /// <summary>Parses CLF text; <paramref name="file"/> names it in messages.</summary>
    public static ClfDocument Parse(Stream stream, string file) => new ClfReader(file).Parse(stream);

    /// <summary>Secure XML settings: no DTDs (so no entity expansion or XXE), no external resolution.</summary>
    public static XmlReaderSettings SecureSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxFileBytes,
    };

    private ClfDocument Parse(Stream stream)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, SecureSettings());
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // XmlReader reports line 0 for problems found at the end of the document.
            var line = e.LineNumber > 0 ? e.LineNumber : LastLine(stream);
            throw new InputException($"{_file}, line {line}: not a well-formed CLF XML document: {e.Message}", _file, "xml", "a well-formed XML ProcessList", e);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "ProcessList")
        {
            throw Error(root, "ProcessList", $"the root element is <{root.Name.LocalName}>", "a <ProcessList> root element");
        }

        var smpte = CheckNamespace(root);
        var version = CheckVersion(root, smpte);
        var id = CheckId(root);

        var descriptions = new List<string>();
        string? inputDescriptor = null, outputDescriptor = null;
        var ops = new List<LookOp>();
        string? previousOut = null;
        foreach (var child in root.Elements())
        {
            var name = child.Name.LocalName;
            if (ProcessNodes.Contains(name))
            {
                ops.Add(ReadNode(child, ref previousOut));
            }
            else if (name == "IndexMap")
            {
                throw Error(child, name, "IndexMap was removed in CLF v3", "a halfDomain LUT1D shaper instead of an IndexMap");
            }
            else if (!HeaderElements.Contains(name))
            {
                WarnUnknown(child, "ProcessList");
            }
            else if (name == "Description")
            {
                descriptions.Add(child.Value.Trim());
                WarnChildren(child);
            }
            else if (name == "InputDescriptor")
            {
                inputDescriptor ??= child.Value.Trim();
            }
            else if (name == "OutputDescriptor")
            {
                outputDescriptor ??= child.Value.Trim();
            }
        }

        if (ops.Count == 0)
        {
            throw Error(root, "ProcessList", "the ProcessList holds no process node", "at least one of " + string.Join(", ", ProcessNodes));
        }

        return new ClfDocument(id, (string?)root.Attribute("name"), version, descriptions, inputDescriptor, outputDescriptor, ops, _warnings);
    }

    private static int LastLine(Stream stream)
    {
        stream.Position = 0;
        using var reader = new StreamReader(stream);
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return Math.Max(lines, 1);
    }

    private bool CheckNamespace(XElement root)
    {
        var ns = root.Name.NamespaceName;
        if (ns == SmpteNamespace)
        {
            return true;
        }

        if (ns.StartsWith(SmpteNamespaceStem, StringComparison.Ordinal))
        {
            throw Error(root, "ProcessList/@xmlns", $"namespace '{ns}' is a SMPTE ST 2136-1 version this reader does not know", $"'{SmpteNamespace}'");
        }

        if (ns.Length > 0 && ns != ClfV3Namespace)
        {
            throw Error(root, "ProcessList/@xmlns", $"namespace '{ns}' is not a CLF namespace", $"no namespace, '{ClfV3Namespace}' or '{SmpteNamespace}'");
        }

        return false;
    }

    private string CheckVersion(XElement root, bool smpte)
    {
        var text = (string?)root.Attribute("compCLFversion");
        if (text is null)
        {
            if (!smpte)
            {
                throw Error(root, "ProcessList/@compCLFversion", "compCLFversion is missing", "compCLFversion=\"3.0\"");
            }

            _version = 3;
            return SmpteVersion;
        }

        if (text == SmpteVersion)
        {
            _version = 3;
            return text;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _version))
        {
            throw Error(root, "ProcessList/@compCLFversion", $"compCLFversion '{text}' is not a version number", $"3.0 (or 2.0, or {SmpteVersion})");
        }

        if (_version > 3)
        {
            throw Error(root, "ProcessList/@compCLFversion", $"compCLFversion {text} is newer than CLF 3.0, the latest this reader supports", "3.0 or lower");
        }

        return text;
    }

    private string CheckId(XElement root)
    {
        var idElement = root.Elements().FirstOrDefault(e => e.Name.LocalName == "Id");
        if (idElement is not null)
        {
            var value = idElement.Value.Trim();
            if (!UuidUrn().IsMatch(value))
            {
                throw Error(idElement, "Id", $"Id '{value}' is not a UUID URN as ST 2136-1 requires", "urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
            }

            return value;
        }

        var id = (string?)root.Attribute("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Error(root, "ProcessList/@id", id is null ? "the ProcessList has no id" : "the ProcessList id is empty", "a non-empty id attribute (or an ST 2136-1 <Id> element)");
        }

        return id;
    }

    [GeneratedRegex("^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidUrn();

    private LookOp ReadNode(XElement node, ref string? previousOut)
    {
        var name = node.Name.LocalName;
        var inDepth = ReadDepth(node, "inBitDepth");
        var outDepth = ReadDepth(node, "outBitDepth");
        if (previousOut is not null && inDepth != previousOut)
        {
            throw Error(node, $"{name}/@inBitDepth", $"inBitDepth {inDepth} does not match the previous node's outBitDepth {previousOut}", $"inBitDepth=\"{previousOut}\"");
        }

        previousOut = outDepth;
        var (inScale, outScale) = (BitDepth.Scale(inDepth), BitDepth.Scale(outDepth));
        if (name is "Log" or "Exponent" && _version < 3)
        {
            throw Error(node, name, $"{name} needs CLF 3.0 but the file declares compCLFversion {_version.ToString(CultureInfo.InvariantCulture)}", "compCLFversion=\"3.0\"");
        }

        return name switch
        {
            "Matrix" => ReadMatrix(node, inScale, outScale),
            "LUT1D" => ReadLut1D(node, outScale),
            "LUT3D" => ReadLut3D(node, outScale),
            "Range" => ReadRange(node, inScale, outScale),
            "Log" => ReadLog(node),
            "Exponent" => ReadExponent(node),
            _ => ReadCdl(node),
        };
    }

    private string ReadDepth(XElement node, string attribute)
    {
        var value = (string?)node.Attribute(attribute);
        if (value is null)
        {
            throw Error(node, $"{node.Name.LocalName}/@{attribute}", $"{attribute} is missing", "one of " + string.Join(", ", BitDepth.Names));
        }

        return BitDepth.Names.Contains(value)
            ? value
            : throw Error(node, $"{node.Name.LocalName}/@{attribute}", $"{attribute} '{value}' is not a CLF bit depth", "one of " + string.Join(", ", BitDepth.Names));
    }

    /// <summary>Warns about child elements the node does not define (other than Description).</summary>
    private void CheckChildren(XElement node, params string[] known)
    {
        foreach (var child in node.Elements())
        {
            var name = child.Name.LocalName;
            if (name == "Description")
            {
                WarnChildren(child);
            }
            else if (!known.Contains(name))
            {
                WarnUnknown(child, node.Name.LocalName);
            }
        }
    }

    private void WarnChildren(XElement textElement)
    {
        foreach (var child in textElement.Elements())
        {
            WarnUnknown(child, textElement.Name.LocalName);
        }
    }

    private void WarnUnknown(XElement element, string parent)
    {
        _warnings.Add($"{_file}, line {Line(element)}: unknown element <{element.Name.LocalName}> in <{parent}> is ignored");
        foreach (var child in element.Elements())
        {
            WarnUnknown(child, element.Name.LocalName);
        }
    }

    private XElement Single(XElement node, string name, bool required = true)
    {
        var found = node.Elements().Where(e => e.Name.LocalName == name).ToList();
        if (found.Count > 1)
        {
            throw Error(found[1], name, $"<{node.Name.LocalName}> has more than one <{name}>", $"one <{name}>");
        }

        if (found.Count == 0 && required)
        {
            throw Error(node, $"{node.Name.LocalName}/{name}", $"<{node.Name.LocalName}> has no <{name}>", $"the <{name}> element");
        }

        return found.FirstOrDefault()!;
    }

    private int[] ReadDims(XElement array)
    {
        var text = (string?)array.Attribute("dim") ?? throw Error(array, "Array/@dim", "the Array has no dim attribute", "dim=\"…\"");
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var dims = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]))
            {
                throw Error(array, "Array/@dim", $"dim '{text}' is not a list of whole numbers", "whole numbers such as \"3 3\"");
            }
        }

        return dims;
    }

    /// <summary>Reads exactly <paramref name="count"/> numbers (the count is bounded by the caller first).</summary>
    private double[] ReadValues(XElement array, long count, string node)
    {
        var values = new double[count];
        var n = 0L;
        foreach (var token in array.Value.Split((char[]?)[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (n == count)
            {
                throw Error(array, $"{node}/Array", $"the Array has more than the {count} values its dim declares", $"{count} values");
            }

            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                throw Error(array, $"{node}/Array", $"value {n + 1} '{token}' is not a number", "decimal numbers separated by white space");
            }

            values[n++] = v;
        }

        return n == count ? values : throw Error(array, $"{node}/Array", $"the Array has {n} values but its dim declares {count}", $"{count} values");
    }

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

    private double ParseNumber(XElement at, string text, string field)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Error(at, field, $"'{text.Trim()}' is not a number", "a finite decimal number");

    private InputException Error(XElement at, string field, string message, string expected)
        => new($"{_file}, line {Line(at)}, <{at.Name.LocalName}>: {message}; expected {expected}.", _file, field, expected);

    private static int Line(XElement e) => ((IXmlLineInfo)e).LineNumber;
}
