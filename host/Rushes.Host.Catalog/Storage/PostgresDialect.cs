using System.Data.Common;
using Npgsql;

namespace Rushes.Host.Catalog.Storage;

/// <summary>PostgreSQL (11 and later; the tests run 15): the shared catalog.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override CatalogBackend Backend => CatalogBackend.Postgres;

    public override string CreateVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    // A transaction-scoped advisory lock: two ingests starting at once migrate one after the other.
    // The key is any fixed 64-bit number, the same in every Rushes ("RUSHCTLG" in ASCII).
    public override string MigrationLock => "SELECT pg_advisory_xact_lock(5932460458140505927)";

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
                frame_first BIGINT,
                frame_last BIGINT,
                frame_count BIGINT,
                fps_num BIGINT,
                fps_den BIGINT,
                fps DOUBLE PRECISION,
                tc_rate_num BIGINT,
                tc_rate_den BIGINT,
                tc_drop_frame BOOLEAN,
                tc_in_frames BIGINT,
                tc_out_frames BIGINT,
                format_key TEXT NOT NULL,
                fk_letter TEXT NOT NULL,
                fk_model TEXT NOT NULL,
                fk_sensor_mode TEXT NOT NULL,
                fk_codec TEXT NOT NULL,
                fk_squeeze TEXT NOT NULL,
                document JSONB NOT NULL,
                content_hash TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
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

    public override string DocumentValue(string parameter) => $"CAST({parameter} AS jsonb)";

    // #>> takes the path as a text array and returns the member as text: jsonb ->> one level at a time.
    public override string JsonText(string pathParameter) => $"(document #>> {pathParameter})";

    public override string JsonNumber(string pathParameter) => $"CAST(document #>> {pathParameter} AS NUMERIC)";

    public override object JsonPath(IReadOnlyList<string> path) => path.ToArray();

    public override DbConnection Connect(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}
