using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Rushes.Contracts.Plugins;
using Rushes.Host.Amf.Model;

namespace Rushes.Host.Amf;

/// <summary>The outcome of validating an AMF: its issues and, when it parsed, the document.</summary>
/// <param name="Document">The document, or null when it could not be read.</param>
/// <param name="Issues">Every issue, empty when valid.</param>
/// <param name="SchemaChecked">Whether the Academy's XSD took part (v2.0 files, when built in).</param>
public sealed record AmfValidation(AmfDocument? Document, IReadOnlyList<AmfIssue> Issues, bool SchemaChecked)
{
    /// <summary>True when there are no issues.</summary>
    public bool IsValid => Issues.Count == 0 && Document is not null;
}

/// <summary>
/// Reads ACES Metadata Files, v1.0 and v2.0, into one model. XML is read with DTDs prohibited and no
/// resolver, so entity expansion and external entities cannot happen; v2.0 files are validated
/// against the Academy's XSD; file references that are absolute, climb with <c>..</c> or are URLs are refused.
/// </summary>
public static class AmfReader
{
    /// <summary>Real AMFs are kilobytes; anything past this is refused before it is read.</summary>
    public const long MaxFileBytes = 16L << 20;

    /// <summary>Reads a file, throwing <see cref="AmfValidationException"/> with every issue unless it is valid.</summary>
    public static AmfDocument ReadFile(string path)
    {
        var validation = ValidateFile(path);
        return validation.IsValid ? validation.Document! : throw new AmfValidationException(path, validation.Issues);
    }

    /// <summary>Validates a file.</summary>
    public static AmfValidation ValidateFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException("no such AMF file.", path, null, "an existing .amf file");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InputException($"the file is {info.Length} bytes; an AMF may be at most {MaxFileBytes} bytes.", path, null, $"at most {MaxFileBytes} bytes");
        }

        return Validate(File.ReadAllBytes(path));
    }

    /// <summary>Parses AMF text, throwing unless it is valid.</summary>
    public static AmfDocument Parse(string xml, string name = "<amf>")
    {
        var validation = Validate(System.Text.Encoding.UTF8.GetBytes(xml));
        return validation.IsValid ? validation.Document! : throw new AmfValidationException(name, validation.Issues);
    }

    /// <summary>Validates UTF-8 (or declared-encoding) XML bytes.</summary>
    public static AmfValidation Validate(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        XDocument xml;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, SecureSettings());
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new AmfValidation(null, [new AmfIssue(ex.LineNumber, ex.LinePosition, $"not well-formed XML: {ex.Message}", "xml")], false);
        }

        var root = xml.Root!;
        if (root.Name.LocalName != "acesMetadataFile" || (root.Name.NamespaceName != AmfElements.NamespaceV2 && root.Name.NamespaceName != AmfElements.NamespaceV1))
        {
            return new AmfValidation(null, [Issue(root, $"the root element is {root.Name}; expected acesMetadataFile in {AmfElements.NamespaceV2} or {AmfElements.NamespaceV1}.", "root")], false);
        }

        var issues = new List<AmfIssue>();
        var schemaChecked = false;
        if (root.Name.NamespaceName == AmfElements.NamespaceV2 && AmfSchemas.V2 is { } schemas)
        {
            schemaChecked = true;
            issues.AddRange(SchemaIssues(bytes, schemas));
        }

        var ns = root.Name.Namespace;
        issues.AddRange(Checks(root, ns));
        if (issues.Count > 0)
        {
            return new AmfValidation(null, issues, schemaChecked);
        }

        try
        {
            return new AmfValidation(ReadDocument(root, ns), issues, schemaChecked);
        }
        catch (FormatException ex)
        {
            return new AmfValidation(null, [new AmfIssue(0, 0, ex.Message, "value")], schemaChecked);
        }
    }

    private static XmlReaderSettings SecureSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxFileBytes,
        IgnoreComments = true,
    };

    private static List<AmfIssue> SchemaIssues(byte[] bytes, XmlSchemaSet schemas)
    {
        var issues = new List<AmfIssue>();
        var settings = SecureSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = schemas;
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => issues.Add(new AmfIssue(e.Exception.LineNumber, e.Exception.LinePosition, e.Message, "schema"));
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
        }

        return issues;
    }

    /// <summary>Rules the XSD cannot state, and the v1.0 rules (its XSD is not shipped with the conformance data).</summary>
    private static IEnumerable<AmfIssue> Checks(XElement root, XNamespace ns)
    {
        foreach (var file in root.Descendants(ns + "file"))
        {
            if (FileReferences.Problem(file.Value) is { } problem)
            {
                yield return Issue(file, $"file reference '{file.Value}' {problem}.", "file-reference");
            }
        }

        foreach (var element in root.Descendants().Where(e => e.Name.LocalName is AmfElements.InputTransform or AmfElements.LookTransform
                     || (e.Name.LocalName == AmfElements.OutputTransform && ns == AmfElements.NamespaceV2)))
        {
            if (element.Attribute("applied") is null)
            {
                yield return Issue(element, $"<{element.Name.LocalName}> has no 'applied' attribute; it is required (true or false).", "applied");
            }
        }

        if (root.Element(ns + "pipeline") is null)
        {
            yield return Issue(root, "there is no <pipeline>; an AMF has exactly one.", "pipeline");
        }
    }

    private static AmfIssue Issue(XObject node, string message, string rule)
    {
        var info = (IXmlLineInfo)node;
        return new AmfIssue(info.LineNumber, info.LinePosition, message, rule);
    }

    private static AmfDocument ReadDocument(XElement root, XNamespace ns) => new()
    {
        Version = root.Attribute("version")?.Value ?? (ns == AmfElements.NamespaceV2 ? "2.0" : "1.0"),
        Info = ReadInfo(root.Element(ns + "amfInfo"), ns),
        ClipId = root.Element(ns + "clipId") is { } clip ? ReadClip(clip, ns) : null,
        Pipeline = ReadPipeline(root.Element(ns + "pipeline")!, ns),
        ArchivedPipelines = [.. root.Elements(ns + "archivedPipeline").Select(p => ReadPipeline(p, ns))],
    };

    private static AmfInfo ReadInfo(XElement? info, XNamespace ns)
    {
        var dateTime = info?.Element(ns + "dateTime");
        return new AmfInfo
        {
            Description = info?.Element(ns + "description")?.Value,
            Authors = [.. (info?.Elements(ns + "author") ?? []).Select(a => new AmfAuthor(a.Element(ns + "name")?.Value ?? string.Empty, a.Element(ns + "emailAddress")?.Value ?? string.Empty))],
            DateTime = new AmfDateTime(dateTime?.Element(ns + "creationDateTime")?.Value ?? string.Empty, dateTime?.Element(ns + "modificationDateTime")?.Value ?? string.Empty),
            Uuid = info?.Element(ns + "uuid")?.Value,
        };
    }

    private static AmfClipId ReadClip(XElement clip, XNamespace ns)
    {
        var sequence = clip.Element(ns + "sequence");
        return new AmfClipId
        {
            ClipName = clip.Element(ns + "clipName")?.Value ?? string.Empty,
            File = clip.Element(ns + "file")?.Value,
            Uuid = clip.Element(ns + "uuid")?.Value,
            Sequence = sequence is null ? null : new AmfSequence(
                sequence.Value,
                sequence.Attribute("idx")?.Value ?? "#",
                long.Parse(sequence.Attribute("min")?.Value ?? "0", CultureInfo.InvariantCulture),
                long.Parse(sequence.Attribute("max")?.Value ?? "0", CultureInfo.InvariantCulture)),
        };
    }

    private static AmfPipeline ReadPipeline(XElement pipeline, XNamespace ns)
    {
        var info = pipeline.Element(ns + "pipelineInfo");
        var version = info?.Element(ns + "systemVersion");
        return new AmfPipeline
        {
            Info = ReadInfo(info, ns),
            SystemVersion = version is null ? null : new AmfSystemVersion(
                int.Parse(version.Element(ns + "majorVersion")!.Value, CultureInfo.InvariantCulture),
                int.Parse(version.Element(ns + "minorVersion")!.Value, CultureInfo.InvariantCulture),
                int.Parse(version.Element(ns + "patchVersion")!.Value, CultureInfo.InvariantCulture)),
            Transforms = [.. pipeline.Elements().Where(e => e.Name.Namespace == ns && e.Name.LocalName != "pipelineInfo").Select(e => ReadTransform(e, ns))],
        };
    }

    private static AmfTransform ReadTransform(XElement element, XNamespace ns)
    {
        XNamespace cdl = AmfElements.CdlNamespace;
        var sop = element.Elements().FirstOrDefault(e => e.Name.Namespace == cdl && e.Name.LocalName is "SOPNode" or "ASC_SOP");
        var sat = element.Elements().FirstOrDefault(e => e.Name.Namespace == cdl && e.Name.LocalName is "SatNode" or "ASC_SAT");
        var hash = element.Element(ns + "hash");
        string[] simple = ["description", "hash", "uuid", "file", "transformId"];
        return new AmfTransform
        {
            Element = element.Name.LocalName,
            Applied = element.Attribute("applied") is { } applied ? XmlConvert.ToBoolean(applied.Value) : null,
            Description = element.Element(ns + "description")?.Value,
            Hash = hash is null ? null : new AmfHash(hash.Attribute("algorithm")?.Value ?? string.Empty, hash.Value.Trim()),
            TransformId = element.Element(ns + "transformId")?.Value.Trim(),
            File = element.Element(ns + "file")?.Value.Trim(),
            Uuid = element.Element(ns + "uuid")?.Value.Trim(),
            Parts = [.. element.Elements().Where(e => e.Name.Namespace == ns && !simple.Contains(e.Name.LocalName)).Select(e => ReadTransform(e, ns))],
            Cdl = sop is null && sat is null ? null : new AmfCdl(
                Triple(sop, cdl + "Slope", [1, 1, 1]),
                Triple(sop, cdl + "Offset", [0, 0, 0]),
                Triple(sop, cdl + "Power", [1, 1, 1]),
                sat?.Element(cdl + "Saturation") is { } s ? Number(s.Value) : 1)
            {
                SopElement = sop?.Name.LocalName ?? "SOPNode",
                SatElement = sat?.Name.LocalName ?? "SatNode",
            },
            ColorCorrectionRef = element.Element(cdl + "ColorCorrectionRef")?.Attribute("ref")?.Value,
            Line = ((IXmlLineInfo)element).LineNumber,
        };
    }

    private static double[] Triple(XElement? sop, XName name, double[] fallback)
    {
        if (sop?.Element(name) is not { } element)
        {
            return fallback;
        }

        var values = element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Number).ToArray();
        return values.Length == 3 ? values : throw new FormatException($"line {((IXmlLineInfo)element).LineNumber}: {name.LocalName} has {values.Length} numbers; expected 3.");
    }

    private static double Number(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{text}' is not a finite number.");
}
