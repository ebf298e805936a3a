using System.Xml;
using System.Xml.Linq;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>Loads sidecar XML safely (no DTDs, no external entities), with line numbers for errors.</summary>
internal static class XmlSource
{
    public static XDocument Load(string path)
    {
        var text = SourceFile.ReadText(path);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new InputException($"{Path.GetFileName(path)} is not well-formed XML: {ex.Message}", path, $"line {ex.LineNumber}, column {ex.LinePosition}", "well-formed XML", ex);
        }
    }

    /// <summary>The element's line, for errors.</summary>
    public static string Where(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}" : "the document";
}
