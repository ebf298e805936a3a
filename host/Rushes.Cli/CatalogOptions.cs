using System.CommandLine;
using Rushes.Host.Catalog;

namespace Rushes.Cli;

/// <summary>The <c>--catalog</c> option the catalog commands share, and opening the catalog it names.</summary>
public static class CatalogOptions
{
    /// <summary>A new <c>--catalog</c> option for a command.</summary>
    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = $"The catalog: a SQLite file path, or PostgreSQL as postgres://user:password@host:port/db or Host=...;Database=... (default: ${ClipCatalog.EnvironmentVariable}, else ./{ClipCatalog.DefaultFile}).",
    };

    /// <summary>Opens (creating or migrating) the catalog a command names.</summary>
    public static Task<IClipCatalog> OpenAsync(CommandContext context, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ClipCatalog.OpenAsync(ClipCatalog.Resolve(context.ParseResult.GetValue(option)), cancellationToken: context.CancellationToken);
    }
}
