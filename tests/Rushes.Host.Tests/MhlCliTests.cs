using System.Text.Json.Nodes;
using Rushes.Cli;

namespace Rushes.Host.Tests;

/// <summary><c>rushes mhl</c>: each tamper case gives its own exit code and names the exact path.</summary>
public sealed class MhlCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"rushes-mhl-cli-{Guid.NewGuid():N}");
    private readonly string _card;

    public MhlCliTests()
    {
        _card = Path.Combine(_root, "A002R2EC");
        Directory.CreateDirectory(Path.Combine(_card, "Clips"));
        File.WriteAllText(Path.Combine(_card, "Sidecar.txt"), "BLOREM ipsum dolor sit amet, consetetur sadipscing elitr.\n");
        File.WriteAllText(Path.Combine(_card, "Clips", "A002C006_141024_R2EC.mov"), "abcd\n");
        File.WriteAllText(Path.Combine(_card, "Clips", "A002C007_141024_R2EC.mov"), "def\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string At(string relative) => Path.Combine(_card, relative);

    private static async Task<(int Code, JsonNode Json, string Error)> Json(params string[] args)
    {
        var (code, output, error) = await CliRunner.RunAsync([.. args, "--json"]);
        return (code, JsonNode.Parse(output)!, error);
    }

    private async Task Seal()
    {
        var (code, json, error) = await Json("mhl", "create", _card, "-h", "xxh64", "-h", "md5", "--author-name", "Liz Foo", "--author-role", "DIT");
        Assert.Equal(MhlExitCodes.Verified, code);
        Assert.Equal(3, json["counts"]!["original"]!.GetValue<int>());
        Assert.Contains("hashing: 3/3 files", error);
        Assert.Equal("0ea03b369a463d9d", json["entries"]!.AsArray().Single(e => e!["path"]!.GetValue<string>() == "Clips/A002C006_141024_R2EC.mov")!["hashes"]!["xxh64"]!.GetValue<string>());
    }

    private static string PathOf(JsonNode json, string status)
        => Assert.Single(json["entries"]!.AsArray(), e => e!["status"]!.GetValue<string>() == status)!["path"]!.GetValue<string>();

    [Fact]
    public async Task Sealed_card_verifies_diffs_clean_and_has_info()
    {
        await Seal();
        var (code, json, _) = await Json("mhl", "verify", _card, "--directory-hashes");
        Assert.Equal(MhlExitCodes.Verified, code);
        Assert.Equal(5, json["counts"]!["verified"]!.GetValue<int>());
        Assert.Equal(MhlExitCodes.Verified, (await CliRunner.RunAsync("mhl", "diff", _card)).ExitCode);

        var (infoCode, info, _) = await Json("mhl", "info", _card);
        Assert.Equal(ExitCodes.Ok, infoCode);
        var generation = Assert.Single(info["generations"]!.AsArray())!;
        Assert.Equal("Liz Foo", generation["authors"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("rushes", generation["tool"]!.GetValue<string>());

        var (fileCode, file, _) = await Json("mhl", "info", _card, "--file", "Sidecar.txt");
        Assert.Equal(ExitCodes.Ok, fileCode);
        Assert.Equal(2, file["records"]![0]!["hashes"]!.AsArray().Count);

        var output = Path.Combine(_root, "out");
        var (flatCode, flat, _) = await Json("mhl", "flatten", _card, "-o", output);
        Assert.Equal(ExitCodes.Ok, flatCode);
        Assert.Equal(3, flat["files"]!.GetValue<int>());
        Assert.Contains("<process>flatten</process>", File.ReadAllText(flat["manifest"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Flipped_bit_exits_failed_with_the_path()
    {
        await Seal();
        var file = At("Clips/A002C007_141024_R2EC.mov");
        var bytes = File.ReadAllBytes(file);
        bytes[0] ^= 1;
        File.WriteAllBytes(file, bytes);
        var (code, json, _) = await Json("mhl", "verify", _card);
        Assert.Equal(MhlExitCodes.Failed, code);
        Assert.Equal("Clips/A002C007_141024_R2EC.mov", PathOf(json, "failed"));

        var (text, output, _) = await CliRunner.RunAsync("mhl", "verify", _card);
        Assert.Equal(MhlExitCodes.Failed, text);
        Assert.Contains("FAILED    Clips/A002C007_141024_R2EC.mov  md5 expected ", output);
    }

    [Fact]
    public async Task Truncated_file_exits_failed_and_fail_fast_hashes_nothing()
    {
        await Seal();
        File.WriteAllText(At("Sidecar.txt"), "BLOREM");
        var (code, json, error) = await Json("mhl", "verify", _card, "--fail-fast");
        Assert.Equal(MhlExitCodes.Failed, code);
        Assert.True(json["stoppedBeforeHashing"]!.GetValue<bool>());
        Assert.Equal("Sidecar.txt", PathOf(json, "failed"));
        Assert.DoesNotContain("hashing:", error);
    }

    [Fact]
    public async Task Missing_file_exits_missing_with_the_path()
    {
        await Seal();
        File.Delete(At("Clips/A002C006_141024_R2EC.mov"));
        foreach (var command in new[] { "verify", "diff", "create" })
        {
            var (code, json, _) = await Json("mhl", command, _card);
            Assert.Equal(MhlExitCodes.Missing, code);
            Assert.Equal("Clips/A002C006_141024_R2EC.mov", PathOf(json, "missing"));
        }
    }

    [Fact]
    public async Task Extra_file_exits_unknown_with_the_path()
    {
        await Seal();
        File.WriteAllText(At("Clips/extra.mov"), "x");
        foreach (var command in new[] { "verify", "diff" })
        {
            var (code, json, _) = await Json("mhl", command, _card);
            Assert.Equal(MhlExitCodes.Unknown, code);
            Assert.Equal("Clips/extra.mov", PathOf(json, "unknown"));
        }

        Assert.Equal(MhlExitCodes.Verified, (await CliRunner.RunAsync("mhl", "verify", _card, "-i", "extra.mov")).ExitCode);
    }

    [Fact]
    public async Task Modified_manifest_exits_corrupt_history_naming_the_manifest()
    {
        await Seal();
        var manifest = Directory.GetFiles(At("ascmhl"), "*.mhl").Single();
        File.AppendAllText(manifest, "<!-- edited -->\n");
        var (code, json, error) = await Json("mhl", "verify", _card);
        Assert.Equal(MhlExitCodes.CorruptHistory, code);
        Assert.Equal("corrupt-history", json["error"]!["kind"]!.GetValue<string>());
        Assert.Equal(manifest, json["error"]!["file"]!.GetValue<string>());
        Assert.Equal("ModifiedManifest", json["error"]!["field"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Chain_with_a_gap_exits_corrupt_history()
    {
        await Seal();
        var chain = At("ascmhl/ascmhl_chain.xml");
        File.WriteAllText(chain, File.ReadAllText(chain).Replace("sequencenr=\"1\"", "sequencenr=\"2\"", StringComparison.Ordinal));
        var (code, json, _) = await Json("mhl", "diff", _card);
        Assert.Equal(MhlExitCodes.CorruptHistory, code);
        Assert.Equal("ChainGap", json["error"]!["field"]!.GetValue<string>());
        Assert.Equal(chain, json["error"]!["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renamed_file_is_missing_until_create_detects_the_renaming()
    {
        await Seal();
        File.Move(At("Sidecar.txt"), At("Sidecar_renamed.txt"));
        var (code, json, _) = await Json("mhl", "verify", _card);
        Assert.Equal(MhlExitCodes.Missing, code);
        Assert.Equal("Sidecar.txt", PathOf(json, "missing"));
        Assert.Equal("Sidecar_renamed.txt", PathOf(json, "unknown"));

        await Task.Delay(1100); // generations are named to the second
        var (created, result, _) = await Json("mhl", "create", _card, "-h", "xxh64", "--detect-renaming");
        Assert.Equal(MhlExitCodes.Verified, created);
        Assert.Equal("Sidecar.txt", result["entries"]!.AsArray().Single(e => e!["path"]!.GetValue<string>() == "Sidecar_renamed.txt")!["previousPath"]!.GetValue<string>());
        Assert.Equal(MhlExitCodes.Verified, (await CliRunner.RunAsync("mhl", "verify", _card)).ExitCode);
    }

    [Fact]
    public async Task Folder_without_history_exits_no_history()
    {
        var (code, json, _) = await Json("mhl", "verify", _card);
        Assert.Equal(MhlExitCodes.NoHistory, code);
        Assert.Equal("no-history", json["error"]!["kind"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Usage, (await CliRunner.RunAsync("mhl", "create", _card, "-h", "sha256")).ExitCode);
    }

    [Fact]
    public async Task Bad_author_email_is_an_input_error_and_writes_nothing()
    {
        var (code, json, _) = await Json("mhl", "create", _card, "--author-email", "liz-at-example");
        Assert.Equal(ExitCodes.Input, code);
        Assert.Equal("--author-email", json["error"]!["field"]!.GetValue<string>());
        Assert.False(Directory.Exists(At("ascmhl")));
    }
}
