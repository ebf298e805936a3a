using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Rushes.Host.Catalog.Storage;

/// <summary>SQLite 3 (the JSON1 functions are built in since 3.38): the embedded catalog.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override CatalogBackend Backend => CatalogBackend.Sqlite;

    public override string CreateVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction) already takes the write lock.
    public override string MigrationLock => string.Empty;

    public override IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "clips: the normalized v1 document with its search columns",
        [
            """
            CREATE TABLE clips (
                identity TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                card TEXT,
                name TEXT NOT NULL,
                format TEXT NOT NULL,
                reel TEXT,
                camera_letter TEXT,
                camera_make TEXT,
                camera_model TEXT,
                camera_serial TEXT,
                frame_first INTEGER,
                frame_last INTEGER,
                frame_count INTEGER,
                fps_num INTEGER,
                fps_den INTEGER,
                fps REAL,
                tc_rate_num INTEGER,
                tc_rate_den INTEGER,
                tc_drop_frame INTEGER,
                tc_in_frames INTEGER,
                tc_out_frames INTEGER,
                format_key TEXT NOT NULL,
                fk_letter TEXT NOT NULL,
                fk_model TEXT NOT NULL,
                fk_sensor_mode TEXT NOT NULL,
                fk_codec TEXT NOT NULL,
                fk_squeeze TEXT NOT NULL,
                document TEXT NOT NULL CHECK (json_valid(document)),
                content_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX clips_reel_timecode ON clips (reel, tc_rate_num, tc_rate_den, tc_drop_frame, tc_in_frames, tc_out_frames)",
            "CREATE INDEX clips_camera_letter ON clips (camera_letter)",
            "CREATE INDEX clips_camera_model ON clips (camera_model)",
            "CREATE INDEX clips_camera_serial ON clips (camera_serial)",
            "CREATE INDEX clips_format_key ON clips (format_key)",
            "CREATE INDEX clips_card ON clips (card)",
        ]),
    ];

    public override string DocumentValue(string parameter) => parameter;

    // json_extract gives JSON true/false as 1/0; spelled out, they read as PostgreSQL's #>> writes them.
    public override string JsonText(string pathParameter)
        => $"(CASE json_type(document, {pathParameter}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(json_extract(document, {pathParameter}) AS TEXT) END)";

    public override string JsonNumber(string pathParameter) => $"json_extract(document, {pathParameter})";

    // SQLite JSON path syntax: $.key.key (segments are checked to be plain identifiers before they get here).
    public override object JsonPath(IReadOnlyList<string> path) => "$." + string.Join('.', path);

    public override DbConnection Connect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // Readers never block the one writer, and a second writer waits instead of failing at once.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
