using System.Text.Json.Nodes;
using Rushes.Host.Farm.OpenJd;
using Rushes.Host.Farm.Tests.OpenJd;

namespace Rushes.Host.Farm.Tests;

/// <summary>
/// The checker itself: the specification's own examples of range and combination expressions, a rich
/// template written by hand that must pass, and one broken rule at a time that must fail, so that
/// "the generated template validates" means something.
/// </summary>
public sealed class OpenJdRulesTests
{
    // The examples table of §3.4.1.1.1.
    [Theory]
    [InlineData("1 - 5", "1,2,3,4,5")]
    [InlineData("1 - -1", "1")]
    [InlineData("-1 - 1", "-1,0,1")]
    [InlineData("1-5:2", "1,3,5")]
    [InlineData("10-15:2,1-5", "1,2,3,4,5,10,12,14")]
    [InlineData("1-10:4", "1,5,9")]
    [InlineData("\t7 ", "7")]
    [InlineData("0-11", "0,1,2,3,4,5,6,7,8,9,10,11")]
    public void Range_expressions_expand_as_the_specification_says(string expression, string values)
        => Assert.Equal(values, string.Join(',', RangeExpression.Expand(expression)));

    [Theory]
    [InlineData("1-10:4,10-15")]
    [InlineData("1-5,3")]
    [InlineData("0-")]
    [InlineData("0-4:0")]
    [InlineData("a-b")]
    [InlineData("1,,2")]
    [InlineData("")]
    public void Malformed_or_overlapping_range_expressions_are_refused(string expression)
        => Assert.Throws<FormatException>(() => RangeExpression.Expand(expression));

    // The examples table of §3.4.3, with A=[1,2,3], B=[10,11,12], C=[20,21].
    [Theory]
    [InlineData("A * B", 9, "A=1 B=10|A=1 B=11")]
    [InlineData("(A,B)", 3, "A=1 B=10|A=2 B=11")]
    [InlineData("(A, B) * C", 6, "A=1 B=10 C=20|A=1 B=10 C=21")]
    public void Combinations_expand_as_the_specification_says(string expression, int count, string first)
    {
        var values = new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["1", "2", "3"], ["B"] = ["10", "11", "12"], ["C"] = ["20", "21"] };
        var used = values.Where(v => expression.Contains(v.Key, StringComparison.Ordinal)).ToDictionary();
        var tasks = new Combination(expression).Product(used);
        Assert.Equal(count, tasks.Count);
        Assert.Equal(first, string.Join('|', tasks.Take(2).Select(t => string.Join(' ', t.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")))));
    }

    [Fact]
    public void A_hand_written_template_with_every_part_is_valid()
        => Assert.Empty(OpenJdSchema.Validate(Rich()));

    [Fact]
    public void The_writers_template_is_valid_before_any_yaml()
        => Assert.Empty(OpenJdSchema.Validate(OpenJdTemplate.Create(new UnitSetSummary { JobId = UnitsFiles.JobId, UnitCount = 5000 }, new OpenJdTemplateOptions { UnitsFile = "/farm/UNITS.json" })));

    public static TheoryData<string, string> Breakages() => new()
    {
        { "unknown job parameter", "$.steps[0].script.actions.onRun.args[1]=\"{{Param.Nope}}\"" },
        { "unknown task parameter", "$.steps[0].script.actions.onRun.args[1]=\"{{Task.Param.Frame}}\"" },
        { "PATH Param in the job name", "$.name=\"job {{Param.Scene}}\"" },
        { "task value outside a step script", "$.name=\"job {{Task.Param.Index}}\"" },
        { "embedded file of another scope", "$.steps[0].script.actions.onRun.args[1]=\"{{Env.File.Setup}}\"" },
        { "unclosed interpolation", "$.steps[0].script.actions.onRun.command=\"{{Param.Exe\"" },
        { "malformed reference", "$.steps[0].script.actions.onRun.command=\"{{ Param..Exe }}\"" },
        { "overlapping range", "$.steps[0].parameterSpace.taskParameterDefinitions[0].range=\"1-10:4,10-15\"" },
        { "malformed range", "$.steps[0].parameterSpace.taskParameterDefinitions[0].range=\"0-\"" },
        { "non-integer in an INT list", "$.steps[0].parameterSpace.taskParameterDefinitions[0].range=[1,\"x\"]" },
        { "empty range list", "$.steps[0].parameterSpace.taskParameterDefinitions[0].range=[]" },
        { "parameter name not an identifier", "$.parameterDefinitions[1].name=\"1Exe\"" },
        { "duplicate job parameter", "$.parameterDefinitions[1].name=\"Scene\"" },
        { "duplicate step", "$.steps[1].name=\"Render\"" },
        { "dependency on no step", "$.steps[1].dependencies[0].dependsOn=\"Nowhere\"" },
        { "job name too long once resolved", "$.name=\"{{Param.Exe}}" + new string('n', 125) + "\"" },
        { "name with a control character", "$.name=\"a\\u0007b\"" },
        { "notify period over 600", "$.steps[0].script.actions.onRun.cancelation.notifyPeriodInSeconds=601" },
        { "terminate with a period", "$.steps[0].script.actions.onRun.cancelation.mode=\"TERMINATE\"" },
        { "unknown property", "$.steps[0].script.actions.onCancel={\"command\":\"x\"}" },
        { "wrong specification version", "$.specificationVersion=\"jobtemplate-2024-01\"" },
        { "combination with an unknown parameter", "$.steps[0].parameterSpace.combination=\"(Index, Other)\"" },
        { "combination of unequal lengths", "$.steps[0].parameterSpace.combination=\"(Index, Shot)\"" },
        { "combination missing a parameter", "$.steps[0].parameterSpace.combination=\"Index\"" },
        { "default outside allowedValues", "$.parameterDefinitions[2].default=\"blue\"" },
        { "default over maxValue", "$.parameterDefinitions[3].default=99" },
        { "amount name not in its namespace", "$.steps[0].hostRequirements.amounts[0].name=\"worker.vcpu\"" },
        { "environment named twice", "$.steps[0].stepEnvironments[0].name=\"Setup\"" },
        { "embedded file name not an identifier", "$.steps[0].script.embeddedFiles[0].name=\"run-me\"" },
        { "embedded file name with a folder", "$.steps[0].script.embeddedFiles[0].filename=\"dir/run.sh\"" },
        { "environment variable name", "$.jobEnvironments[0].variables={\"1X\":\"y\"}" },
        { "missing script", "$.steps[1].script=null" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Each_broken_rule_is_reported(string rule, string change)
    {
        var template = Rich();
        Apply(template, change);

        Assert.True(OpenJdSchema.Validate(template).Count > 0, $"{rule}: {change} passed");
    }

    /// <summary>A template that uses every part of the job template schema we check.</summary>
    private static JsonObject Rich() => JsonNode.Parse("""
        {
          "specificationVersion": "jobtemplate-2023-09",
          "$schema": "ignored",
          "name": "job {{Param.Exe}} {{RawParam.Scene}}",
          "description": "Line one.\nLine two.",
          "parameterDefinitions": [
            { "name": "Scene", "type": "PATH", "objectType": "FILE", "dataFlow": "IN", "default": "/a/b.json",
              "userInterface": { "control": "CHOOSE_INPUT_FILE", "fileFilters": [ { "label": "JSON", "patterns": ["*.json"] }, { "label": "All", "patterns": ["*"] } ] } },
            { "name": "Exe", "type": "STRING", "default": "rushes", "minLength": 1 },
            { "name": "Colour", "type": "STRING", "allowedValues": ["red", "green"], "default": "red", "userInterface": { "control": "DROPDOWN_LIST" } },
            { "name": "Count", "type": "INT", "minValue": 1, "maxValue": "10", "default": 4 },
            { "name": "Scale", "type": "FLOAT", "default": "1.5" }
          ],
          "jobEnvironments": [
            { "name": "Setup", "variables": { "RUSHES_LOG": "{{Session.WorkingDirectory}}/log" },
              "script": { "actions": { "onEnter": { "command": "{{Env.File.Enter}}" } },
                          "embeddedFiles": [ { "name": "Enter", "type": "TEXT", "runnable": true, "data": "#!/bin/sh\necho openjd_env: SCENE={{Param.Scene}}\n" } ] } }
          ],
          "steps": [
            {
              "name": "Render",
              "stepEnvironments": [ { "name": "Scratch", "variables": { "TMPDIR": "/scratch" } } ],
              "hostRequirements": {
                "amounts": [ { "name": "amount.worker.vcpu", "min": 2 } ],
                "attributes": [ { "name": "attr.worker.os.family", "anyOf": ["linux"] } ]
              },
              "parameterSpace": {
                "taskParameterDefinitions": [
                  { "name": "Index", "type": "INT", "range": "0-2" },
                  { "name": "Shot", "type": "STRING", "range": ["a", "b"] },
                  { "name": "Gain", "type": "FLOAT", "range": [1, "2.5"] }
                ],
                "combination": "Index * (Shot, Gain)"
              },
              "script": {
                "actions": { "onRun": { "command": "{{Param.Exe}}",
                  "args": ["render", "{{Param.Scene}}", "{{Task.Param.Index}}", "{{Task.RawParam.Shot}}", "{{Task.File.Run}}", "{{Session.PathMappingRulesFile}}"],
                  "timeout": 60, "cancelation": { "mode": "NOTIFY_THEN_TERMINATE", "notifyPeriodInSeconds": 30 } } },
                "embeddedFiles": [ { "name": "Run", "type": "TEXT", "filename": "run.sh", "data": "{{Task.Param.Index}} {{Param.Colour}}" } ]
              }
            },
            {
              "name": "Report",
              "dependencies": [ { "dependsOn": "Render" } ],
              "script": { "actions": { "onRun": { "command": "echo", "args": ["done {{Param.Count}}"], "cancelation": { "mode": "TERMINATE" } } } }
            }
          ]
        }
        """)!.AsObject();

    // "$.a.b[0].c=JSON" sets (or, with null, removes) one value.
    private static void Apply(JsonObject template, string change)
    {
        var equals = change.IndexOf('=', StringComparison.Ordinal);
        var steps = change[2..equals].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode parent = template;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            parent = steps[i].StartsWith('[') ? parent[int.Parse(steps[i][1..^1])]! : parent[steps[i]]!;
        }

        var last = steps[^1];
        var value = JsonNode.Parse(change[(equals + 1)..]);
        if (last.StartsWith('['))
        {
            parent[int.Parse(last[1..^1])] = value;
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }
}
