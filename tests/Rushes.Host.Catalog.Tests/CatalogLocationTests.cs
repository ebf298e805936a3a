using Npgsql;

namespace Rushes.Host.Catalog.Tests;

/// <summary>How a <c>--catalog</c> value picks the backend, and that a password never shows.</summary>
public sealed class CatalogLocationTests
{
    [Fact]
    public void A_postgres_uri_becomes_a_connection_string_shown_without_its_password()
    {
        var location = CatalogLocation.Parse("postgres://rushes:s%40cret@db.example:6543/shoot?sslmode=require&application_name=ingest");

        Assert.Equal(CatalogBackend.Postgres, location.Backend);
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(("db.example", 6543, "shoot", "rushes", "s@cret", SslMode.Require, "ingest"),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode, builder.ApplicationName));
        Assert.Equal("postgres://rushes@db.example:6543/shoot", location.Display);
    }

    [Fact]
    public void A_key_value_string_is_postgres_and_anything_else_a_sqlite_file()
    {
        var keyValue = CatalogLocation.Parse("Host=127.0.0.1;Port=5433;Database=c;Username=u;Password=p");
        Assert.Equal(CatalogBackend.Postgres, keyValue.Backend);
        Assert.Equal("postgres://u@127.0.0.1:5433/c", keyValue.Display);

        var file = CatalogLocation.Parse("shows/host=a;b.db");
        Assert.Equal(CatalogBackend.Sqlite, file.Backend);
        Assert.Equal(Path.GetFullPath("shows/host=a;b.db"), file.Display);
        Assert.Equal(file.Display, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(file.ConnectionString).DataSource);
    }

    [Fact]
    public void A_bad_uri_is_refused_without_echoing_the_password()
    {
        var error = Assert.Throws<CatalogException>(() => CatalogLocation.Parse("postgres://u:hunter2@db/x?nosuchsetting=1"));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nosuchsetting'", error.Message, StringComparison.Ordinal);
    }
}
