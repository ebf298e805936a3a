using System.Text.RegularExpressions;

namespace Rushes.Host.Mhl.Tree;

/// <summary>Names in a history folder (ASC MHL spec §5.3, §6.3, §7.3).</summary>
public static partial class Layout
{
    /// <summary>The history folder at the root of a managed folder.</summary>
    public const string FolderName = "ascmhl";

    /// <summary>The chain file inside it.</summary>
    public const string ChainFileName = "ascmhl_chain.xml";

    /// <summary>A collection's list of manifests.</summary>
    public const string CollectionFileName = "ascmhl_collection.xml";

    /// <summary>The manifest file extension.</summary>
    public const string Extension = ".mhl";

    /// <summary>A generation's file name: <c>NNNN_&lt;folder&gt;_&lt;YYYY-MM-DD&gt;_&lt;HHMMSS&gt;Z.mhl</c>.</summary>
    public static string GenerationFileName(int number, string folderName, DateTimeOffset start)
        => $"{number:D4}_{folderName}_{Xml.MhlDates.FileStamp(start)}{Extension}";

    /// <summary>The generation number of a manifest file name (reference: stem <c>^\d{4,}(_.+)?$</c>), or null.</summary>
    public static int? GenerationNumber(string fileName)
    {
        if (fileName.StartsWith("._", StringComparison.Ordinal) || !fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var match = StemPattern().Match(Path.GetFileNameWithoutExtension(fileName));
        return match.Success && int.TryParse(match.Groups[1].Value, out var number) ? number : null;
    }

    [GeneratedRegex(@"^(\d{4,})(?:_(.+))?$")]
    private static partial Regex StemPattern();

    /// <summary>A path relative to a folder, '/' separated.</summary>
    public static string Relative(string folder, string path)
        => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
}
