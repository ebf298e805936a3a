using Rushes.Cli;

namespace Rushes.Host.Tests;

/// <summary>Runs the rushes command line in-process, capturing what it prints.</summary>
public static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the command line with <paramref name="stdin"/> as its standard input.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None, input);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Arguments that load only the given plugins folder.</summary>
    public static string[] WithPlugins(string folder, params string[] args)
        => [.. args, "--plugins", folder, "--set", "Plugins:IncludeBundled=false"];
}
