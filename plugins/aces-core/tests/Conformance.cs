namespace Rushes.Plugins.AcesCore.Tests;

/// <summary>Finds the shared conformance data: $RUSHES_CONFORMANCE, else a shared/conformance folder above the test binaries.</summary>
internal static class Conformance
{
    public const string Variable = "RUSHES_CONFORMANCE";

    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Directory.Exists(fromEnvironment)
                    ? fromEnvironment
                    : throw new DirectoryNotFoundException($"{Variable} names '{fromEnvironment}', which does not exist.");
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "conformance");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"No shared/conformance folder above {AppContext.BaseDirectory}; set {Variable} to it.");
        }
    }
}
