using System.Xml;
using System.Xml.Schema;

namespace Rushes.Host.Mhl.Xml;

/// <summary>
/// The ASC MHL XSDs as one schema set. They are embedded at build time from the conformance data (MIT);
/// a build without them still reads and writes MHL, checking well-formedness only, and says so through
/// <see cref="IsAvailable"/>.
/// </summary>
public static class MhlSchemas
{
    /// <summary>The manifest namespace.</summary>
    public const string ManifestNamespace = "urn:ASC:MHL:v2.0";

    /// <summary>The chain and collection namespace.</summary>
    public const string DirectoryNamespace = "urn:ASC:MHL:DIRECTORY:v2.0";

    private static readonly Lazy<XmlSchemaSet?> LazySet = new(Build);

    /// <summary>Both schemas, compiled, or null when the build had none. The directory schema's import of the
    /// manifest schema (an https URL) resolves to the embedded copy: nothing is fetched.</summary>
    public static XmlSchemaSet? Set => LazySet.Value;

    /// <summary>True when the XSDs are built in and every document read or written is validated.</summary>
    public static bool IsAvailable => LazySet.Value is not null;

    /// <summary>The bytes of an embedded schema: <c>ASCMHL.xsd</c> or <c>ASCMHLDirectory.xsd</c>.</summary>
    public static byte[] Embedded(string name)
    {
        using var stream = typeof(MhlSchemas).Assembly.GetManifestResourceStream($"Rushes.Host.Mhl.{name}")
            ?? throw new FileNotFoundException($"No embedded schema '{name}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static XmlSchemaSet? Build()
    {
        if (typeof(MhlSchemas).Assembly.GetManifestResourceInfo("Rushes.Host.Mhl.ASCMHL.xsd") is null)
        {
            return null;
        }

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
