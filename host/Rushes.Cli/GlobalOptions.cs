using System.CommandLine;

namespace Rushes.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    /// <summary>Debug logging, and stack traces with errors.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log in detail to stderr, and show stack traces with errors.",
        Recursive = true,
    };

    /// <summary>Extra plugin folders.</summary>
    public static Option<string[]> Plugins { get; } = new("--plugins")
    {
        Description = "A folder of plugin folders to search, after the bundled one (repeatable).",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>An extra settings file.</summary>
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "A JSON settings file, applied over appsettings.json and under the environment.",
        Recursive = true,
    };

    /// <summary>Single settings.</summary>
    public static Option<string[]> Set { get; } = new("--set")
    {
        Description = "Set one setting, KEY=VALUE with ':' between sections, e.g. Plugins:AllowList=allow.json (repeatable; wins over everything).",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Machine-readable output; each command that supports it adds its own instance.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Write one JSON document to stdout instead of text." };
}
