using System.Data.Common;

namespace Rushes.Host.Catalog.Storage;

/// <summary>What differs between the SQL of the catalog's backends; everything else is shared.</summary>
internal abstract class SqlDialect
{
    /// <summary>The backend.</summary>
    public abstract CatalogBackend Backend { get; }

    /// <summary>The migrations, in version order; the last one is the schema this code writes.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Creates the version table when it is not there.</summary>
    public abstract string CreateVersionTable { get; }

    /// <summary>Serializes migrations between processes, inside the migration transaction (empty when the transaction already does).</summary>
    public abstract string MigrationLock { get; }

    /// <summary>A parameter holding the document's JSON text, as the document column's type.</summary>
    public abstract string DocumentValue(string parameter);

    /// <summary>The document member at a path as text (null when absent).</summary>
    public abstract string JsonText(string pathParameter);

    /// <summary>The document member at a path as a number (null when absent).</summary>
    public abstract string JsonNumber(string pathParameter);

    /// <summary>The parameter value that names a path inside the document for <see cref="JsonText"/> and <see cref="JsonNumber"/>.</summary>
    public abstract object JsonPath(IReadOnlyList<string> path);

    /// <summary>Opens a connection.</summary>
    public abstract DbConnection Connect(string connectionString);

    /// <summary>The dialect of a backend.</summary>
    public static SqlDialect For(CatalogBackend backend) => backend switch
    {
        CatalogBackend.Sqlite => new SqliteDialect(),
        CatalogBackend.Postgres => new PostgresDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "not a catalog backend"),
    };
}
