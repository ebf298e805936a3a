using System.Text;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Ale;

/// <summary>
/// Reads Avid Log Exchange files: a <c>Heading</c> of tab-separated key and value lines (FIELD_DELIM,
/// VIDEO_FORMAT, AUDIO_FORMAT, FPS...), a <c>Column</c> line naming the columns, and <c>Data</c> rows.
/// CRLF or LF line ends; values are kept as written so that a log reads and writes back byte for byte.
/// </summary>
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
            throw new InputException($"no such ALE file: '{path}'.", path, null, "an existing .ale file");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InputException($"the file is {info.Length} bytes; an ALE may be at most {MaxFileBytes} bytes.", path, null, $"at most {MaxFileBytes} bytes");
        }

        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses ALE text; <paramref name="name"/> names it in errors.</summary>
    public static AleDocument Parse(string text, string name = "<ale>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var heading = new List<KeyValuePair<string, string>>();
        List<string>? columns = null;
        var rows = new List<IReadOnlyList<string>>();
        var section = string.Empty;
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            InputException Error(string field, string message, string expected) => new($"{name}, line {number}: {message}", name, $"line {number}: {field}", expected);

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
                    var key = cells[0].Trim();
                    var value = cells.Length > 1 ? cells[1].Trim() : string.Empty;
                    if (cells.Length > 2 && cells.Skip(2).Any(c => c.Trim().Length > 0))
                    {
                        throw Error(key, $"the heading line '{key}' has {cells.Length} values.", "KEY<tab>VALUE");
                    }

                    Check(key, value, Error);
                    heading.Add(KeyValuePair.Create(key, value));
                    break;
                case "Column":
                    if (columns is not null)
                    {
                        throw Error("Column", "a second column line; an ALE has one.", "one tab-separated line of column names after 'Column'");
                    }

                    columns = [.. cells.Select(c => c.Trim())];
                    while (columns.Count > 0 && columns[^1].Length == 0)
                    {
                        columns.RemoveAt(columns.Count - 1);
                    }

                    if (columns.FirstOrDefault(c => c.Length == 0) is not null)
                    {
                        throw Error("Column", "a column has no name.", "tab-separated column names, none empty");
                    }

                    if (columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    {
                        throw Error("Column", $"the column '{twice.Key}' is named twice.", "each column name once (names are case-insensitive)");
                    }

                    break;
                case "Data":
                    if (columns is null)
                    {
                        throw Error("Data", "data before the column names.", "a 'Column' section before 'Data'");
                    }

                    if (cells.Length > columns.Count && cells.Skip(columns.Count).Any(c => c.Length > 0))
                    {
                        throw Error("Data", $"the row has {cells.Length} values for {columns.Count} columns.", $"at most {columns.Count} tab-separated values");
                    }

                    rows.Add([.. Enumerable.Range(0, columns.Count).Select(c => c < cells.Length ? cells[c] : string.Empty)]);
                    break;
                default:
                    throw Error("section", $"'{line.Trim()}' comes before any section.", "'Heading', 'Column' or 'Data'");
            }
        }

        return columns is null
            ? throw new InputException($"{name}: there is no Column section.", name, "Column", "a 'Column' section naming the columns")
            : new AleDocument { Heading = heading, Columns = columns, Rows = rows };
    }

    // The heading keys Avid acts on: anything else is kept as written.
    private static void Check(string key, string value, Func<string, string, string, InputException> error)
    {
        if (key.Equals("FIELD_DELIM", StringComparison.OrdinalIgnoreCase) && !value.Equals("TABS", StringComparison.OrdinalIgnoreCase))
        {
            throw error("FIELD_DELIM", $"FIELD_DELIM is '{value}'; only tab-delimited logs exist.", "FIELD_DELIM<tab>TABS");
        }

        if (key.Equals("FPS", StringComparison.OrdinalIgnoreCase) && !FrameRate.TryParse(value, out _))
        {
            throw error("FPS", $"FPS '{value}' is not a frame rate.", "a rate such as 23.976, 24, 25, 29.97, 59.94");
        }
    }
}
