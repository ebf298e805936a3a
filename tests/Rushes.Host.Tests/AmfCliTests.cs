using System.Text.Json.Nodes;
using Rushes.Testing;

namespace Rushes.Host.Tests;

/// <summary><c>rushes amf validate|show</c> on the Academy's examples and on broken files.</summary>
public sealed class AmfCliTests
{
    private static string Examples => ConformanceData.Path("amf", "examples");

    [Fact]
    public async Task Every_example_validates_through_the_cli()
    {
        foreach (var file in Directory.EnumerateFiles(Examples, "*.amf", SearchOption.AllDirectories))
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync("amf", "validate", file, "--json");
            Assert.True(code == 0, $"{file}: {stdout}{stderr}");
            Assert.True((bool)JsonNode.Parse(stdout)!["schemaChecked"]!);
        }
    }

    [Fact]
    public async Task Show_prints_the_resolved_pipeline_step_by_step()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("amf", "show", Path.Combine(Examples, "example2.amf"), "--json");
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();
        json["file"] = "example2.amf";
        Golden.VerifyJson(json.ToJsonString(), "amf-show-example2");
    }

    [Fact]
    public async Task An_invalid_amf_exits_1_with_the_line()
    {
        var folder = Directory.CreateTempSubdirectory("rushes-amf-").FullName;
        try
        {
            var bad = Path.Combine(folder, "bad.amf");
            var text = await File.ReadAllTextAsync(Path.Combine(Examples, "example1.amf"));
            await File.WriteAllTextAsync(bad, text.Replace("applied=\"false\"", string.Empty, StringComparison.Ordinal));
            var (code, stdout, _) = await CliRunner.RunAsync("amf", "validate", bad, "--json");
            Assert.Equal(1, code);
            Assert.Equal(23, (int)JsonNode.Parse(stdout)!["issues"]![0]!["line"]!);

            var (showCode, _, showError) = await CliRunner.RunAsync("amf", "show", bad);
            Assert.Equal(3, showCode);
            Assert.Contains("line 23", showError, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", showError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_look_file_is_an_input_error_naming_it()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("amf", "show", Path.Combine(Examples, "example5.amf"));
        Assert.Equal(3, code);
        Assert.Contains("showLook.clf", stderr, StringComparison.Ordinal);
        Assert.Contains("line 63", stderr, StringComparison.Ordinal);
    }
}
