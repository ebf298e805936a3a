using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Farm.OpenJd;

/// <summary>
/// An Open Job Description job template (specification 2023-09) for the units of a planned job: one
/// step whose tasks are the unit indices, each running <c>rushes render --units FILE --unit-index N</c>.
/// Kept as a JSON tree so that it is written as YAML or JSON, which the specification both accepts.
/// </summary>
public static class OpenJdTemplate
{
    /// <summary>The template's <c>specificationVersion</c> (Template Schemas 2023-09, §1.1).</summary>
    public const string SpecificationVersion = "jobtemplate-2023-09";

    /// <summary>The job parameter that holds the units file.</summary>
    public const string UnitsFileParameter = "UnitsFile";

    /// <summary>The job parameter that holds the command the workers run.</summary>
    public const string ExecutableParameter = "RushesExecutable";

    /// <summary>The task parameter that numbers the units.</summary>
    public const string UnitIndexParameter = "UnitIndex";

    /// <summary>The one step's name.</summary>
    public const string StepName = "Render";

    // Limits of the 2023-09 Template Schemas: §1.1.1 job names, §7.2 descriptions, §2.5 job parameter
    // values, §5.3.2 notifyPeriodInSeconds.
    internal const int MaxJobName = 128;
    internal const int MaxDescription = 2048;
    internal const int MaxParameterValue = 1024;
    internal const int MaxNotifyPeriod = 600;

    /// <summary>The template for the units of <paramref name="units"/>.</summary>
    public static JsonObject Create(UnitSetSummary units, OpenJdTemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(options);
        var name = options.Name ?? $"rushes {units.JobId}";
        Check(name.Length is >= 1 and <= MaxJobName && !name.Any(char.IsControl) && !name.Contains("{{", StringComparison.Ordinal), "--name", name, $"1 to {MaxJobName} characters, no control characters and no '{{{{' (a job name is a format string)");
        Check(options.UnitsFile.Length is >= 1 and <= MaxParameterValue, "--units-path", options.UnitsFile, $"1 to {MaxParameterValue} characters");
        Check(options.Executable.Length is >= 1 and <= MaxParameterValue && !options.Executable.Any(char.IsControl), "--executable", options.Executable, $"1 to {MaxParameterValue} characters, no control characters");
        Check(options.TimeoutSeconds is null or > 0, "--timeout", options.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, "a positive number of seconds");
        Check(options.NotifyPeriodSeconds is >= 1 and <= MaxNotifyPeriod, "--notify-period", options.NotifyPeriodSeconds.ToString(CultureInfo.InvariantCulture), $"1 to {MaxNotifyPeriod} seconds");

        var onRun = new JsonObject
        {
            ["command"] = Reference($"Param.{ExecutableParameter}"),
            ["args"] = new JsonArray("render", "--units", Reference($"Param.{UnitsFileParameter}"), "--unit-index", Reference($"Task.Param.{UnitIndexParameter}")),
        };
        if (options.TimeoutSeconds is { } timeout)
        {
            onRun["timeout"] = timeout;
        }

        // A render unit is staged and published atomically and stops cleanly on SIGTERM, so the farm is
        // asked to notify first rather than kill the process tree at once.
        onRun["cancelation"] = new JsonObject { ["mode"] = "NOTIFY_THEN_TERMINATE", ["notifyPeriodInSeconds"] = options.NotifyPeriodSeconds };

        return new JsonObject
        {
            ["specificationVersion"] = SpecificationVersion,
            ["name"] = name,
            ["description"] = Describe(units),
            ["parameterDefinitions"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = UnitsFileParameter,
                    ["type"] = "PATH",
                    ["objectType"] = "FILE",
                    ["dataFlow"] = "IN",
                    ["default"] = options.UnitsFile,
                    ["description"] = "The units file written by rushes plan. Each task reads its unit from it, so every worker must see this path (path mapping applies).",
                    ["userInterface"] = new JsonObject { ["control"] = "CHOOSE_INPUT_FILE", ["label"] = "Units file" },
                },
                new JsonObject
                {
                    ["name"] = ExecutableParameter,
                    ["type"] = "STRING",
                    ["default"] = options.Executable,
                    ["minLength"] = 1,
                    ["description"] = "The rushes command on the workers: a name found on PATH or a full path.",
                    ["userInterface"] = new JsonObject { ["control"] = "LINE_EDIT", ["label"] = "rushes executable" },
                }),
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = StepName,
                ["description"] = "One task per work unit: decode, frame, colour and write the unit's frames to every deliverable of its spec. A unit is safe to rerun; a finished one is reused.",
                ["parameterSpace"] = new JsonObject
                {
                    ["taskParameterDefinitions"] = new JsonArray(new JsonObject
                    {
                        ["name"] = UnitIndexParameter,
                        ["type"] = "INT",
                        ["range"] = IndexRange(units.UnitCount),
                    }),
                },
                ["script"] = new JsonObject { ["actions"] = new JsonObject { ["onRun"] = onRun } },
            }),
        };
    }

    /// <summary>
    /// The unit indices as an integer range expression (§3.4.1.1.1): <c>0-(n-1)</c>, a single <c>0</c>
    /// for one unit. An expression rather than a list, which is limited to 1024 elements.
    /// </summary>
    public static string IndexRange(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return count == 1 ? "0" : string.Create(CultureInfo.InvariantCulture, $"0-{count - 1}");
    }

    private static string Reference(string name) => "{{" + name + "}}";

    private static string Describe(UnitSetSummary units)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{units.UnitCount} work unit{(units.UnitCount == 1 ? string.Empty : "s")} of rushes job {units.JobId}");
        AppendList(text, "spec", units.Specs);
        AppendList(text, "clip", units.Clips);
        text.Append('.');
        var description = new string([.. text.ToString().Select(c => char.IsControl(c) ? ' ' : c)]);
        return description.Length <= MaxDescription ? description : string.Concat(description.AsSpan(0, MaxDescription - 1), "…");
    }

    private static void AppendList(StringBuilder text, string noun, IReadOnlyList<string> values)
    {
        const int Shown = 3;
        if (values.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"; {noun}{(values.Count == 1 ? string.Empty : "s")} ");
        text.AppendJoin(", ", values.Take(Shown));
        if (values.Count > Shown)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {values.Count - Shown} more");
        }
    }

    private static void Check(bool ok, string field, string value, string expected)
    {
        if (!ok)
        {
            throw new InputException($"{field} '{value}' cannot go into an Open Job Description template.", field: field, expected: expected);
        }
    }
}
