using System.Text.Json;
using Rushes.Host.Fdl.Model;

namespace Rushes.Host.Fdl;

/// <summary>Writes FDL documents as UTF-8 JSON, atomically when to a file.</summary>
public static class FdlWriter
{
    /// <summary>The document as indented JSON.</summary>
    public static string Write(FdlDocument document) => JsonSerializer.Serialize(document, FdlJson.Options) + "\n";

    /// <summary>Writes to a temporary file beside the target, then renames it into place.</summary>
    public static void WriteFile(FdlDocument document, string path)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".rushes-tmp-{Guid.NewGuid():N}-{Path.GetFileName(full)}");
        try
        {
            File.WriteAllText(temp, Write(document));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
