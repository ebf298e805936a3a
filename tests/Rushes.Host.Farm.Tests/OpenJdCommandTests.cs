using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Host.Farm.Tests.OpenJd;

namespace Rushes.Host.Farm.Tests;

/// <summary>
/// <c>rushes openjd</c>: the template it writes is read back by an independent YAML reader, validated
/// against our JSON Schema of OpenJD 2023-09 and the specification's rules (<see cref="OpenJdRules"/>),
/// and expanded into its tasks, whose resolved command lines must each render exactly one unit.
/// </summary>
public sealed class OpenJdCommandTests : IDisposable
{
    private readonly UnitsFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Twelve_units_make_a_valid_template_of_twelve_tasks_each_rendering_its_unit()
    {
        var units = _files.Write(_files.Plan(12));
        var output = Path.Combine(_files.Folder, "template.yaml");

        var (code, _, error) = await RunAsync("openjd", units, "-o", output);

        Assert.Equal(0, code);
        Assert.Contains("12 tasks (UnitIndex 0-11)", error);
        var template = YamlTree.Read(File.ReadAllText(output))!.AsObject();
        Assert.Empty(OpenJdSchema.Validate(template));
        Assert.Equal("jobtemplate-2023-09", (string?)template["specificationVersion"]);
        Assert.Equal($"rushes {UnitsFiles.JobId}", (string?)template["name"]);
        Assert.Equal("12 work units of rushes job 0123456789abcdef0123456789abcdef; spec vfx-plates; clip /shows/demo/card/A001C003.", (string?)template["description"]);

        var parameters = template["parameterDefinitions"]!.AsArray();
        Assert.Equal(["UnitsFile:PATH", "RushesExecutable:STRING"], parameters.Select(p => $"{p!["name"]}:{p["type"]}"));
        Assert.Equal(units, (string?)parameters[0]!["default"]);
        Assert.Equal("rushes", (string?)parameters[1]!["default"]);

        var step = Assert.Single(template["steps"]!.AsArray())!.AsObject();
        Assert.Equal("0-11", (string?)step["parameterSpace"]!["taskParameterDefinitions"]![0]!["range"]);
        Assert.Equal(["render", "--units", units, "--unit-index", "0", "render", "--units", units, "--unit-index", "11"], CommandLines(template, step).Where((_, i) => i is 0 or 11).SelectMany(c => c.Skip(1)));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"rushes render --units {units} --unit-index {i}"), CommandLines(template, step).Select(c => string.Join(' ', c)));
        Assert.Equal("NOTIFY_THEN_TERMINATE", (string?)step["script"]!["actions"]!["onRun"]!["cancelation"]!["mode"]);
    }

    [Fact]
    public async Task Each_tasks_command_line_is_one_that_rushes_render_takes_for_its_own_unit()
    {
        var units = _files.Write(_files.Plan(12, clipPerUnit: true));
        var (code, yaml, _) = await RunAsync("openjd", units);
        Assert.Equal(0, code);
        var template = YamlTree.Read(yaml)!.AsObject();
        Assert.Contains("; clips ", (string?)template["description"]);
        Assert.EndsWith(" and 9 more.", (string?)template["description"]);
        var lines = CommandLines(template, template["steps"]![0]!.AsObject()).ToList();

        // The last task's unit is read and its own clip looked for (none is on disk: an input error).
        var (renderCode, _, renderError) = await RunAsync([.. lines[11].Skip(1)]);
        Assert.Equal(3, renderCode);
        Assert.Contains(Path.Combine(_files.Folder, "A001C011"), renderError);

        // One past the last task names no unit.
        var (pastCode, _, pastError) = await RunAsync([.. lines[11].Skip(1).SkipLast(1), "12"]);
        Assert.Equal(3, pastCode);
        Assert.Contains("There is no unit 12: the set has 12 units.", pastError);
    }

    [Fact]
    public async Task The_yaml_and_json_forms_are_the_same_document()
    {
        var units = _files.Write(_files.Plan(3));
        var yaml = Path.Combine(_files.Folder, "t.yaml");
        var json = Path.Combine(_files.Folder, "t.json");

        Assert.Equal(0, (await RunAsync("openjd", units, "-o", yaml)).Code);
        Assert.Equal(0, (await RunAsync("openjd", units, "-o", json)).Code);
        var (code, stdout, _) = await RunAsync("openjd", units);

        Assert.Equal(0, code);
        var fromJson = JsonNode.Parse(File.ReadAllText(json));
        Assert.True(JsonNode.DeepEquals(fromJson, YamlTree.Read(File.ReadAllText(yaml))), "the YAML template reads back as the JSON one");
        Assert.Equal(File.ReadAllText(yaml), stdout);
        Assert.Empty(OpenJdSchema.Validate(fromJson));
    }

    [Fact]
    public async Task Values_that_yaml_would_misread_stay_text_and_options_set_the_defaults()
    {
        // A path with YAML indicators in it, and an executable named like a number.
        var units = _files.Write(_files.Plan(1, clip: "/card: A # 1/[x]"), "units: #1.json");
        var farmPath = "/mnt/farm/job: 1 & {x}/units.json";
        var output = Path.Combine(_files.Folder, "t.yaml");

        var (code, _, _) = await RunAsync("openjd", units, "-o", output, "--units-path", farmPath, "--executable", "1234", "--name", "true", "--timeout", "3600", "--notify-period", "30");

        Assert.Equal(0, code);
        var template = YamlTree.Read(File.ReadAllText(output))!.AsObject();
        Assert.Empty(OpenJdSchema.Validate(template));
        Assert.Equal("true", (string?)template["name"]);
        var step = template["steps"]![0]!.AsObject();
        Assert.Equal("0", (string?)step["parameterSpace"]!["taskParameterDefinitions"]![0]!["range"]);
        Assert.Equal([$"1234 render --units {farmPath} --unit-index 0"], CommandLines(template, step).Select(c => string.Join(' ', c)));
        var onRun = step["script"]!["actions"]!["onRun"]!;
        Assert.Equal(3600, (long)onRun["timeout"]!);
        Assert.Equal(30, (long)onRun["cancelation"]!["notifyPeriodInSeconds"]!);
        Assert.Contains("clip /card: A # 1/[x]", (string?)template["description"]);
    }

    [Theory]
    [InlineData("missing", "does not exist", null)]
    [InlineData("schema=\"rushes.units/2\"", "schema", "rushes.units/1")]
    [InlineData("units=[]", "has no units", "units")]
    [InlineData("units[1].index=2", "units[1].index", "index order")]
    [InlineData("bogus=1", "bogus", null)]
    [InlineData("truncated", "not a unit set", null)]
    public async Task A_bad_units_file_is_an_input_error_that_names_the_field(string change, string said, string? expected)
    {
        var units = _files.Plan(2);
        var path = Path.Combine(_files.Folder, "UNITS.json");
        if (change == "truncated")
        {
            File.WriteAllText(path, units.ToJsonString()[..40]);
        }
        else if (change != "missing")
        {
            var equals = change.IndexOf('=', StringComparison.Ordinal);
            var value = JsonNode.Parse(change[(equals + 1)..]);
            if (change.StartsWith("units[1].", StringComparison.Ordinal))
            {
                units["units"]![1]!["index"] = value;
            }
            else
            {
                units[change[..equals]] = value;
            }

            File.WriteAllText(path, units.ToJsonString());
        }

        var (code, stdout, error) = await RunAsync("openjd", path, "-o", Path.Combine(_files.Folder, "t.yaml"));

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains(said, error);
        if (expected is not null)
        {
            Assert.Contains(expected, error);
        }

        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(_files.Folder, "t.yaml")));
    }

    [Theory]
    [InlineData("--name", "shot {{Param.X}}")]
    [InlineData("--notify-period", "601")]
    [InlineData("--timeout", "0")]
    public async Task Options_that_would_make_an_invalid_template_are_refused(string option, string value)
    {
        var units = _files.Write(_files.Plan(2));

        var (code, stdout, error) = await RunAsync("openjd", units, option, value);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains(option, error);
    }

    /// <summary>Each task's command and arguments, resolved with the job parameters' defaults and the task's values.</summary>
    internal static IEnumerable<string[]> CommandLines(JsonObject template, JsonObject step)
    {
        var defaults = template["parameterDefinitions"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (string)p!["default"]!);
        var onRun = step["script"]!["actions"]!["onRun"]!;
        foreach (var task in OpenJdRules.Tasks(step, defaults))
        {
            var values = defaults.SelectMany(d => new[] { KeyValuePair.Create("Param." + d.Key, d.Value), KeyValuePair.Create("RawParam." + d.Key, d.Value) })
                .Concat(task.SelectMany(t => new[] { KeyValuePair.Create("Task.Param." + t.Key, t.Value), KeyValuePair.Create("Task.RawParam." + t.Key, t.Value) }))
                .ToDictionary(StringComparer.Ordinal);
            yield return [FormatStrings.Resolve((string)onRun["command"]!, values), .. onRun["args"]!.AsArray().Select(a => FormatStrings.Resolve((string)a!, values))];
        }
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
