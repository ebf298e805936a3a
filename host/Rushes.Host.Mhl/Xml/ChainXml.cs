using System.Globalization;
using System.Xml.Linq;
using Rushes.Host.Mhl.Model;

namespace Rushes.Host.Mhl.Xml;

/// <summary>Writes and reads <c>ascmhl_chain.xml</c> (and collection files, which share its schema).</summary>
public static class ChainXml
{
    private static readonly XNamespace Ns = MhlSchemas.DirectoryNamespace;

    /// <summary>The bytes of a chain, laid out as the reference tool writes them.</summary>
    public static byte[] Write(IEnumerable<ChainEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var xml = new XmlText("ascmhldirectory", ("xmlns", MhlSchemas.DirectoryNamespace));
        foreach (var entry in entries)
        {
            xml.Open("hashlist", ("sequencenr", entry.SequenceNumber.ToString(CultureInfo.InvariantCulture)));
            xml.Leaf("path", entry.Path);
            xml.Leaf("c4", entry.C4);
            xml.Close();
        }

        return xml.ToBytes();
    }

    /// <summary>Reads and validates a chain.</summary>
    public static IReadOnlyList<ChainEntry> Read(byte[] bytes, string path)
    {
        var root = ValidatedXml.Load(bytes, path).Root!;
        if (root.Name != Ns + "ascmhldirectory")
        {
            throw new MhlHistoryException(MhlProblem.InvalidDocument, path, $"{path} is not an ASC MHL chain: its root element is <{root.Name.LocalName}>, expected <ascmhldirectory> in {Ns}.");
        }

        var entries = new List<ChainEntry>();
        foreach (var element in root.Elements(Ns + "hashlist"))
        {
            var number = (string?)element.Attribute("sequencenr");
            if (number is null || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                throw new MhlHistoryException(MhlProblem.InvalidDocument, path, $"{path}: a <hashlist> has sequencenr '{number}', expected a positive whole number.");
            }

            entries.Add(new ChainEntry(sequence, element.Element(Ns + "path")!.Value, element.Element(Ns + "c4")!.Value.Trim()));
        }

        return entries;
    }
}
