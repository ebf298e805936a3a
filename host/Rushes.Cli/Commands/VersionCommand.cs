using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Rushes.Host;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes version</c>: the host and contracts versions, and the runtime.</summary>
public static class VersionCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = GlobalOptions.Json();
        var command = new Command("version", "Show the versions of rushes, its plugin contracts and the .NET runtime.") { json };
        command.SetAction(run(context =>
        {
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["version"] = HostInfo.Version.ToString(),
                    ["contractsVersion"] = HostInfo.ContractsVersion.ToString(),
                    ["runtime"] = RuntimeInformation.FrameworkDescription,
                    ["os"] = RuntimeInformation.RuntimeIdentifier,
                });
            }
            else
            {
                context.Out.WriteLine($"rushes {HostInfo.Version} (contracts {HostInfo.ContractsVersion}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier})");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
