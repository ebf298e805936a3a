using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Rushes.Host.Catalog.Tests;

/// <summary>
/// A private PostgreSQL 15 cluster for the catalog tests: initdb in a temporary folder, started with pg_ctl on a free
/// loopback port, stopped and deleted on dispose. PostgreSQL refuses to run as root (CI runs as root), so there it runs
/// as the <c>postgres</c> user, which owns the folder. Each test asks for its own database.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly string[] BinFolders = ["/usr/lib/postgresql/15/bin"];

    private readonly string _root;
    private readonly string _bin;
    private readonly bool _asPostgresUser = Environment.UserName == "root";

    public PostgresServer()
    {
        _bin = Environment.GetEnvironmentVariable("RUSHES_PG_BIN") is { Length: > 0 } bin ? bin
            : BinFolders.Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : [])
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin. "
                + "The catalog tests need a real server; install the Debian package 'postgresql' (as .ci/run does) or set RUSHES_PG_BIN.");
        _root = Path.Combine(Path.GetTempPath(), "rushes-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_root);
        if (_asPostgresUser)
        {
            Run("chown", ["postgres", _root], asPostgres: false);
        }

        var data = Path.Combine(_root, "data");
        Port = FreePort();
        Run(Path.Combine(_bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"]);
    }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>A new empty database on the server, as a key/value connection string.</summary>
    public string CreateDatabase()
    {
        var name = "catalog_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, string[] arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && _asPostgresUser ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        if (asPostgres && _asPostgresUser)
        {
            foreach (var part in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException($"The test PostgreSQL server could not be set up: {Path.GetFileName(program)} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}{output.Result}"
                + (File.Exists(log) ? "\nserver.log:\n" + File.ReadAllText(log) : string.Empty));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
