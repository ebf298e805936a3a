using System.Xml;
using System.Xml.Schema;

namespace Rushes.Host.Mhl.Xml;

/// <summary>The ASC MHL XSDs, embedded in this assembly, as one schema set.</summary>
public static class MhlSchemas
{
    /// <summary>The manifest namespace.</summary>
    public const string ManifestNamespace = "urn:ASC:MHL:v2.0";

    /// <summary>The chain and collection namespace.</summary>
    public const string DirectoryNamespace = "urn:ASC:MHL:DIRECTORY:v2.0";

    private static readonly Lazy<XmlSchemaSet> LazySet = new(Build);

    /// <summary>Both schemas, compiled. The directory schema's import of the manifest schema (an https URL)
    /// resolves to the embedded copy: nothing is fetched.</summary>
    public static XmlSchemaSet Set => LazySet.Value;

    /// <summary>The bytes of an embedded schema: <c>ASCMHL.xsd</c> or <c>ASCMHLDirectory.xsd</c>.</summary>
    public static byte[] Embedded(string name)
    {
        using var stream = typeof(MhlSchemas).Assembly.GetManifestResourceStream($"Rushes.Host.Mhl.{name}")
            ?? throw new FileNotFoundException($"No embedded schema '{name}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static XmlSchemaSet Build()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var name in new[] { "ASCMHL.xsd", "ASCMHLDirectory.xsd" })
        {
            using var stream = new MemoryStream(Embedded(name));
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, (_, e) => throw new InvalidOperationException($"Embedded {name}: {e.Message}"))!);
        }

        set.Compile();
        return set;
    }
}
