namespace Rushes.Testing;

/// <summary>
/// Finds the third-party conformance data: $RUSHES_CONFORMANCE, else a <c>shared/conformance</c> folder
/// above the test binaries (the layout of a clone beside the shared data, as in CI).
/// </summary>
public static class ConformanceData
{
    /// <summary>The environment variable that overrides the location.</summary>
    public const string Variable = "RUSHES_CONFORMANCE";

    /// <summary>The conformance root folder.</summary>
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
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "conformance");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"No shared/conformance folder above {AppContext.BaseDirectory}; set {Variable} to it.");
        }
    }

    /// <summary>A path inside the conformance root, e.g. <c>Path("mhl", "xsd")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
