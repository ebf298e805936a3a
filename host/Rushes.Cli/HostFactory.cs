using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Rushes.Host.Clips;
using Rushes.Host.Colour;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;

namespace Rushes.Cli;

/// <summary>
/// Builds the Microsoft.Extensions host behind every command: settings from appsettings.json beside
/// the executable, then --config, then RUSHES_* environment variables, then --set; logs to stderr.
/// </summary>
public static class HostFactory
{
    /// <summary>The prefix of environment variables read as settings (RUSHES_Plugins__AllowList=...).</summary>
    public const string EnvironmentPrefix = "RUSHES_";

    /// <summary>Builds the host for a parsed command line.</summary>
    public static IHost Build(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "rushes",
        });

        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (parse.GetValue(GlobalOptions.Config) is { } configFile)
        {
            if (!File.Exists(configFile))
            {
                throw new CliException(ExitCodes.Environment, $"Settings file '{configFile}' does not exist.", configFile, "--config", "an existing JSON file");
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(ParseSettings(parse.GetValue(GlobalOptions.Set) ?? []));

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (parse.GetValue(GlobalOptions.Verbose))
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter(null, LogLevel.Debug);
        }

        var extraPluginPaths = parse.GetValue(GlobalOptions.Plugins) ?? [];
        builder.Services.AddOptions<PluginOptions>()
            .Bind(builder.Configuration.GetSection(PluginOptions.Section))
            .PostConfigure(o => o.Paths.AddRange(extraPluginPaths));
        builder.Services.AddSingleton<IPluginLoader, IsolatedPluginLoader>();
        builder.Services.AddSingleton<PluginManager>();
        builder.Services.AddSingleton<PluginGuard>();
        builder.Services.AddSingleton<CameraFormatRegistry>();
        builder.Services.AddSingleton<ClipDiscovery>();
        builder.Services.AddSingleton<ClipInspector>();
        builder.Services.AddSingleton<ColourTransformRegistry>();
        builder.Services.AddSingleton<ColourProcessorCompiler>();
        return builder.Build();
    }

    private static Dictionary<string, string?> ParseSettings(IEnumerable<string> pairs)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException(ExitCodes.Usage, $"'{pair}' is not a setting.", field: "--set", expected: "KEY=VALUE, such as Plugins:AllowList=allow.json");
            }

            settings[pair[..eq].Trim()] = pair[(eq + 1)..];
        }

        return settings;
    }
}
