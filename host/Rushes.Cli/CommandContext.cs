using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rushes.Cli;

/// <summary>What a command's action works with: its parse result, its streams and the host's services.</summary>
public sealed class CommandContext(ParseResult parseResult, TextWriter stdout, TextWriter stderr, Func<IHost> hostFactory, CancellationToken cancellationToken)
{
    private readonly Lazy<IHost> _host = new(hostFactory);

    /// <summary>The parsed command line.</summary>
    public ParseResult ParseResult { get; } = parseResult;

    /// <summary>Results go here: one JSON document with --json, or text.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Input piped to the command (the console's stdin unless a caller gives another).</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>Logs, progress and errors go here.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Cancelled on Ctrl+C or SIGTERM.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A service from the host, which starts on first use (plugins load then).</summary>
    public T Get<T>()
        where T : notnull
        => _host.Value.Services.GetRequiredService<T>();

    /// <summary>True when the host was started.</summary>
    internal bool HostStarted => _host.IsValueCreated;

    /// <summary>Stops the host, flushing logs.</summary>
    internal void DisposeHost()
    {
        if (_host.IsValueCreated)
        {
            _host.Value.Dispose();
        }
    }
}
