using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Rushes.Host.Amf.Model;

namespace Rushes.Host.Amf;

/// <summary>Writes AMF v2.0 in the schema's element order, atomically when to a file.</summary>
public static class AmfWriter
{
    private static readonly XNamespace Aces = AmfElements.NamespaceV2;
    private static readonly XNamespace Cdl = AmfElements.CdlNamespace;

    /// <summary>The document as AMF v2.0 XML (a v1.0 document is written as v2.0).</summary>
    public static string Write(AmfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = new XElement(Aces + "acesMetadataFile",
            new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "aces", Aces.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cdl", Cdl.NamespaceName),
            Info("amfInfo", document.Info, null));
        if (document.ClipId is { } clip)
        {
            root.Add(Clip(clip));
        }

        root.Add(Pipeline("pipeline", document.Pipeline));
        foreach (var archived in document.ArchivedPipelines)
        {
            root.Add(Pipeline("archivedPipeline", archived));
        }

        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, IndentChars = "    ", Encoding = Encoding.UTF8, OmitXmlDeclaration = true }))
        {
            root.WriteTo(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + builder.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Writes to a temporary file beside the target, then renames it into place.</summary>
    public static void WriteFile(AmfDocument document, string path)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".rushes-tmp-{Guid.NewGuid():N}-{Path.GetFileName(full)}");
        try
        {
            File.WriteAllText(temp, Write(document), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static XElement Info(string name, AmfInfo info, AmfSystemVersion? version)
    {
        var element = new XElement(Aces + name);
        if (info.Description is not null)
        {
            element.Add(new XElement(Aces + "description", info.Description));
        }

        foreach (var author in info.Authors)
        {
            element.Add(new XElement(Aces + "author", new XElement(Aces + "name", author.Name), new XElement(Aces + "emailAddress", author.EmailAddress)));
        }

        element.Add(new XElement(Aces + "dateTime",
            new XElement(Aces + "creationDateTime", info.DateTime.Created),
            new XElement(Aces + "modificationDateTime", info.DateTime.Modified)));
        element.Add(new XElement(Aces + "uuid", info.Uuid ?? NewUuid()));
        if (version is not null)
        {
            element.Add(new XElement(Aces + "systemVersion",
                new XElement(Aces + "majorVersion", version.Major),
                new XElement(Aces + "minorVersion", version.Minor),
                new XElement(Aces + "patchVersion", version.Patch)));
        }

        return element;
    }

    private static XElement Clip(AmfClipId clip)
    {
        var element = new XElement(Aces + "clipId", new XElement(Aces + "clipName", clip.ClipName));
        if (clip.Sequence is { } s)
        {
            element.Add(new XElement(Aces + "sequence", new XAttribute("idx", s.Idx), new XAttribute("min", s.Min), new XAttribute("max", s.Max), s.Pattern));
        }
        else if (clip.File is not null)
        {
            element.Add(new XElement(Aces + "file", clip.File));
        }
        else if (clip.Uuid is not null)
        {
            element.Add(new XElement(Aces + "uuid", clip.Uuid));
        }

        return element;
    }

    private static XElement Pipeline(string name, AmfPipeline pipeline)
    {
        // v2.0 requires a system version; the ACES 1.3 era default is used when a v1.0 file had none.
        var element = new XElement(Aces + name, Info("pipelineInfo", pipeline.Info, pipeline.SystemVersion ?? new AmfSystemVersion(1, 3, 0)));
        foreach (var transform in pipeline.Transforms)
        {
            element.Add(Transform(transform));
        }

        return element;
    }

    private static XElement Transform(AmfTransform transform)
    {
        var element = new XElement(Aces + transform.Element);
        if (transform.Applied is { } applied)
        {
            element.Add(new XAttribute("applied", applied ? "true" : "false"));
        }

        if (transform.Description is not null)
        {
            element.Add(new XElement(Aces + "description", transform.Description));
        }

        if (transform.Hash is { } hash)
        {
            element.Add(new XElement(Aces + "hash", new XAttribute("algorithm", hash.Algorithm), hash.Value));
        }

        if (transform.ColorCorrectionRef is null)
        {
            if (transform.Uuid is not null)
            {
                element.Add(new XElement(Aces + "uuid", transform.Uuid));
            }

            if (transform.File is not null)
            {
                element.Add(new XElement(Aces + "file", transform.File));
            }

            if (transform.TransformId is not null)
            {
                element.Add(new XElement(Aces + "transformId", transform.TransformId));
            }
        }

        foreach (var part in transform.Parts)
        {
            element.Add(Transform(part));
        }

        if (transform.Cdl is { } cdl)
        {
            element.Add(new XElement(Cdl + cdl.SopElement,
                new XElement(Cdl + "Slope", Triple(cdl.Slope)),
                new XElement(Cdl + "Offset", Triple(cdl.Offset)),
                new XElement(Cdl + "Power", Triple(cdl.Power))));
            element.Add(new XElement(Cdl + cdl.SatElement, new XElement(Cdl + "Saturation", Number(cdl.Saturation))));
        }

        if (transform.ColorCorrectionRef is not null)
        {
            element.Add(new XElement(Cdl + "ColorCorrectionRef", new XAttribute("ref", transform.ColorCorrectionRef)));
            if (transform.File is not null)
            {
                element.Add(new XElement(Aces + "file", transform.File));
            }
        }

        return element;
    }

    private static string Triple(IReadOnlyList<double> values) => string.Join(' ', values.Select(Number));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A fresh <c>urn:uuid:</c>.</summary>
    public static string NewUuid() => $"urn:uuid:{Guid.NewGuid()}";
}
