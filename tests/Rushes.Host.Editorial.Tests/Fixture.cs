namespace Rushes.Host.Editorial.Tests;

/// <summary>The files under Fixtures/, copied beside the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
