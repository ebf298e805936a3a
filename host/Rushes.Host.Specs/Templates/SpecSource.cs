using System.Text;

namespace Rushes.Host.Specs.Templates;

/// <summary>Reads template text with its size bounded before the read.</summary>
internal static class SpecSource
{
    public static string Read(string path, int limit)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SpecException(new SpecIssue("no such file", path), "an existing spec template or spec file");
        }

        if (info.Length > limit)
        {
            throw new SpecException(new SpecIssue($"the file is {info.Length} bytes, over the limit of {limit}", path), $"at most {limit} bytes");
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }
}
