using System.Text;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// Quotes a value for a filter option inside an ffmpeg filtergraph, which reads it twice (ffmpeg's documentation,
/// "Quoting and escaping" in ffmpeg-utils and "Notes on filtergraph escaping" in ffmpeg-filters): once to split
/// the graph into filters, once to split a filter's arguments into options.
/// </summary>
internal static class FilterText
{
    /// <summary>The value, taken literally by both readings, whatever it holds (<c>:</c>, <c>'</c>, <c>\</c>, <c>,</c>, spaces).</summary>
    public static string Quote(string value)
    {
        // Option level: inside '...' everything is literal up to the next quote; a quote itself closes the
        // quoted run, is escaped as \' and the run reopens. Quoting also keeps leading and trailing spaces.
        var option = "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

        // Graph level: these characters split or quote the graph, so each is escaped with a backslash, which
        // this reading removes, handing the option level the text above.
        var graph = new StringBuilder(option.Length + 16);
        foreach (var c in option)
        {
            if (c is '\\' or '\'' or '[' or ']' or ',' or ';')
            {
                graph.Append('\\');
            }

            graph.Append(c);
        }

        return graph.ToString();
    }
}
