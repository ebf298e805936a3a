using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Rushes.Host.Mhl.Xml;

/// <summary>Loads an ASC MHL document and validates it against the embedded XSDs.</summary>
public static class ValidatedXml
{
    /// <summary>Parses bytes, throwing <see cref="MhlHistoryException"/> (InvalidDocument) with the file, line
    /// and the schema's message when they are not well-formed or not valid.</summary>
    public static XDocument Load(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        if (MhlSchemas.Set is { } schemas)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = schemas;
            settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        }

        settings.ValidationEventHandler += (_, e) =>
        {
            // Warnings are the lax checks of <metadata> (xs:anyType): any content is allowed there. A document
            // in an unknown namespace is caught by the callers' root-element check.
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add($"line {e.Exception.LineNumber}, column {e.Exception.LinePosition}: {e.Message}");
            }
        };

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            if (errors.Count > 0)
            {
                throw new MhlHistoryException(MhlProblem.InvalidDocument, path,
                    $"{path} does not validate against the ASC MHL XSD: {string.Join("; ", errors.Take(5))}");
            }

            return document;
        }
        catch (XmlException ex)
        {
            throw new MhlHistoryException(MhlProblem.InvalidDocument, path, $"{path} is not well-formed XML: {ex.Message}");
        }
    }

    /// <summary>Validation messages for bytes (empty when valid).</summary>
    public static IReadOnlyList<string> Problems(byte[] bytes, string path)
    {
        try
        {
            Load(bytes, path);
            return [];
        }
        catch (MhlHistoryException ex)
        {
            return [ex.Message];
        }
    }
}
