using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Rushes.Contracts.Time;
using Rushes.Host.Metadata;

namespace Rushes.Host.Catalog.Storage;

/// <summary>The catalog on any SQL backend; the dialect holds what differs.</summary>
internal sealed class SqlClipCatalog(SqlDialect dialect, CatalogLocation location, int version, TimeProvider time) : IClipCatalog
{
    private const string Columns =
        "identity, path, card, name, format, reel, camera_letter, camera_make, camera_model, camera_serial, frame_first, frame_last, "
        + "fps_num, fps_den, tc_rate_num, tc_rate_den, tc_drop_frame, tc_in_frames, tc_out_frames, format_key, document, content_hash, created_at, updated_at";

    private static readonly string[] Written =
    [
        "path", "card", "name", "format", "reel", "camera_letter", "camera_make", "camera_model", "camera_serial",
        "frame_first", "frame_last", "frame_count", "fps_num", "fps_den", "fps", "tc_rate_num", "tc_rate_den", "tc_drop_frame",
        "tc_in_frames", "tc_out_frames", "format_key", "fk_letter", "fk_model", "fk_sensor_mode", "fk_codec", "fk_squeeze",
        "document", "content_hash",
    ];

    public CatalogLocation Location => location;

    public int SchemaVersion => version;

    public Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Guarded<IReadOnlyList<UpsertOutcome>>(async connection =>
        {
            var now = time.GetUtcNow();
            var outcomes = new UpsertOutcome[entries.Count];
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var find = Command(connection, transaction, "SELECT content_hash FROM clips WHERE identity = @identity");
            var identity = find.CreateParameter();
            identity.ParameterName = "@identity";
            find.Parameters.Add(identity);
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                identity.Value = entry.Identity;
                var stored = await find.ExecuteScalarAsync(cancellationToken) as string;
                if (stored == entry.ContentHash)
                {
                    outcomes[i] = UpsertOutcome.Unchanged;
                    continue;
                }

                var sql = stored is null
                    ? $"INSERT INTO clips (identity, {string.Join(", ", Written)}, created_at, updated_at) VALUES (@identity, {string.Join(", ", Written.Select(Value))}, @now, @now)"
                    : $"UPDATE clips SET {string.Join(", ", Written.Select(c => $"{c} = {Value(c)}"))}, updated_at = @now WHERE identity = @identity";
                await using var write = Command(connection, transaction, sql);
                Bind(write, entry);
                Connections.Add(write, "@now", Stamp(now));
                await write.ExecuteNonQueryAsync(cancellationToken);
                outcomes[i] = stored is null ? UpsertOutcome.Added : UpsertOutcome.Updated;
            }

            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ClipRecord>> SearchAsync(ClipQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guarded<IReadOnlyList<ClipRecord>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            var where = new List<string>();
            if (query.Reel is { } reel)
            {
                where.Add("reel = @reel");
                Connections.Add(command, "@reel", reel);
            }

            if (query.Camera is { } camera)
            {
                where.Add("(camera_letter = @camera OR camera_model = @camera OR camera_serial = @camera)");
                Connections.Add(command, "@camera", camera);
            }

            if (query.Card is { } card)
            {
                where.Add("card = @card");
                Connections.Add(command, "@card", Path.GetFullPath(card));
            }

            if (query.Named is { } named)
            {
                // LIKE with its wildcards escaped: a reel is text, not a pattern.
                var text = named.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
                where.Add("(lower(reel) LIKE @named ESCAPE '\\' OR lower(name) LIKE @named ESCAPE '\\' OR lower(path) LIKE @inpath ESCAPE '\\' OR lower(path) LIKE @inwinpath ESCAPE '\\')");
                Connections.Add(command, "@named", text + "%");
                Connections.Add(command, "@inpath", "%/" + text + "%");
                Connections.Add(command, "@inwinpath", "%\\\\" + text + "%");
            }

            for (var i = 0; i < query.Where.Count; i++)
            {
                where.Add(Condition(command, query.Where[i], $"@w{i}"));
            }

            if (query.Timecode is { } range)
            {
                where.Add(await OverlapAsync(connection, command, range, query.Reel, cancellationToken));
            }

            command.CommandText = $"SELECT {Columns} FROM clips{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)} "
                + "ORDER BY reel, tc_in_frames, name, identity";
            return await ReadAsync(command, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ClipRecord>> FindByReelAndTimecodeAsync(string reel, TimecodeRange range, CancellationToken cancellationToken = default)
        => SearchAsync(new ClipQuery { Reel = reel ?? throw new ArgumentNullException(nameof(reel)), Timecode = range ?? throw new ArgumentNullException(nameof(range)) }, cancellationToken);

    public Task<ClipRecord?> FindAsync(string identity, CancellationToken cancellationToken = default)
        => Guarded(async connection =>
        {
            await using var command = Command(connection, null, $"SELECT {Columns} FROM clips WHERE identity = @identity");
            Connections.Add(command, "@identity", identity);
            return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<FormatCard>> FormatsAsync(CancellationToken cancellationToken = default)
        => Guarded<IReadOnlyList<FormatCard>>(async connection =>
        {
            await using var command = Command(connection, null,
                "SELECT format_key, fk_letter, fk_model, fk_sensor_mode, fk_codec, fk_squeeze, COUNT(*) FROM clips "
                + "GROUP BY format_key, fk_letter, fk_model, fk_sensor_mode, fk_codec, fk_squeeze ORDER BY format_key");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var cards = new List<FormatCard>();
            while (await reader.ReadAsync(cancellationToken))
            {
                cards.Add(new FormatCard(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6)));
            }

            return cards;
        }, cancellationToken);

    public Task<FrameRate?> CommonTimecodeRateAsync(CancellationToken cancellationToken = default)
        => Guarded(async connection =>
        {
            await using var command = Command(connection, null,
                "SELECT tc_rate_num, tc_rate_den, COUNT(*) AS n FROM clips WHERE tc_rate_num IS NOT NULL AND tc_rate_den > 0 AND tc_in_frames IS NOT NULL AND frame_count > 0 "
                + "GROUP BY tc_rate_num, tc_rate_den ORDER BY n DESC, tc_rate_num, tc_rate_den");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new FrameRate(reader.GetInt64(0), reader.GetInt64(1)) : (FrameRate?)null;
        }, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
        => Guarded(async connection =>
        {
            await using var command = Command(connection, null, "SELECT COUNT(*) FROM clips");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>
    /// The overlap test, exact for every rate: the range is turned into frames at each timecode rate and counting
    /// the (reel's) clips use, and compared with their frame columns; a second window a day later catches clips
    /// that run past midnight.
    /// </summary>
    private static async Task<string> OverlapAsync(DbConnection connection, DbCommand query, TimecodeRange range, string? reel, CancellationToken cancellationToken)
    {
        var rates = new List<(long Num, long Den, bool Drop)>();
        await using (var command = Command(connection, null,
            "SELECT DISTINCT tc_rate_num, tc_rate_den, tc_drop_frame FROM clips WHERE tc_in_frames IS NOT NULL" + (reel is null ? string.Empty : " AND reel = @reel")))
        {
            Connections.Add(command, "@reel", reel);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rates.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
            }
        }

        var terms = new List<string>();
        foreach (var (num, den, drop) in rates)
        {
            var rate = new FrameRate(num, den);
            if (range.FramesAt(rate, drop) is not { } frames)
            {
                continue;
            }

            var perDay = Timecode.FromFrames(0, rate, drop).FramesPerDay;
            var p = $"@r{terms.Count}";
            terms.Add($"(tc_rate_num = {p}n AND tc_rate_den = {p}d AND tc_drop_frame = {p}f AND "
                + $"((tc_in_frames <= {p}l AND tc_out_frames >= {p}s) OR (tc_in_frames <= {p}l + {p}p AND tc_out_frames >= {p}s + {p}p)))");
            Connections.Add(query, p + "n", num);
            Connections.Add(query, p + "d", den);
            Connections.Add(query, p + "f", drop);
            Connections.Add(query, p + "s", frames.First);
            Connections.Add(query, p + "l", frames.Last);
            Connections.Add(query, p + "p", perDay);
        }

        return terms.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", terms) + ")";
    }

    private string Condition(DbCommand command, FieldCondition condition, string p)
    {
        switch (condition.Kind)
        {
            case FieldKind.Integer or FieldKind.Number:
                Connections.Add(command, p + "path", dialect.JsonPath(condition.Path));
                Connections.Add(command, p, condition.Number);
                return $"{dialect.JsonNumber(p + "path")} = {p}";
            case FieldKind.Rational:
                var (n, d) = condition.Fraction;
                Connections.Add(command, p + "num", dialect.JsonPath([.. condition.Path, "num"]));
                Connections.Add(command, p + "den", dialect.JsonPath([.. condition.Path, "denom"]));
                Connections.Add(command, p + "n", n);
                Connections.Add(command, p + "d", d);
                // Equal fractions whatever their terms: a/b = n/d exactly when a·d = b·n.
                return $"{dialect.JsonNumber(p + "num")} * {p}d = {dialect.JsonNumber(p + "den")} * {p}n";
            default:
                Connections.Add(command, p + "path", dialect.JsonPath(condition.Path));
                Connections.Add(command, p, condition.Value);
                return $"{dialect.JsonText(p + "path")} = {p}";
        }
    }

    private string Value(string column) => column == "document" ? dialect.DocumentValue("@document") : "@" + column;

    private object Stamp(DateTimeOffset at) => dialect.Backend == CatalogBackend.Sqlite
        ? at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
        : at.ToUniversalTime();

    private static void Bind(DbCommand command, CatalogEntry entry)
    {
        var parts = entry.FormatKeyParts;
        var fps = entry.CaptureFps;
        var tcIn = entry.TimecodeIn;
        var tcOut = entry.TimecodeOut;
        long? outFrames = tcIn is { } a && tcOut is { } b ? a.FrameOfDay + b.FramesSince(a) : null;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["identity"] = entry.Identity,
            ["path"] = entry.Path,
            ["card"] = entry.Card,
            ["name"] = entry.Name,
            ["format"] = entry.Format,
            ["reel"] = entry.Reel,
            ["camera_letter"] = entry.CameraLetter,
            ["camera_make"] = entry.CameraMake,
            ["camera_model"] = entry.CameraModel,
            ["camera_serial"] = entry.CameraSerial,
            ["frame_first"] = entry.Frames?.First,
            ["frame_last"] = entry.Frames?.Last,
            ["frame_count"] = entry.FrameCount,
            ["fps_num"] = fps?.Numerator,
            ["fps_den"] = fps?.Denominator,
            ["fps"] = fps?.ToDouble(),
            ["tc_rate_num"] = tcIn?.Rate.Numerator,
            ["tc_rate_den"] = tcIn?.Rate.Denominator,
            ["tc_drop_frame"] = tcIn?.DropFrame,
            ["tc_in_frames"] = tcIn?.FrameOfDay,
            ["tc_out_frames"] = outFrames,
            ["format_key"] = entry.FormatKey,
            ["fk_letter"] = parts[0],
            ["fk_model"] = parts[1],
            ["fk_sensor_mode"] = parts[2],
            ["fk_codec"] = parts[3],
            ["fk_squeeze"] = parts[4],
            ["document"] = entry.Document.ToJsonString(),
            ["content_hash"] = entry.ContentHash,
        };
        foreach (var (name, value) in values)
        {
            Connections.Add(command, "@" + name, value);
        }
    }

    private static async Task<IReadOnlyList<ClipRecord>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var records = new List<ClipRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            long? Long(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
            FrameRate? tcRate = Long(14) is { } tn && Long(15) is { } td ? new FrameRate(tn, td) : null;
            var drop = !reader.IsDBNull(16) && reader.GetBoolean(16);
            records.Add(new ClipRecord
            {
                Identity = reader.GetString(0),
                Path = reader.GetString(1),
                Card = Text(2),
                Name = reader.GetString(3),
                Format = reader.GetString(4),
                Reel = Text(5),
                CameraLetter = Text(6),
                CameraMake = Text(7),
                CameraModel = Text(8),
                CameraSerial = Text(9),
                Frames = Long(10) is { } first && Long(11) is { } last ? new FrameRange(first, last) : null,
                FrameRate = Long(12) is { } fn && Long(13) is { } fd ? new FrameRate(fn, fd) : null,
                TimecodeIn = tcRate is { } r1 && Long(17) is { } tin ? Timecode.FromFrames(tin, r1, drop) : null,
                TimecodeOut = tcRate is { } r2 && Long(18) is { } tout ? Timecode.FromFrames(tout, r2, drop) : null,
                FormatKey = reader.GetString(19),
                Document = JsonNode.Parse(reader.GetString(20))!.AsObject(),
                ContentHash = reader.GetString(21),
                CreatedAt = Stamp(reader, 22),
                UpdatedAt = Stamp(reader, 23),
            });
        }

        return records;
    }

    private static DateTimeOffset Stamp(DbDataReader reader, int i) => reader.GetValue(i) switch
    {
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset at => at,
        var text => DateTimeOffset.Parse(Convert.ToString(text, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private async Task<T> Guarded<T>(Func<DbConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(dialect, location, cancellationToken);
        try
        {
            return await body(connection);
        }
        catch (DbException ex)
        {
            throw Connections.Wrap(ex, location);
        }
    }
}
