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

    private double ParseNumber(XElement at, string text, string field)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Error(at, field, $"'{text.Trim()}' is not a number", "a finite decimal number");

    private InputException Error(XElement at, string field, string message, string expected)
        => new($"{_file}, line {Line(at)}, <{at.Name.LocalName}>: {message}; expected {expected}.", _file, field, expected);

    private static int Line(XElement e) => ((IXmlLineInfo)e).LineNumber;
}
