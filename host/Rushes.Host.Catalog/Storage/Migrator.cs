using System.Data.Common;
using System.Globalization;

namespace Rushes.Host.Catalog.Storage;

/// <summary>
/// Brings a catalog's schema to the latest version: each missing migration's steps and its schema_version row in one
/// transaction, so a failed step leaves the catalog at the version before it.
/// </summary>
internal sealed class Migrator(SqlDialect dialect, CatalogLocation location, TimeProvider time)
{
    /// <summary>Applies what is missing and returns the version the catalog is at.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var latest = dialect.Migrations[^1].Version;
        await using var connection = await Connections.OpenAsync(dialect, location, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect.MigrationLock.Length > 0)
        {
            await Execute(connection, transaction, dialect.MigrationLock, cancellationToken);
        }

        await Execute(connection, transaction, dialect.CreateVersionTable, cancellationToken);
        var current = await CurrentAsync(connection, transaction, cancellationToken);
        if (current > latest)
        {
            throw new CatalogException(
                $"The catalog {location.Display} is at schema version {current}, newer than this Rushes knows (up to {latest}); it was written by a newer Rushes. Upgrade Rushes to use it; it was not changed.",
                location.Display, $"a catalog at schema version {latest} or earlier");
        }

        foreach (var migration in dialect.Migrations.Where(m => m.Version > current))
        {
            foreach (var step in migration.Steps)
            {
                await Execute(connection, transaction, step, cancellationToken);
            }

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @applied)";
            Connections.Add(record, "@version", migration.Version);
            Connections.Add(record, "@description", migration.Description);
            Connections.Add(record, "@applied", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Math.Max(current, latest);
    }

    /// <summary>The highest version recorded, 0 for a new catalog.</summary>
    internal static async Task<int> CurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
