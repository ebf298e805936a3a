using System.Xml;
using System.Xml.Schema;

namespace Rushes.Host.Amf;

/// <summary>The Academy's AMF v2.0 XSD and its imports, built in at build time from the conformance data.</summary>
internal static class AmfSchemas
{
    private static readonly Lazy<XmlSchemaSet?> Set = new(Load);

    /// <summary>The compiled set, or null when the build had no XSDs (then only the checks in code run).</summary>
    public static XmlSchemaSet? V2 => Set.Value;

    private static XmlSchemaSet? Load()
    {
        var assembly = typeof(AmfSchemas).Assembly;
        string[] files = ["xmldsig-core-schema.xsd", "st433b-2008-am1-2011.xsd", "ASC-CDL_schema_v1.01.xsd", "acesMetadataFile.xsd"];
        if (assembly.GetManifestResourceInfo("amf.acesMetadataFile.xsd") is null)
        {
            return null;
        }

        // Imports are satisfied by adding every schema ourselves: nothing is fetched from anywhere.
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var file in files)
        {
            using var stream = assembly.GetManifestResourceStream("amf." + file)!;

            // The W3C's xmldsig schema starts with a DOCTYPE; these are our own trusted resources.
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, null)!);
        }

        set.Compile();
        return set;
    }
}
