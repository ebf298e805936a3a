namespace Rushes.Host.Tests;

/// <summary>Finds the repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PluginHost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No PluginHost.sln above {AppContext.BaseDirectory}.");
    }
}
