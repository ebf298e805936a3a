using System.Text;
using System.Xml;

namespace Rushes.Plugins.Looks.Ops;

/// <summary>UTF-8 XML text for the writers, and the temporary-name-then-rename save every output uses.</summary>
internal static class XmlOutput
{
    public static string Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, IndentChars = "    ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Save(string text, string path)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
