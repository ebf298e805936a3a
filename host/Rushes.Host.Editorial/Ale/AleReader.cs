using System.Text;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Editorial.Ale;

/// <summary>Reads Avid Log Exchange files: tab-delimited Heading, Column and Data sections.</summary>
public static class AleReader
{
    /// <summary>Logs of a whole show stay well under this; larger files are refused before reading.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>Reads a file.</summary>
    public static AleDocument ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException("no such ALE file.", path, null, "an existing .ale file");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InputException($"the file is {info.Length} bytes; an ALE may be at most {MaxFileBytes} bytes.", path, null, $"at most {MaxFileBytes} bytes");
        }

        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses ALE text.</summary>
    public static AleDocument Parse(string text, string name = "<ale>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var heading = new List<KeyValuePair<string, string>>();
        List<string>? columns = null;
        var rows = new List<IReadOnlyList<string>>();
        var section = string.Empty;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.Trim() is "Heading" or "Column" or "Data")
            {
                section = line.Trim();
                continue;
            }

            var cells = line.Split('\t');
            switch (section)
            {
                case "Heading":
                    heading.Add(KeyValuePair.Create(cells[0].Trim(), cells.Length > 1 ? cells[1].Trim() : string.Empty));
                    break;
                case "Column":
                    if (columns is not null)
                    {
                        throw new InputException("a second column line; an ALE has one.", name, $"line {number}", "one tab-separated line of column names after 'Column'");
                    }

                    columns = [.. cells.Select(c => c.Trim())];
                    while (columns.Count > 0 && columns[^1].Length == 0)
                    {
                        columns.RemoveAt(columns.Count - 1);
                    }

                    break;
                case "Data":
                    if (columns is null)
                    {
                        throw new InputException("data before the column names.", name, $"line {number}", "a 'Column' section before 'Data'");
                    }

                    if (cells.Length > columns.Count && cells.Skip(columns.Count).Any(c => c.Trim().Length > 0))
                    {
                        throw new InputException($"the row has {cells.Length} values for {columns.Count} columns.", name, $"line {number}", $"at most {columns.Count} tab-separated values");
                    }

                    rows.Add([.. Enumerable.Range(0, columns.Count).Select(c => c < cells.Length ? cells[c].Trim() : string.Empty)]);
                    break;
                default:
                    throw new InputException($"'{line.Trim()}' comes before any section.", name, $"line {number}", "'Heading', 'Column' or 'Data'");
            }
        }

        return columns is null
            ? throw new InputException("there is no Column section.", name, "Column", "a 'Column' section naming the columns")
            : new AleDocument { Heading = heading, Columns = columns, Rows = rows };
    }
}
