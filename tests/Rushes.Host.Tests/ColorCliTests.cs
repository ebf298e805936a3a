using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rushes.Cli;
using Rushes.Testing;

namespace Rushes.Host.Tests;

/// <summary><c>rushes color list</c> and <c>rushes color eval</c> over the first-party colour plugins.</summary>
public sealed partial class ColorCliTests : IDisposable
{
    private readonly ColourPlugins _plugins = new();

    public void Dispose() => _plugins.Dispose();

    private Task<(int ExitCode, string Out, string Error)> Run(params string[] args) => CliRunner.RunAsync(_plugins.Args(args));

    /// <summary>OpenColorIO's comparison: absolute below 1, relative above.</summary>
    private static double Error(double actual, double expected)
        => actual == expected ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1);

    [GeneratedRegex(@"unadjusted reference is (-?[0-9.eE+-]+)")]
    private static partial Regex UnadjustedReference();

    [Fact]
    public async Task List_json_shows_every_transform_with_aliases_category_invertibility_and_plugin()
    {
        var (code, output, error) = await Run("color", "list", "--json");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        var transforms = JsonNode.Parse(output)!["transforms"]!.AsArray();
        var ids = transforms.Select(t => t!["id"]!.GetValue<string>()).ToList();

        // Every camera of issue #4, by its ACES 2.0 id, and the ACES spaces.
        foreach (var id in new[]
        {
            "CSC.Arri.LogC3_to_ACES.a2.v1", "CSC.Arri.LogC4_to_ACES.a2.v1", "CSC.Sony.SLog3_SGamut3_to_ACES.a2.v1", "CSC.Sony.SLog3_SGamut3Cine_to_ACES.a2.v1",
            "CSC.Red.Log3G10_RWG_to_ACES.a2.v1", "CSC.Panasonic.VLog_VGamut_to_ACES.a2.v1", "CSC.Canon.CLog2_CGamut_to_ACES.a2.v1", "CSC.Canon.CLog3_CGamut_to_ACES.a2.v1",
            "CSC.Blackmagic.BMDFilm_WideGamut_Gen5_to_ACES.a2.v1", "CSC.DJI.DLog_DGamut_to_ACES.a2.v1", "CSC.Apple.AppleLog_BT2020_to_ACES.a2.v1",
        })
        {
            Assert.Contains("urn:ampas:aces:transformId:v2.0:" + id, ids);
        }

        Assert.Contains("org.rushes.camera-log.davinci-intermediate-dwg-to-aces", ids);
        Assert.Equal(14, ids.Count(i => i.Contains("IDT.ARRI.Alexa-v3-logC-EI", StringComparison.Ordinal)));
        Assert.Empty(JsonNode.Parse(output)!["conflicts"]!.AsArray());
        Golden.VerifyJson(output, "color-list");
    }

    [Fact]
    public async Task List_text_groups_by_category_with_aliases_and_plugin()
    {
        var (code, output, _) = await Run("color", "list");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Input:", output, StringComparison.Ordinal);
        Assert.Contains("  urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC4_to_ACES.a2.v1  [org.rushes.camera-log; invertible]", output, StringComparison.Ordinal);
        Assert.Contains("      = ARRI_LOGC4_to_ACES2065-1", output, StringComparison.Ordinal);
        Assert.Contains("[org.rushes.camera-log; invertible, ei=800]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_reproduces_the_OCIO_builtin_vectors_of_every_transform_it_lists()
    {
        var (_, listed, _) = await Run("color", "list", "--json");
        var names = JsonNode.Parse(listed)!["transforms"]!.AsArray()
            .SelectMany(t => t!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).Prepend(t["id"]!.GetValue<string>()))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        using var vectors = JsonDocument.Parse(File.ReadAllText(ConformanceData.Path("color", "ocio-builtin-vectors.json")));
        var checkedCount = 0;
        var failures = new List<string>();
        foreach (var transform in vectors.RootElement.GetProperty("transforms").EnumerateArray())
        {
            var name = transform.GetProperty("name").GetString()!;
            if (!names.Contains(name))
            {
                continue;
            }

            var tolerance = transform.GetProperty("tolerance").GetDouble();
            double? unadjustedRed = transform.TryGetProperty("note", out var note) && UnadjustedReference().Match(note.GetString()!) is { Success: true } m
                ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : null;
            var pixels = transform.GetProperty("pixels").EnumerateArray().ToList();
            var args = new List<string> { "color", "eval", "--transform", name, "--json", "--" };
            args.AddRange(pixels.SelectMany(p => p.GetProperty("in").EnumerateArray().Select(v => v.GetDouble().ToString("R", CultureInfo.InvariantCulture))));
            var (code, output, error) = await Run([.. args]);
            Assert.True(code == ExitCodes.Ok, $"{name}: exit {code}: {error}");
            var results = JsonNode.Parse(output)!["results"]!.AsArray();
            for (var p = 0; p < pixels.Count; p++)
            {
                var expected = pixels[p].GetProperty("out").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                if (unadjustedRed is { } red)
                {
                    expected[0] = red; // upstream adjusted it to fit OCIO's float maths; the note gives the exact value
                }

                var actual = results[p]!["out"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                for (var c = 0; c < 3; c++)
                {
                    if (Error(actual[c], expected[c]) > tolerance)
                    {
                        failures.Add($"{name} pixel {p} channel {c}: {actual[c]:R} vs {expected[c]:R}");
                    }
                }
            }

            checkedCount++;
        }

        Assert.Empty(failures);
        Assert.Equal(44, checkedCount); // 29 aces-core built-ins and 15 camera-log ones
    }

    [Fact]
    public async Task Eval_applies_a_chain_in_order_to_triples_from_stdin()
    {
        const string Input = "0.5 0.4 0.3\n0.391007, 0.391007, 0.391007\n-0.05 0 1.0\n";
        string[] chain = ["color", "eval", "-t", "ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1", "-t", "urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACES_to_ACEScct.a1.0.3"];
        var (code, output, error) = await CliRunner.RunWithInputAsync(Input, _plugins.Args(chain));
        Assert.True(code == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);

        // LogC3 mid grey (0.391007) is 0.18 in ACES, which ACEScct encodes as 0.4135884 (color-science.md §1, §3.1).
        Assert.All(lines[1].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)), v => Assert.Equal(0.4135884, v, 5e-7));
        Golden.VerifyText(output, "color-eval-chain");

        // The same triples as arguments give the same text.
        var (_, fromArgs, _) = await Run([.. chain, "--", "0.5", "0.4", "0.3", "0.391007", "0.391007", "0.391007", "-0.05", "0", "1.0"]);
        Assert.Equal(output, fromArgs);
    }

    [Fact]
    public async Task Eval_inverse_undoes_the_chain()
    {
        string[] chain = ["color", "eval", "-t", "SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1", "-t", "ACES2065-1_to_ACEScct", "--json"];
        var (_, forward, _) = await Run([.. chain, "0.5", "0.4", "0.3", "0.2", "0.6", "0.9"]);
        var encoded = JsonNode.Parse(forward)!["results"]!.AsArray().SelectMany(r => r!["out"]!.AsArray().Select(v => v!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture))).ToArray();
        var (code, back, _) = await Run([.. chain, "--inverse", "--", .. encoded]);
        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonNode.Parse(back)!;
        Assert.Equal(["Inverse", "Inverse"], json["chain"]!.AsArray().Select(c => c!["direction"]!.GetValue<string>()));
        Assert.Equal("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACES_to_ACEScct.a1.0.3", json["chain"]![0]!["id"]!.GetValue<string>());
        double[] original = [0.5, 0.4, 0.3, 0.2, 0.6, 0.9];
        var decoded = json["results"]!.AsArray().SelectMany(r => r!["out"]!.AsArray().Select(v => v!.GetValue<double>())).ToArray();
        for (var i = 0; i < original.Length; i++)
        {
            Assert.Equal(original[i], decoded[i], 1e-5);
        }
    }

    [Fact]
    public async Task Eval_takes_parameters_after_an_at_sign()
    {
        var (code, ei1600, _) = await Run("color", "eval", "-t", "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1@ei=1600", "0.6", "0.6", "0.6");
        Assert.Equal(ExitCodes.Ok, code);
        var (_, fixedId, _) = await Run("color", "eval", "-t", "urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI1600.a1.v2", "0.6", "0.6", "0.6");
        Assert.Equal(fixedId, ei1600);
        var (_, ei800, _) = await Run("color", "eval", "-t", "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1", "0.6", "0.6", "0.6");
        Assert.NotEqual(ei800, ei1600);
    }

    [Theory]
    [InlineData(ExitCodes.Input, "transformId", "color", "eval", "-t", "SONY_SLOG3_SGAMUT3", "0.5", "0.4", "0.3")]
    [InlineData(ExitCodes.Input, "ei", "color", "eval", "-t", "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1@ei=12", "0.5", "0.4", "0.3")]
    [InlineData(ExitCodes.Usage, "rgb", "color", "eval", "-t", "ACEScg_to_ACES2065-1", "0.5", "0.4")]
    [InlineData(ExitCodes.Usage, "rgb", "color", "eval", "-t", "ACEScg_to_ACES2065-1", "0.5", "zero", "0.3")]
    [InlineData(ExitCodes.Usage, "--transform", "color", "eval", "-t", "ACEScg_to_ACES2065-1@ei", "0.5", "0.4", "0.3")]
    public async Task Eval_errors_name_the_field_and_exit_with_their_code(int exitCode, string field, params string[] args)
    {
        var (code, output, error) = await Run([.. args, "--json"]);
        Assert.Equal(exitCode, code);
        var json = JsonNode.Parse(output)!["error"]!;
        Assert.Equal(field, json["field"]!.GetValue<string>());
        Assert.Equal(exitCode, json["exitCode"]!.GetValue<int>());
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_transform_suggests_the_nearest_ids()
    {
        var (code, _, error) = await Run("color", "eval", "-t", "SONY_SLOG3_SGAMUT3", "0.5", "0.4", "0.3");
        Assert.Equal(ExitCodes.Input, code);
        Assert.Contains("Unknown colour transform 'SONY_SLOG3_SGAMUT3'. Nearest known: 'SONY_SLOG3-SGAMUT3_to_ACES2065-1'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_or_missing_stdin_is_an_input_error()
    {
        var (code, _, error) = await CliRunner.RunWithInputAsync("0.5 0.4 oops\n", _plugins.Args("color", "eval", "-t", "ACEScg_to_ACES2065-1"));
        Assert.Equal(ExitCodes.Input, code);
        Assert.Contains("<stdin>", error, StringComparison.Ordinal);
        Assert.Contains("'oops'", error, StringComparison.Ordinal);
        var (empty, _, emptyError) = await CliRunner.RunWithInputAsync(string.Empty, _plugins.Args("color", "eval", "-t", "ACEScg_to_ACES2065-1"));
        Assert.Equal(ExitCodes.Input, empty);
        Assert.Contains("No RGB values", emptyError, StringComparison.Ordinal);
        var (noTransform, _, _) = await Run("color", "eval", "0.5", "0.4", "0.3");
        Assert.Equal(ExitCodes.Usage, noTransform);
    }
}
