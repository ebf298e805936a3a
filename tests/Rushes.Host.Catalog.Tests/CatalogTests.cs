using System.Data.Common;
using System.Text.Json.Nodes;
using Rushes.Contracts.Time;
using Rushes.Host.Catalog.Storage;
using Rushes.Host.Metadata;

namespace Rushes.Host.Catalog.Tests;

/// <summary>
/// The catalog's behaviour, one body for every backend: <see cref="SqliteCatalogTests"/> runs it on an embedded file,
/// <see cref="PostgresCatalogTests"/> on a real PostgreSQL 15 server.
/// </summary>
public abstract partial class CatalogTests : IDisposable
{
    internal static readonly DateTimeOffset Day1 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    protected string Temp { get; } = Directory.CreateTempSubdirectory("rushes-catalog-").FullName;

    /// <summary>A new, empty catalog.</summary>
    protected abstract CatalogLocation NewCatalog();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Temp, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Migrations_run_from_empty_to_the_current_version_and_a_rerun_changes_nothing()
    {
        var location = NewCatalog();
        var catalog = await ClipCatalog.OpenAsync(location);
        Assert.Equal(1, catalog.SchemaVersion);
        Assert.Equal(ClipCatalog.CurrentVersion(location.Backend), catalog.SchemaVersion);
        await catalog.UpsertAsync([Clips.Entry(Clips.A1)]);

        var again = await ClipCatalog.OpenAsync(location);

        Assert.Equal(1, again.SchemaVersion);
        var versions = await Versions(location);
        Assert.Equal([1L], versions);
        Assert.Equal(1, await again.CountAsync());
    }

    [Fact]
    public async Task A_catalog_written_by_a_newer_rushes_is_refused_and_left_alone()
    {
        var location = NewCatalog();
        await ClipCatalog.OpenAsync(location);
        await Execute(location, "INSERT INTO schema_version (version, description, applied_at) VALUES (7, 'from the future', '2030-01-01T00:00:00Z')");

        var error = await Assert.ThrowsAsync<CatalogException>(() => ClipCatalog.OpenAsync(location));

        Assert.Contains("schema version 7, newer than this Rushes knows (up to 1)", error.Message, StringComparison.Ordinal);
        var versions = await Versions(location);
        Assert.Equal([1L, 7L], versions);
    }

    [Fact]
    public async Task Upserts_are_idempotent_by_identity_with_no_timestamp_churn()
    {
        var time = new ManualTime(Day1);
        var catalog = await ClipCatalog.OpenAsync(NewCatalog(), time);
        var first = new[] { Clips.Entry(Clips.A1), Clips.Entry(Clips.B1) };
        Assert.Equal([UpsertOutcome.Added, UpsertOutcome.Added], await catalog.UpsertAsync(first));
        var stored = await catalog.FindAsync(first[0].Identity);

        time.Now = Day1.AddHours(5);
        Assert.Equal([UpsertOutcome.Unchanged, UpsertOutcome.Unchanged], await catalog.UpsertAsync([Clips.Entry(Clips.A1), Clips.Entry(Clips.B1)]));
        var after = await catalog.FindAsync(first[0].Identity);

        Assert.Equal(2, await catalog.CountAsync());
        Assert.Equal(stored!.ContentHash, after!.ContentHash);
        Assert.Equal(Day1, after.UpdatedAt);
        Assert.Equal(Day1, after.CreatedAt);
        Assert.True(JsonNode.DeepEquals(first[0].Document, after.Document));
        Assert.Empty(ClipSchemaValidator.Validate(after.Document));

        // The same clip (same identity) with a changed field is replaced, once.
        var changed = Clips.Entry(Clips.A1 with { Iso = 1280 });
        Assert.Equal(first[0].Identity, changed.Identity);
        Assert.Equal([UpsertOutcome.Updated], await catalog.UpsertAsync([changed]));
        var updated = await catalog.FindAsync(changed.Identity);
        Assert.Equal(2, await catalog.CountAsync());
        Assert.Equal(Day1, updated!.CreatedAt);
        Assert.Equal(Day1.AddHours(5), updated.UpdatedAt);
        Assert.Equal(1280, updated.Document["exposure"]!["iso"]!["value"]!.GetValue<long>());
    }

    [Fact]
    public async Task Search_by_reel_camera_and_any_normalized_field()
    {
        var catalog = await Filled();

        Assert.Equal(["A001C001", "A001C002"], await Names(catalog, new ClipQuery { Reel = "A001" }));
        Assert.Equal(["B002C003"], await Names(catalog, new ClipQuery { Camera = "B" }));
        Assert.Equal(["A001C001", "A001C002"], await Names(catalog, new ClipQuery { Camera = "ALEXA 35" }));
        Assert.Equal(["B002C003"], await Names(catalog, new ClipQuery { Camera = "50001" }));
        Assert.Equal(["A001C001", "C003C004", "C003C005"], await Names(catalog, Where("exposure.iso=800")));
        Assert.Equal(["B002C003"], await Names(catalog, Where("camera.model=VENICE 2")));
        Assert.Equal(["C003C004", "C003C005"], await Names(catalog, Where("clip.capture_fps=24000/1001")));
        Assert.Equal(["A001C001", "A001C002"], await Names(catalog, Where("clip.capture_fps=48/2")));
        Assert.Equal(["A001C001", "A001C002"], await Names(catalog, Where("lens.squeeze=2")));
        Assert.Equal(["B002C003"], await Names(catalog, Where("timecode.in=00:00:59;28")));
        Assert.Equal(["B002C003"], await Names(catalog, Where("timecode.in.drop_frame=true")));
        Assert.Equal(["B002C003"], await Names(catalog, Where("timecode.in.rate.num=30000")));
        Assert.Equal(["A001C002"], await Names(catalog, Where("format_key=A|ALEXA 35|4.6K 3:2 Open Gate|ARRIRAW|2", "exposure.iso=1600")));
        Assert.Equal(["A001C001"], await Names(catalog, new ClipQuery { Reel = "A001", Where = [FieldCondition.Parse("clip.duration=2")] }));
        Assert.Empty(await Names(catalog, new ClipQuery { Reel = "A001", Camera = "B" }));
        foreach (var record in await catalog.SearchAsync(new ClipQuery()))
        {
            Assert.Empty(ClipSchemaValidator.Validate(record.Document));
        }
    }

    [Fact]
    public async Task A_name_finds_clips_by_reel_or_clip_name_prefix_or_path_ignoring_case_with_wildcards_as_text()
    {
        var catalog = await Filled();

        Assert.Equal(["A001C001", "A001C002"], await Names(catalog, new ClipQuery { Named = "a001" }));
        Assert.Equal(["C003C005"], await Names(catalog, new ClipQuery { Named = "c003C005" }));
        Assert.Equal(["B002C003"], await Names(catalog, new ClipQuery { Named = "B002C003.MOV" }));
        Assert.Equal(5, (await Names(catalog, new ClipQuery { Named = "DAY1" })).Length);
        Assert.Empty(await Names(catalog, new ClipQuery { Named = "A%" }));
        Assert.Empty(await Names(catalog, new ClipQuery { Named = "A_01" }));
        Assert.Empty(await Names(catalog, new ClipQuery { Named = "001" }));
    }

    [Fact]
    public async Task The_common_timecode_rate_is_the_one_most_clips_count_in()
    {
        Assert.Null(await (await ClipCatalog.OpenAsync(NewCatalog())).CommonTimecodeRateAsync());

        // Two clips at 24 and two at 23.976 (the lower rate number wins a tie, so that the answer never depends on the order stored).
        var catalog = await Filled();
        Assert.Equal(FrameRate.Fps24, await catalog.CommonTimecodeRateAsync());

        await catalog.UpsertAsync([Clips.Entry(Clips.D1 with { Name = "C003C006", Timecode = "03:00:00:00" })]);
        Assert.Equal(FrameRate.Fps23_976, await catalog.CommonTimecodeRateAsync());
    }

    [Fact]
    public void Bad_conditions_say_what_is_expected()
    {
        Assert.Contains("not a field of the clip schema v1", Assert.Throws<FormatException>(() => FieldCondition.Parse("clip.nope=1")).Message, StringComparison.Ordinal);
        Assert.Contains("expected a number", Assert.Throws<FormatException>(() => FieldCondition.Parse("exposure.iso=high")).Message, StringComparison.Ordinal);
        Assert.Contains("expected a fraction", Assert.Throws<FormatException>(() => FieldCondition.Parse("clip.capture_fps=23.976")).Message, StringComparison.Ordinal);
        Assert.Contains("FIELD=VALUE", Assert.Throws<FormatException>(() => FieldCondition.Parse("camera.serial")).Message, StringComparison.Ordinal);
        Assert.Contains("field path", Assert.Throws<FormatException>(() => FieldCondition.Parse("camera.serial'--=1")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timecode_overlap_per_reel_is_exact_at_every_rate()
    {
        var catalog = await Filled();

        // 24 fps: A001C001 runs 01:00:00:00-01:00:01:23, A001C002 01:00:10:00-01:00:10:23; ends are inclusive.
        Assert.Equal(["A001C001"], await Tc(catalog, "A001", "01:00:01:00"));
        Assert.Equal(["A001C001", "A001C002"], await Tc(catalog, "A001", "01:00:01:23-01:00:10:00"));
        Assert.Empty(await Tc(catalog, "A001", "01:00:02:00-01:00:09:23"));

        // 29.97 DF: 10 frames from 00:00:59;28 are ;28 ;29 then 00:01:00;02 to ;09 (;00 and ;01 do not exist).
        var b = Assert.Single(await catalog.SearchAsync(new ClipQuery { Reel = "B002" }));
        Assert.Equal("00:01:00;09", b.TimecodeOut.ToString());
        Assert.Equal(["B002C003"], await Tc(catalog, "B002", "00:01:00;09"));
        Assert.Empty(await Tc(catalog, "B002", "00:01:00;10"));
        Assert.Empty(await Tc(catalog, "B002", "00:00:59;27"));
        Assert.Equal(["B002C003"], await Tc(catalog, "B002", "00:01:00:00"));   // a skipped label names the next frame, ;02

        // 23.976: 100 frames from 01:00:00:00 end at 01:00:04:03. An EDL at 24 fps shares the timecode base: labels compare.
        var at24 = (string tc) => TimecodeRange.Of(Timecode.Parse(tc, FrameRate.Fps24), Timecode.Parse(tc, FrameRate.Fps24));
        var c = Assert.Single(await catalog.FindByReelAndTimecodeAsync("C003", at24("01:00:04:03")));
        Assert.Equal("01:00:04:03", c.TimecodeOut.ToString());
        Assert.Equal(new FrameRate(24000, 1001), c.FrameRate);
        Assert.Equal(new FrameRange(0, 99), c.Frames);
        Assert.Equal(99, c.FrameAtTimecode(Timecode.Parse("01:00:04:03", FrameRate.Fps23_976).FrameOfDay));
        Assert.Empty(await catalog.FindByReelAndTimecodeAsync("C003", at24("01:00:04:04")));

        // Across timecode bases the range goes through exact time. Its frames 86400..86499 at 24000/1001 fps last from
        // 3603.6 s to 3607.7712 s; at 25 fps 01:00:07:19 starts at 3607.76 s (inside), 01:00:07:20 at 3607.8 s (after).
        var at25 = (string tc) => TimecodeRange.Of(Timecode.Parse(tc, FrameRate.Fps25), Timecode.Parse(tc, FrameRate.Fps25));
        Assert.Single(await catalog.FindByReelAndTimecodeAsync("C003", at25("01:00:07:19")));
        Assert.Empty(await catalog.FindByReelAndTimecodeAsync("C003", at25("01:00:07:20")));
        Assert.Single(await catalog.FindByReelAndTimecodeAsync("C003", at25("01:00:03:15")));   // 3603.6 s exactly: the first frame
        Assert.Empty(await catalog.FindByReelAndTimecodeAsync("C003", at25("01:00:03:14")));    // 3603.56 s: before it

        // Without a reel, the range is tried against every clip at its own rate.
        Assert.Equal(["A001C001", "C003C004"], await Names(catalog, new ClipQuery { Timecode = TimecodeRange.Parse("01:00:00:10") }));
    }

    [Fact]
    public async Task Format_cards_group_by_letter_model_sensor_mode_codec_and_squeeze()
    {
        var catalog = await Filled();

        var cards = await catalog.FormatsAsync();

        Assert.Equal(
        [
            new FormatCard("A|ALEXA 35|4.6K 3:2 Open Gate|ARRIRAW|2", "A", "ALEXA 35", "4.6K 3:2 Open Gate", "ARRIRAW", "2", 2),
            new FormatCard("B|VENICE 2|8.6K 3:2|X-OCN XT|1", "B", "VENICE 2", "8.6K 3:2", "X-OCN XT", "1", 1),
            new FormatCard("C|V-RAPTOR|8K 17:9|REDCODE HQ|1", "C", "V-RAPTOR", "8K 17:9", "REDCODE HQ", "1", 1),
            new FormatCard("Missing|V-RAPTOR|8K 17:9|REDCODE HQ|1", "Missing", "V-RAPTOR", "8K 17:9", "REDCODE HQ", "1", 1),
        ], cards);
    }

    private async Task<IClipCatalog> Filled()
    {
        var catalog = await ClipCatalog.OpenAsync(NewCatalog());
        await catalog.UpsertAsync([.. new[] { Clips.C1, Clips.A2, Clips.B1, Clips.A1, Clips.D1 }.Select(s => Clips.Entry(s))]);
        return catalog;
    }

    private static ClipQuery Where(params string[] conditions) => new() { Where = [.. conditions.Select(FieldCondition.Parse)] };

    private static async Task<string[]> Names(IClipCatalog catalog, ClipQuery query)
        => [.. (await catalog.SearchAsync(query)).Select(r => r.Name).Order(StringComparer.Ordinal)];

    private static Task<string[]> Tc(IClipCatalog catalog, string reel, string range)
        => Names(catalog, new ClipQuery { Reel = reel, Timecode = TimecodeRange.Parse(range) });

    private static async Task<long[]> Versions(CatalogLocation location)
    {
        await using var connection = SqlDialect.For(location.Backend).Connect(location.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        var versions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. versions];
    }

    private static async Task Execute(CatalogLocation location, string sql)
    {
        await using DbConnection connection = SqlDialect.For(location.Backend).Connect(location.ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteCatalogTests : CatalogTests
{
    private int _count;

    protected override CatalogLocation NewCatalog() => CatalogLocation.Parse(Path.Combine(Temp, $"catalog-{++_count}.db"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogTests(PostgresServer server) : CatalogTests
{
    protected override CatalogLocation NewCatalog() => CatalogLocation.Parse(server.CreateDatabase());
}
