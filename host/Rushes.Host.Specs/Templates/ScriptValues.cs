using System.Collections;
using System.Globalization;
using Scriban.Runtime;

namespace Rushes.Host.Specs.Templates;

/// <summary>Turns job variables (strings, numbers, booleans, dictionaries, lists) into Scriban values.</summary>
internal static class ScriptValues
{
    public static ScriptObject ToScriptObject(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var script = new ScriptObject(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            script.SetValue(key, Convert(value), readOnly: true);
        }

        return script;
    }

    private static object? Convert(object? value) => value switch
    {
        null => null,
        string or bool => value,
        int or long or double or decimal => value,
        float f => (double)f,
        IEnumerable<KeyValuePair<string, object?>> map => ToScriptObject(map),
        IEnumerable<KeyValuePair<string, string>> map => ToScriptObject(map.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value))),
        IEnumerable list => ToArray(list),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ScriptArray ToArray(IEnumerable list)
    {
        var array = new ScriptArray();
        foreach (var item in list)
        {
            array.Add(Convert(item));
        }

        return array;
    }
}
