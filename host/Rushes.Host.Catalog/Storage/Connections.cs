using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rushes.Host.Catalog.Storage;

/// <summary>Opening connections and adding parameters, with backend failures turned into catalog errors.</summary>
internal static class Connections
{
    /// <summary>Opens a connection; a server that cannot be reached or a file that is not a catalog is a <see cref="CatalogException"/>.</summary>
    public static async Task<DbConnection> OpenAsync(SqlDialect dialect, CatalogLocation location, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(() => dialect.Connect(location.ConnectionString), cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or ArgumentException or TimeoutException)
        {
            throw Wrap(ex, location);
        }
    }

    /// <summary>A backend failure as a catalog error that says where and what.</summary>
    public static CatalogException Wrap(Exception ex, CatalogLocation location) => location.Backend switch
    {
        CatalogBackend.Sqlite when ex is SqliteException { SqliteErrorCode: 26 } =>
            new CatalogException($"{location.Display} is not a SQLite catalog (SQLite: {ex.Message}).", location.Display, "a SQLite file written by rushes ingest, or a new path", ex),
        CatalogBackend.Sqlite =>
            new CatalogException($"The catalog {location.Display} cannot be opened: {ex.Message}", location.Display, "a SQLite file path this process can read and write", ex),
        _ when ex is NpgsqlException or TimeoutException =>
            new CatalogException($"The PostgreSQL catalog {location.Display} cannot be reached or used: {ex.Message}", location.Display, "a running PostgreSQL server that accepts this connection", ex),
        _ => new CatalogException($"The catalog {location.Display} cannot be used: {ex.Message}", location.Display, "a reachable catalog", ex),
    };

    /// <summary>Adds a named parameter.</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
