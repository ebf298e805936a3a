using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>
/// An Avid Log Exchange file: a "Heading" section of tab-separated name/value lines (FIELD_DELIM, VIDEO_FORMAT, FPS…),
/// a "Column" section with one tab-separated line of column names, and a "Data" section with a row per clip
/// (Avid Media Composer's ALE description). Column names are matched loosely: case, spaces and underscores
/// are ignored ("Sensor_Fps" is "Sensor FPS").
/// </summary>
internal sealed class AleFile
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private AleFile(string file, IReadOnlyDictionary<string, string> heading, IReadOnlyList<string> columns, IReadOnlyList<(int Line, string[] Cells)> rows)
    {
        File = file;
        Heading = heading;
        Columns = columns;
        Rows = rows;
        for (var i = 0; i < columns.Count; i++)
        {
            _columns.TryAdd(Loose(columns[i]), i);
        }
    }

    public string File { get; }

    public IReadOnlyDictionary<string, string> Heading { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data rows with their line numbers, each as wide as <see cref="Columns"/>.</summary>
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    public static AleFile Read(string path) => Parse(SourceFile.ReadText(path), path);

    public static AleFile Parse(string text, string file)
    {
        var name = Path.GetFileName(file);
        var heading = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string[]? columns = null;
        var rows = new List<(int, string[])>();
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
                    heading.TryAdd(cells[0].Trim(), cells.Length > 1 ? cells[1].Trim() : string.Empty);
                    break;
                case "Column" when columns is null:
                    // Avid ends lines with a tab: drop the empty names it leaves.
                    columns = [.. cells.Select(c => c.Trim()).Reverse().SkipWhile(c => c.Length == 0).Reverse()];
                    break;
                case "Column":
                    throw new InputException($"{name} line {number} is a second line of column names; an ALE has one.", file, $"line {number}", "one line of column names after 'Column'");
                case "Data" when columns is null:
                    throw new InputException($"{name} has data before its column names.", file, $"line {number}", "a 'Column' section before 'Data'");
                case "Data":
                    if (cells.Length > columns.Length && cells.Skip(columns.Length).Any(c => c.Trim().Length > 0))
                    {
                        throw new InputException($"{name} line {number} has {cells.Length} values for {columns.Length} columns.", file, $"line {number}", $"at most {columns.Length} tab-separated values");
                    }

                    rows.Add((number, [.. Enumerable.Range(0, columns.Length).Select(c => c < cells.Length ? cells[c].Trim() : string.Empty)]));
                    break;
                default:
                    throw new InputException($"{name} line {number} comes before the 'Heading' line.", file, $"line {number}", "'Heading' as the first line");
            }
        }

        if (columns is null || columns.Length == 0)
        {
            throw new InputException($"{name} has no 'Column' section.", file, "Column", "a 'Column' line followed by the column names");
        }

        if (rows.Count == 0)
        {
            throw new InputException($"{name} has no data rows.", file, "Data", "a 'Data' section with a row per clip");
        }

        return new AleFile(file, heading, columns, rows);
    }

    /// <summary>The index of the first column matching one of <paramref name="names"/>, loosely; -1 when none does.</summary>
    public int Column(params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            if (_columns.TryGetValue(Loose(n), out var index))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The column line of an ALE's first bytes, or null when they are not an ALE's.</summary>
    public static IReadOnlyList<string>? ColumnsOf(string head)
    {
        var lines = head.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0 || lines[0].Trim() != "Heading")
        {
            return null;
        }

        var column = lines.FindIndex(l => l.Trim() == "Column");
        return column >= 0 && column + 1 < lines.Count ? [.. lines[column + 1].Split('\t').Select(c => c.Trim())] : null;
    }

    /// <summary>A column name without case, spaces, underscores or hyphens.</summary>
    public static string Loose(string name)
        => string.Concat(name.Where(c => c is not (' ' or '_' or '-'))).ToUpperInvariant();
}
