using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Operations;
using Rushes.Host.Mhl.Xml;

namespace Rushes.Host.Mhl.Tests;

/// <summary>Every kind of tampering is found, with the exact path.</summary>
public sealed class TamperTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2020, 1, 16, 9, 15, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly MhlService _service;
    private readonly FixedClock _clock;
    private readonly string _card;

    public TamperTests()
    {
        (_service, _clock) = Mhl.ScenarioService(Day1);
        _card = Mhl.MakeCard(_temp.Path);
        Assert.Equal(MhlVerdict.Ok, _service.Create(_card, new MhlCreateOptions { Formats = [HashFormat.Xxh128, HashFormat.Md5] }).Verdict);
    }

    public void Dispose() => _temp.Dispose();

    private string At(string relative) => Path.Combine(_card, relative);

    [Fact]
    public void Untouched_card_verifies()
    {
        var report = _service.Verify(_card, new MhlVerifyOptions { DirectoryHashes = true });
        Assert.Equal(MhlVerdict.Ok, report.Verdict);
        Assert.Equal(3, report.Entries.Count(e => !e.IsDirectory && e.Status == EntryStatus.Verified));
        Assert.Equal(2, report.Entries.Count(e => e.IsDirectory && e.Status == EntryStatus.Verified));
        Assert.Empty(_service.Diff(_card).Entries);
    }

    [Fact]
    public void Flipped_bit_fails_that_file_in_every_format()
    {
        var path = At("Clips/A002C006_141024_R2EC.mov");
        var bytes = File.ReadAllBytes(path);
        bytes[2] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var report = _service.Verify(_card);
        Assert.Equal(MhlVerdict.Failed, report.Verdict);
        var failed = Assert.Single(report.With(EntryStatus.Failed));
        Assert.Equal("Clips/A002C006_141024_R2EC.mov", failed.Path);
        Assert.Equal(["md5", "xxh128"], failed.Mismatches.Select(m => m.What).Order());
        Assert.Equal("f5ac8127b3b6b85cdc13f237c6005d80", failed.Mismatches.Single(m => m.What == "md5").Expected);

        // The directory hashes of the folder and the root fail too.
        var folders = _service.Verify(_card, new MhlVerifyOptions { DirectoryHashes = true }).With(EntryStatus.Failed).Where(e => e.IsDirectory).Select(e => e.Path);
        Assert.Equal([".", "Clips"], folders.Order());

        // create records the failure in a new generation, and the first hash stays the reference.
        _clock.Now = Day1.AddDays(1);
        var created = _service.Create(_card, new MhlCreateOptions { Formats = [HashFormat.Md5] });
        Assert.Equal(MhlVerdict.Failed, created.Verdict);
        Assert.Equal("Clips/A002C006_141024_R2EC.mov", Assert.Single(created.With(EntryStatus.Failed)).Path);
        var text = File.ReadAllText(Assert.Single(created.Written));
        Assert.Contains("<md5 action=\"failed\"", text);
        Assert.Equal(MhlVerdict.Failed, _service.Verify(_card).Verdict);
    }

    [Fact]
    public void Truncated_file_fails_and_fail_fast_stops_before_hashing()
    {
        var path = At("Sidecar.txt");
        File.WriteAllText(path, "BLOREM ipsum");
        File.SetLastWriteTimeUtc(path, Mhl.CardTime);

        var report = _service.Verify(_card);
        Assert.Equal("Sidecar.txt", Assert.Single(report.With(EntryStatus.Failed)).Path);

        var fast = _service.Verify(_card, new MhlVerifyOptions { FailFast = true });
        Assert.True(fast.StoppedBeforeHashing);
        var failed = Assert.Single(fast.Entries);
        Assert.Equal("Sidecar.txt", failed.Path);
        Assert.Equal(new Mismatch("size", "58", "12"), Assert.Single(failed.Mismatches));
        Assert.Empty(failed.Hashes);

        // A changed date alone is caught the same way, and create writes nothing.
        File.SetLastWriteTimeUtc(At("Clips/A002C007_141024_R2EC.mov"), Mhl.CardTime.AddHours(1));
        var created = _service.Create(_card, new MhlCreateOptions { FailFast = true });
        Assert.True(created.StoppedBeforeHashing);
        Assert.Empty(created.Written);
        Assert.Contains(created.Entries, e => e.Path == "Clips/A002C007_141024_R2EC.mov" && e.Mismatches.Single().What == "lastmodificationdate");
    }

    [Fact]
    public void Missing_file_is_reported_by_verify_diff_and_create()
    {
        File.Delete(At("Clips/A002C007_141024_R2EC.mov"));
        foreach (var report in new[] { _service.Verify(_card), _service.Diff(_card) })
        {
            Assert.Equal(MhlVerdict.Missing, report.Verdict);
            Assert.Equal("Clips/A002C007_141024_R2EC.mov", Assert.Single(report.With(EntryStatus.Missing)).Path);
        }

        _clock.Now = Day1.AddDays(1);
        var created = _service.Create(_card, new MhlCreateOptions { Formats = [HashFormat.Xxh128] });
        Assert.Equal(MhlVerdict.Missing, created.Verdict);
        Assert.Equal("Clips/A002C007_141024_R2EC.mov", Assert.Single(created.With(EntryStatus.Missing)).Path);
    }

    [Fact]
    public void Extra_file_is_unknown_to_verify_and_diff()
    {
        File.WriteAllText(At("Clips/A002C008_141024_R2EC.mov"), "ghi\n");
        foreach (var report in new[] { _service.Verify(_card), _service.Diff(_card) })
        {
            Assert.Equal(MhlVerdict.Unknown, report.Verdict);
            Assert.Equal("Clips/A002C008_141024_R2EC.mov", Assert.Single(report.With(EntryStatus.Unknown)).Path);
        }

        // Ignored files are not unknown.
        Assert.Equal(MhlVerdict.Ok, _service.Diff(_card, ["*.mov"]).Verdict);
    }

    [Fact]
    public void Modified_manifest_breaks_the_chain()
    {
        var manifest = Directory.GetFiles(At("ascmhl"), "0001_*.mhl").Single();
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("myHost.local", "myHost.locaL", StringComparison.Ordinal));
        var ex = Assert.Throws<MhlHistoryException>(() => _service.Verify(_card));
        Assert.Equal(MhlProblem.ModifiedManifest, ex.Problem);
        Assert.Equal(manifest, ex.Path);
        Assert.Throws<MhlHistoryException>(() => _service.Create(_card));
        Assert.Throws<MhlHistoryException>(() => _service.Diff(_card));
    }

    [Fact]
    public void Chain_with_a_gap_is_corrupt()
    {
        for (var day = 1; day <= 2; day++)
        {
            _clock.Now = Day1.AddDays(day);
            Assert.Equal(MhlVerdict.Ok, _service.Create(_card, new MhlCreateOptions { Formats = [HashFormat.Xxh128] }).Verdict);
        }

        var chain = At("ascmhl/ascmhl_chain.xml");
        var original = File.ReadAllText(chain);
        var entries = ChainXml.Read(File.ReadAllBytes(chain), chain);
        Assert.Equal([1, 2, 3], entries.Select(e => e.SequenceNumber));

        // Generation 2 taken out of the chain: 1, 3.
        File.WriteAllBytes(chain, ChainXml.Write(entries.Where(e => e.SequenceNumber != 2)));
        var gap = Assert.Throws<MhlHistoryException>(() => _service.Verify(_card));
        Assert.Equal(MhlProblem.ChainGap, gap.Problem);
        Assert.Equal(chain, gap.Path);

        // The last generation left out of the chain: the manifest is unchained.
        File.WriteAllBytes(chain, ChainXml.Write(entries.Take(2)));
        var unchained = Assert.Throws<MhlHistoryException>(() => _service.Verify(_card));
        Assert.Equal(MhlProblem.UnchainedManifest, unchained.Problem);
        Assert.Equal(Path.Combine(At("ascmhl"), entries[2].Path), unchained.Path);

        // A manifest deleted.
        File.WriteAllText(chain, original);
        File.Delete(Path.Combine(At("ascmhl"), entries[1].Path));
        var missing = Assert.Throws<MhlHistoryException>(() => _service.Verify(_card));
        Assert.Equal(MhlProblem.MissingManifest, missing.Problem);

        // The chain deleted.
        File.Delete(chain);
        Assert.Equal(MhlProblem.MissingChain, Assert.Throws<MhlHistoryException>(() => _service.Verify(_card)).Problem);
    }

    [Fact]
    public void Renamed_file_is_missing_and_unknown_until_create_detects_the_rename()
    {
        File.Move(At("Clips/A002C006_141024_R2EC.mov"), At("Clips/A002C006_renamed.mov"));
        var verify = _service.Verify(_card);
        Assert.Equal("Clips/A002C006_141024_R2EC.mov", Assert.Single(verify.With(EntryStatus.Missing)).Path);
        Assert.Equal("Clips/A002C006_renamed.mov", Assert.Single(verify.With(EntryStatus.Unknown)).Path);

        _clock.Now = Day1.AddDays(1);
        var created = _service.Create(_card, new MhlCreateOptions { Formats = [HashFormat.Xxh128], DetectRenames = true });
        Assert.Equal(MhlVerdict.Ok, created.Verdict);
        Assert.Equal("Clips/A002C006_141024_R2EC.mov", created.Entries.Single(e => e.Path == "Clips/A002C006_renamed.mov").PreviousPath);
        Assert.Contains("<previousPath>Clips/A002C006_141024_R2EC.mov</previousPath>", File.ReadAllText(Assert.Single(created.Written)));

        var after = _service.Verify(_card, new MhlVerifyOptions { DirectoryHashes = true });
        Assert.Empty(after.With(EntryStatus.Failed).Select(e => e.Path + string.Join(",", e.Mismatches)));
        Assert.Equal(MhlVerdict.Ok, after.Verdict);
        Assert.Equal(MhlVerdict.Ok, _service.Diff(_card).Verdict);
        var history = _service.FileHistory(_card, "Clips/A002C006_renamed.mov");
        Assert.Equal([1, 2], history.Select(h => h.Generation));
        Assert.Equal("Clips/A002C006_141024_R2EC.mov", history[0].Record.Path);
    }

    [Fact]
    public void Renamed_folder_is_detected_with_its_files()
    {
        Directory.Move(At("Clips"), At("Media"));
        _clock.Now = Day1.AddDays(1);
        var created = _service.Create(_card, new MhlCreateOptions { Formats = [HashFormat.Xxh128], DetectRenames = true });
        Assert.Equal(MhlVerdict.Ok, created.Verdict);
        var text = File.ReadAllText(Assert.Single(created.Written));
        Assert.Contains("<previousPath>Clips</previousPath>", text);
        Assert.Equal(MhlVerdict.Ok, _service.Verify(_card).Verdict);
    }
}
