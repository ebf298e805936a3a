using System.Text;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>
/// A delimited text table (RFC 4180 quoting: a quoted field may hold the delimiter, line breaks and doubled
/// quotes) with a header row. Values are trimmed: vendors pad them (ARRI's "       0", RED's "SIGMA     ").
/// </summary>
internal sealed class DelimitedTable
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private DelimitedTable(string file, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    /// <summary>The file, for errors.</summary>
    public string File { get; }

    /// <summary>The column names in order (a name may repeat; lookups find the first).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, each as long as the header.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Parses a table; rows of the wrong width are an <see cref="InputException"/> naming the line.</summary>
    public static DelimitedTable Parse(string text, char delimiter, string file)
    {
        var records = Records(text, delimiter, file).ToList();
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrEmpty))
        {
            throw new InputException($"{Path.GetFileName(file)} has no header row.", file, "header", "a header row of column names");
        }

        var header = records[0].Fields;
        var rows = new List<string[]>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InputException($"{Path.GetFileName(file)} line {line} has {fields.Length} fields, but the header has {header.Length}.",
                    file, $"line {line}", $"{header.Length} fields");
            }

            rows.Add(fields);
        }

        return new DelimitedTable(file, header, rows);
    }

    /// <summary>True when the header has the column.</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The column's index; a missing column is an <see cref="InputException"/> naming it.</summary>
    public int Column(string column)
        => _columns.TryGetValue(column, out var index)
            ? index
            : throw new InputException($"{Path.GetFileName(File)} has no '{column}' column.", File, column, $"a '{column}' column in the header");

    /// <summary>The row's value of a column.</summary>
    public string Value(int row, string column) => Rows[row][Column(column)];

    /// <summary>The first data row; a table without one is an <see cref="InputException"/>.</summary>
    public string[] FirstRow()
        => Rows.Count > 0 ? Rows[0] : throw new InputException($"{Path.GetFileName(File)} has a header but no data row.", File, "rows", "at least one data row");

    private static IEnumerable<(int Line, string[] Fields)> Records(string text, char delimiter, string file)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
                yield return (recordLine, fields.ToArray());
                fields.Clear();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (quoted)
        {
            throw new InputException($"{Path.GetFileName(file)} ends inside a quoted field that starts on line {recordLine}.", file, $"line {recordLine}", "a closing quote");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().Trim());
            yield return (recordLine, fields.ToArray());
        }
    }
}
