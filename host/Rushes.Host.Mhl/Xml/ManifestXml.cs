using System.Globalization;
using System.Xml.Linq;
using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Model;

namespace Rushes.Host.Mhl.Xml;

/// <summary>Writes and reads ASC MHL manifests (<c>hashlist version="2.0"</c>).</summary>
public static class ManifestXml
{
    private static readonly XNamespace Ns = MhlSchemas.ManifestNamespace;

    /// <summary>The bytes of a manifest, laid out as the reference tool writes them.</summary>
    public static byte[] Write(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var xml = new XmlText("hashlist", ("version", "2.0"), ("xmlns", MhlSchemas.ManifestNamespace));
        WriteCreatorInfo(xml, manifest.CreatorInfo);
        WriteProcessInfo(xml, manifest.ProcessInfo);

        // The XSD needs at least one entry inside <hashes>; an empty list is left out.
        if (manifest.Entries.Count > 0)
        {
            xml.Open("hashes");
            foreach (var entry in manifest.Entries)
            {
                if (entry is FileRecord file)
                {
                    WriteFile(xml, file);
                }
                else
                {
                    WriteDirectory(xml, (DirectoryRecord)entry);
                }
            }

            xml.Close();
        }

        if (manifest.References.Count > 0)
        {
            xml.Open("references");
            foreach (var reference in manifest.References)
            {
                xml.Open("hashlistreference");
                xml.Leaf("path", reference.Path);
                xml.Leaf("c4", reference.C4);
                xml.Close();
            }

            xml.Close();
        }

        return xml.ToBytes();
    }

    private static void WriteCreatorInfo(XmlText xml, CreatorInfo info)
    {
        xml.Open("creatorinfo");
        xml.Leaf("creationdate", MhlDates.Format(info.CreationDate));
        xml.Leaf("hostname", info.HostName);
        xml.Leaf("tool", info.ToolName, ("version", info.ToolVersion));
        foreach (var author in info.Authors)
        {
            xml.Leaf("author", author.Name, ("role", author.Role), ("email", author.Email), ("phone", author.Phone));
        }

        if (info.Location is not null)
        {
            xml.Leaf("location", info.Location);
        }

        if (info.Comment is not null)
        {
            xml.Leaf("comment", info.Comment);
        }

        xml.Close();
    }

    private static void WriteProcessInfo(XmlText xml, ProcessInfo info)
    {
        xml.Open("processinfo");
        xml.Leaf("process", info.Process.Name());
        if (info.RootHash.Count > 0)
        {
            xml.Open("roothash");
            WriteDirectoryHashes(xml, info.RootHash);
            xml.Close();
        }

        if (info.IgnorePatterns.Count > 0)
        {
            xml.Open("ignore");
            foreach (var pattern in info.IgnorePatterns)
            {
                xml.Leaf("pattern", pattern);
            }

            xml.Close();
        }

        xml.Close();
    }

    private static void WriteFile(XmlText xml, FileRecord file)
    {
        xml.Open("hash");
        xml.Leaf("path", file.Path,
            ("size", file.Size?.ToString(CultureInfo.InvariantCulture)),
            ("creationdate", Date(file.CreationDate)),
            ("lastmodificationdate", Date(file.LastModificationDate)));
        foreach (var hash in file.Hashes.OrderBy(h => h.Format))
        {
            xml.Leaf(hash.Format.Name(), hash.Value, ("action", hash.Action?.Name()), ("hashdate", Date(hash.HashDate)));
        }

        if (file.PreviousPath is not null)
        {
            xml.Leaf("previousPath", file.PreviousPath);
        }

        xml.Close();
    }

    private static void WriteDirectory(XmlText xml, DirectoryRecord directory)
    {
        xml.Open("directoryhash");
        xml.Leaf("path", directory.Path,
            ("creationdate", Date(directory.CreationDate)),
            ("lastmodificationdate", Date(directory.LastModificationDate)));
        WriteDirectoryHashes(xml, directory.Hashes);
        if (directory.PreviousPath is not null)
        {
            xml.Leaf("previousPath", directory.PreviousPath);
        }

        xml.Close();
    }

    private static void WriteDirectoryHashes(XmlText xml, IReadOnlyList<DirectoryHash> hashes)
    {
        foreach (var (part, select) in new (string, Func<DirectoryHash, string>)[] { ("content", h => h.Content), ("structure", h => h.Structure) })
        {
            if (hashes.Count == 0)
            {
                xml.Leaf(part, null);
                continue;
            }

            xml.Open(part);
            foreach (var hash in hashes.OrderBy(h => h.Format))
            {
                xml.Leaf(hash.Format.Name(), select(hash), ("hashdate", Date(hash.HashDate)));
            }

            xml.Close();
        }
    }

    private static string? Date(DateTimeOffset? value) => value is { } v ? MhlDates.Format(v) : null;

    /// <summary>Reads and validates a manifest.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="path">The file, for messages.</param>
    public static Manifest Read(byte[] bytes, string path)
    {
        var root = ValidatedXml.Load(bytes, path).Root!;
        if (root.Name != Ns + "hashlist")
        {
            throw new MhlHistoryException(MhlProblem.InvalidDocument, path, $"{path} is not an ASC MHL manifest: its root element is <{root.Name.LocalName}>, expected <hashlist> in {Ns}.");
        }

        var creator = root.Element(Ns + "creatorinfo")!;
        var tool = creator.Element(Ns + "tool")!;
        var creatorInfo = new CreatorInfo(
            MhlDates.Parse(creator.Element(Ns + "creationdate")!.Value),
            creator.Element(Ns + "hostname")!.Value,
            tool.Value,
            (string?)tool.Attribute("version"),
            [.. creator.Elements(Ns + "author").Select(a => new Author(a.Value.Length == 0 ? null : a.Value, (string?)a.Attribute("email"), (string?)a.Attribute("phone"), (string?)a.Attribute("role")))],
            (string?)creator.Element(Ns + "location"),
            (string?)creator.Element(Ns + "comment"));

        var process = root.Element(Ns + "processinfo")!;
        var processInfo = new ProcessInfo(
            MhlNames.ParseProcess(process.Element(Ns + "process")!.Value),
            process.Element(Ns + "roothash") is { } rootHash ? ReadDirectoryHashes(rootHash) : [],
            [.. process.Element(Ns + "ignore")?.Elements(Ns + "pattern").Select(p => p.Value) ?? []]);

        var manifest = new Manifest { CreatorInfo = creatorInfo, ProcessInfo = processInfo };
        foreach (var entry in root.Element(Ns + "hashes")?.Elements() ?? [])
        {
            manifest.Entries.Add(entry.Name.LocalName == "hash" ? ReadFile(entry) : ReadDirectory(entry));
        }

        foreach (var reference in root.Element(Ns + "references")?.Elements(Ns + "hashlistreference") ?? [])
        {
            manifest.References.Add(new ManifestReference(reference.Element(Ns + "path")!.Value, reference.Element(Ns + "c4")!.Value));
        }

        return manifest;
    }

    private static FileRecord ReadFile(XElement entry)
    {
        var path = entry.Element(Ns + "path")!;
        var record = new FileRecord
        {
            Path = path.Value,
            Size = (long?)path.Attribute("size"),
            CreationDate = OptionalDate(path.Attribute("creationdate")),
            LastModificationDate = OptionalDate(path.Attribute("lastmodificationdate")),
            PreviousPath = (string?)entry.Element(Ns + "previousPath"),
        };
        foreach (var element in entry.Elements())
        {
            if (HashFormats.TryParse(element.Name.LocalName) is { } format)
            {
                var action = (string?)element.Attribute("action");
                record.Hashes.Add(new FileHash(format, element.Value.Trim(), action is null ? null : MhlNames.ParseAction(action), OptionalDate(element.Attribute("hashdate"))));
            }
        }

        return record;
    }

    private static DirectoryRecord ReadDirectory(XElement entry)
    {
        var path = entry.Element(Ns + "path")!;
        var record = new DirectoryRecord
        {
            Path = path.Value.TrimEnd('/'),
            CreationDate = OptionalDate(path.Attribute("creationdate")),
            LastModificationDate = OptionalDate(path.Attribute("lastmodificationdate")),
            PreviousPath = (string?)entry.Element(Ns + "previousPath"),
        };
        record.Hashes.AddRange(ReadDirectoryHashes(entry));
        return record;
    }

    private static List<DirectoryHash> ReadDirectoryHashes(XElement parent)
    {
        var content = parent.Element(Ns + "content")!.Elements().ToList();
        var structure = parent.Element(Ns + "structure")!.Elements().ToList();
        var hashes = new List<DirectoryHash>();
        foreach (var element in content)
        {
            var format = HashFormats.Parse(element.Name.LocalName);
            var twin = structure.Find(s => s.Name == element.Name);
            hashes.Add(new DirectoryHash(format, element.Value.Trim(), twin?.Value.Trim() ?? string.Empty, OptionalDate(element.Attribute("hashdate"))));
        }

        return hashes;
    }

    private static DateTimeOffset? OptionalDate(XAttribute? attribute) => attribute is null ? null : MhlDates.Parse(attribute.Value);
}
