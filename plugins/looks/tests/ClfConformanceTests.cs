namespace Rushes.Plugins.Looks.Tests;

public sealed class ClfConformanceTests
{
    private static readonly string[] LegalFolders = ["", "pre-smpte_only", "smpte_only"];

    /// <summary>Every legal CLF file, relative to the conformance clf folder, in ordinal order.</summary>
    public static IEnumerable<string> LegalFiles()
        => LegalFolders
            .SelectMany(folder => Directory.GetFiles(Looks.Color("clf", folder), "*.clf").Select(f => Path.Combine(folder, Path.GetFileName(f))))
            .Order(StringComparer.Ordinal);
}
