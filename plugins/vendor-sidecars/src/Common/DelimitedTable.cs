using System.Buffers;
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
        // Runs of plain characters are copied whole: a per-frame table is hundreds of kilobytes.
        var special = SearchValues.Create([delimiter, '"', '\r', '\n']);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        while (i < text.Length)
        {
            var run = text.AsSpan(i).IndexOfAny(special);
            if (run < 0)
            {
                field.Append(text.AsSpan(i));
                break;
            }

            var c = text[i + run];
            if (field.Length == 0 && c != '"')
            {
                // The common field: one plain run, cut straight from the text.
                fields.Add(text.AsSpan(i, run).Trim().ToString());
                i += run;
                if (c == delimiter)
                {
                    i++;
                    continue;
                }

                yield return (recordLine, fields.ToArray());
                fields.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
                continue;
            }

            field.Append(text.AsSpan(i, run));
            i += run;
            if (c == '"')
            {
                if (IsBlank(field))
                {
                    field.Clear();
                    i = Quoted(text, i + 1, field, ref line, recordLine, file);
                    continue;
                }

                field.Append(c);
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
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

            i++;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().Trim());
            yield return (recordLine, fields.ToArray());
        }
    }

    /// <summary>Reads a quoted field's content from <paramref name="start"/> (after its opening quote); returns the index after its closing quote.</summary>
    private static int Quoted(string text, int start, StringBuilder field, ref int line, int recordLine, string file)
    {
        var i = start;
        while (true)
        {
            var quote = text.IndexOf('"', i);
            if (quote < 0)
            {
                throw new InputException($"{Path.GetFileName(file)} ends inside a quoted field that starts on line {recordLine}.", file, $"line {recordLine}", "a closing quote");
            }

            var content = text.AsSpan(i, quote - i);
            line += content.Count('\n');
            field.Append(content);
            if (quote + 1 < text.Length && text[quote + 1] == '"')
            {
                field.Append('"');
                i = quote + 2;
                continue;
            }

            return quote + 1;
        }
    }

    private static bool IsBlank(StringBuilder field)
    {
        foreach (var chunk in field.GetChunks())
        {
            if (!chunk.Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}
