using System.Text;

namespace Rushes.Host.Editorial.Ale;

/// <summary>Writes Avid Log Exchange files (CRLF line ends, as Avid writes them), atomically when to a file.</summary>
public static class AleWriter
{
    /// <summary>The document as ALE text.</summary>
    public static string Write(AleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder();
        builder.Append("Heading\r\n");
        var heading = document.Heading.Any(h => h.Key.Equals("FIELD_DELIM", StringComparison.OrdinalIgnoreCase))
            ? document.Heading
            : [KeyValuePair.Create("FIELD_DELIM", "TABS"), .. document.Heading];
        foreach (var (key, value) in heading)
        {
            builder.Append(Clean(key)).Append('\t').Append(Clean(value)).Append("\r\n");
        }

        builder.Append("\r\nColumn\r\n").AppendJoin('\t', document.Columns.Select(Clean)).Append("\r\n\r\nData\r\n");
        foreach (var row in document.Rows)
        {
            if (row.Count != document.Columns.Count)
            {
                throw new ArgumentException($"a row has {row.Count} values for {document.Columns.Count} columns.", nameof(document));
            }

            builder.AppendJoin('\t', row.Select(Clean)).Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>Writes to a temporary file beside the target, then renames it into place.</summary>
    public static void WriteFile(AleDocument document, string path)
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

    // A tab or line break inside a value would break the table; they become spaces.
    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
