using Npgsql;

namespace Rushes.Host.Catalog;

/// <summary>Where a catalog lives.</summary>
public enum CatalogBackend
{
    /// <summary>An embedded SQLite database in one file: the default, for one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: a catalog shared by several machines.</summary>
    Postgres,
}

/// <summary>
/// A catalog named on the command line: <c>postgres://user:password@host:port/db</c> or a key/value connection
/// string (<c>Host=...;Database=...</c>) for PostgreSQL, anything else a SQLite file path.
/// </summary>
public sealed partial record CatalogLocation(CatalogBackend Backend, string ConnectionString, string Display)
{
    /// <summary>Reads a <c>--catalog</c> value.</summary>
    public static CatalogLocation Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CatalogException("The catalog is not named.", text ?? string.Empty, "a SQLite file path, postgres://user@host/db, or Host=...;Database=...");
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUri(text);
        }

        if (KeyValueForm().IsMatch(text))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException ex)
            {
                throw new CatalogException($"'{Redact(text)}' is not a PostgreSQL connection string: {ex.Message}", Redact(text), "Host=...;Database=...;Username=...");
            }

            return new CatalogLocation(CatalogBackend.Postgres, builder.ConnectionString, Describe(builder));
        }

        var path = Path.GetFullPath(text);
        return new CatalogLocation(CatalogBackend.Sqlite, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path }.ConnectionString, path);
    }

    // RFC 3986 URI, as libpq reads it (PostgreSQL docs §34.1.1): user:password@host:port/dbname?key=value.
    private static CatalogLocation FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new CatalogException($"'{Redact(text)}' is not a PostgreSQL URI.", Redact(text), "postgres://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                // libpq's names where Npgsql knows them under another (sslmode → SSL Mode, connect_timeout → Timeout).
                builder[key switch { "sslmode" => "SSL Mode", "connect_timeout" => "Timeout", "application_name" => "Application Name", _ => key }] = value;
            }
            catch (ArgumentException)
            {
                throw new CatalogException($"'{key}' in '{Redact(text)}' is not a connection setting PostgreSQL clients know.", Redact(text), "sslmode, connect_timeout, application_name, or an Npgsql setting");
            }
        }

        return new CatalogLocation(CatalogBackend.Postgres, builder.ConnectionString, Describe(builder));
    }

    private static string Describe(NpgsqlConnectionStringBuilder builder)
        => $"postgres://{(string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";

    // Never echo a password back in an error.
    private static string Redact(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && at > scheme)
        {
            return text[..(scheme + 3)] + "…@" + text[(at + 1)..];
        }

        return System.Text.RegularExpressions.Regex.Replace(text, "(?i)(password|pwd)=[^;]*", "$1=…");
    }

    // An Npgsql connection string names its server first or anywhere as Host= or Server= between semicolons.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(^|;)\s*(host|server)\s*=")]
    private static partial System.Text.RegularExpressions.Regex KeyValueForm();
}
