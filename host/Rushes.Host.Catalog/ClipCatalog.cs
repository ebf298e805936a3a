using Rushes.Host.Catalog.Storage;

namespace Rushes.Host.Catalog;

/// <summary>Opens catalogs.</summary>
public static class ClipCatalog
{
    /// <summary>The environment variable naming the default catalog.</summary>
    public const string EnvironmentVariable = "RUSHES_CATALOG";

    /// <summary>The catalog file used when none is named: in the working folder.</summary>
    public const string DefaultFile = "rushes-catalog.db";

    /// <summary>The catalog to use: the one named, else $RUSHES_CATALOG, else ./rushes-catalog.db.</summary>
    public static CatalogLocation Resolve(string? named)
        => CatalogLocation.Parse(!string.IsNullOrWhiteSpace(named) ? named
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultFile);

    /// <summary>
    /// Opens a catalog, creating it if it is new and bringing its schema up to date. Refuses a catalog written by a
    /// newer Rushes (a schema version this code does not know) rather than touch it.
    /// </summary>
    public static async Task<IClipCatalog> OpenAsync(CatalogLocation location, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var dialect = SqlDialect.For(location.Backend);
        var version = await new Migrator(dialect, location, time ?? TimeProvider.System).MigrateAsync(cancellationToken);
        return new SqlClipCatalog(dialect, location, version, time ?? TimeProvider.System);
    }

    /// <summary>The schema version this code writes.</summary>
    public static int CurrentVersion(CatalogBackend backend) => SqlDialect.For(backend).Migrations[^1].Version;
}
