using System.Text;

namespace Rushes.Host.Mhl.Xml;

/// <summary>
/// Writes indented XML the way the reference tool's output looks (lxml pretty-print, two spaces, a
/// leaf's text on its own line, empty leaves self-closed), so that generations reproduce byte for byte.
/// </summary>
internal sealed class XmlText
{
    private readonly StringBuilder _text = new();
    private readonly Stack<string> _open = new();

    public XmlText(string rootName, params (string Name, string? Value)[] attributes)
    {
        _text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Open(rootName, attributes);
    }

    private string Indent => new(' ', _open.Count * 2);

    public void Open(string name, params (string Name, string? Value)[] attributes)
    {
        _text.Append(Indent).Append('<').Append(name);
        AppendAttributes(attributes);
        _text.Append(">\n");
        _open.Push(name);
    }

    public void Close()
    {
        var name = _open.Pop();
        _text.Append(Indent).Append("</").Append(name).Append(">\n");
    }

    /// <summary>An element with no children: text, attributes, or neither.</summary>
    public void Leaf(string name, string? text, params (string Name, string? Value)[] attributes)
    {
        _text.Append(Indent).Append('<').Append(name);
        AppendAttributes(attributes);
        if (string.IsNullOrEmpty(text))
        {
            _text.Append("/>\n");
            return;
        }

        _text.Append('>').Append(Escape(text, attribute: false)).Append("</").Append(name).Append(">\n");
    }

    public byte[] ToBytes()
    {
        while (_open.Count > 0)
        {
            Close();
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(_text.ToString());
    }

    private void AppendAttributes((string Name, string? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _text.Append(' ').Append(name).Append("=\"").Append(Escape(value, attribute: true)).Append('"');
            }
        }
    }

    private static string Escape(string value, bool attribute)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                '\n' when attribute => "&#10;",
                '\r' => "&#13;",
                '\t' when attribute => "&#9;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
