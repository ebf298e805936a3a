namespace Rushes.Host.Specs.Tests;

/// <summary>The repository's shipped specs, found from the test's own source location.</summary>
internal static class SpecFolders
{
    public static string Shipped { get; } = Find();

    public static Dictionary<string, object?> StandardVariables(params (string Key, object? Value)[] extra)
    {
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["show"] = "ABC",
            ["shot"] = "ABC_101_010_020",
        };
        foreach (var (key, value) in extra)
        {
            vars[key] = value;
        }

        return new Dictionary<string, object?>(vars) { ["vars"] = vars };
    }

    private static string Find([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "templates", "specs")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("templates/specs"), "templates", "specs");
    }
}
