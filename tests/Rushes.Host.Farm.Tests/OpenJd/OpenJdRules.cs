using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rushes.Host.Farm.Tests.OpenJd;

/// <summary>
/// The rules of the OpenJD 2023-09 Template Schemas that a JSON Schema cannot state, written out from
/// the specification's prose (section numbers beside each): unique names, format-string references
/// only to values defined and in scope, range and combination expressions, resolved lengths, and
/// defaults that meet their own constraints. Run after the schema, on a schema-valid template.
/// </summary>
public static class OpenJdRules
{
    private static readonly string[] SessionValues = ["Session.WorkingDirectory", "Session.HasPathMappingRules", "Session.PathMappingRulesFile"];

    /// <summary>Every rule broken, each with its JSON path; empty when the template is valid.</summary>
    public static IReadOnlyList<string> Check(JsonObject template)
    {
        var issues = new List<string>();
        var parameters = JobParameters(template, issues);
        var defaults = parameters.Where(p => p.Value.Default is not null).ToDictionary(p => p.Key, p => p.Value.Default!, StringComparer.Ordinal);

        // §7.3.1: Param of a PATH parameter is only available inside environments and step scripts.
        bool JobScope(string name)
            => (name.StartsWith("Param.", StringComparison.Ordinal) && parameters.TryGetValue(name[6..], out var p) && p.Type != "PATH")
            || (name.StartsWith("RawParam.", StringComparison.Ordinal) && parameters.ContainsKey(name[9..]));
        bool AnyParam(string name)
            => (name.StartsWith("Param.", StringComparison.Ordinal) && parameters.ContainsKey(name[6..]))
            || (name.StartsWith("RawParam.", StringComparison.Ordinal) && parameters.ContainsKey(name[9..]));

        // §1.1.1: the job name is at most 128 characters once resolved.
        var jobName = template["name"]!.GetValue<string>();
        if (References(jobName, "$.name", JobScope, issues) && Resolvable(jobName, defaults, out var resolvedName) && resolvedName.Length > 128)
        {
            issues.Add($"$.name: {resolvedName.Length} characters once resolved; at most 128 (§1.1.1)");
        }

        var jobEnvironments = Environments(template["jobEnvironments"] as JsonArray, "$.jobEnvironments", AnyParam, issues);
        var steps = template["steps"]!.AsArray();
        var stepNames = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s]!.AsObject();
            var path = $"$.steps[{s}]";
            var name = step["name"]!.GetValue<string>();
            if (!stepNames.Add(name))
            {
                issues.Add($"{path}.name: a second step named '{name}' (§3 item 1)");
            }

            var stepEnvironments = Environments(step["stepEnvironments"] as JsonArray, $"{path}.stepEnvironments", AnyParam, issues);
            foreach (var shared in stepEnvironments.Intersect(jobEnvironments, StringComparer.Ordinal))
            {
                issues.Add($"{path}.stepEnvironments: '{shared}' is also a job environment (§3 item 4)");
            }

            HostRequirements(step["hostRequirements"] as JsonObject, $"{path}.hostRequirements", JobScope, issues);
            var taskParameters = ParameterSpace(step["parameterSpace"] as JsonObject, $"{path}.parameterSpace", JobScope, defaults, issues);
            StepScript(step["script"]!.AsObject(), $"{path}.script", AnyParam, taskParameters, issues);
        }

        // §3.2: a dependency names another step of the same template.
        for (var s = 0; s < steps.Count; s++)
        {
            var own = steps[s]!["name"]!.GetValue<string>();
            foreach (var (dependency, d) in (steps[s]!["dependencies"] as JsonArray ?? []).Select((x, i) => (x!["dependsOn"]!.GetValue<string>(), i)))
            {
                if (dependency == own || !stepNames.Contains(dependency))
                {
                    issues.Add($"$.steps[{s}].dependencies[{d}].dependsOn: '{dependency}' is not another step of this template (§3.2)");
                }
            }
        }

        return issues;
    }

    /// <summary>The tasks of a step: each task's value of every task parameter (as text), in the order of the parameter space.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Tasks(JsonObject step, IReadOnlyDictionary<string, string> jobParameterValues)
    {
        if (step["parameterSpace"] is not JsonObject space)
        {
            return [new Dictionary<string, string>()];
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var definition in space["taskParameterDefinitions"]!.AsArray())
        {
            values[definition!["name"]!.GetValue<string>()] = RangeValues(definition.AsObject(), jobParameterValues);
        }

        var combination = space["combination"]?.GetValue<string>() ?? string.Join(" * ", values.Keys);
        return new Combination(combination).Product(values);
    }

    private sealed record JobParameter(string Type, string? Default);

    private static Dictionary<string, JobParameter> JobParameters(JsonObject template, List<string> issues)
    {
        var parameters = new Dictionary<string, JobParameter>(StringComparer.Ordinal);
        var definitions = template["parameterDefinitions"] as JsonArray ?? [];
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i]!.AsObject();
            var path = $"$.parameterDefinitions[{i}]";
            var name = definition["name"]!.GetValue<string>();
            var type = definition["type"]!.GetValue<string>();
            var value = definition["default"] is { } d ? Text(d) : null;
            if (!parameters.TryAdd(name, new JobParameter(type, value)))
            {
                issues.Add($"{path}.name: a second job parameter named '{name}'");
            }

            DefaultMeetsConstraints(definition, type, value, path, issues);
        }

        return parameters;
    }

    // §2.1 to §2.4: a default is a value the definition itself would accept.
    private static void DefaultMeetsConstraints(JsonObject definition, string type, string? value, string path, List<string> issues)
    {
        if (value is null)
        {
            return;
        }

        if (definition["allowedValues"] is JsonArray allowed && !allowed.Any(a => Text(a!) == value))
        {
            issues.Add($"{path}.default: '{value}' is not among allowedValues");
        }

        if (type is "STRING" or "PATH")
        {
            if (definition["minLength"] is { } min && value.Length < long.Parse(Text(min), CultureInfo.InvariantCulture))
            {
                issues.Add($"{path}.default: shorter than minLength");
            }

            if (definition["maxLength"] is { } max && value.Length > long.Parse(Text(max), CultureInfo.InvariantCulture))
            {
                issues.Add($"{path}.default: longer than maxLength");
            }
        }
        else
        {
            var number = double.Parse(value, CultureInfo.InvariantCulture);
            if ((definition["minValue"] is { } min && number < double.Parse(Text(min), CultureInfo.InvariantCulture))
                || (definition["maxValue"] is { } max && number > double.Parse(Text(max), CultureInfo.InvariantCulture)))
            {
                issues.Add($"{path}.default: {value} is outside minValue..maxValue");
            }
        }
    }

    private static HashSet<string> Environments(JsonArray? environments, string path, Func<string, bool> parameter, List<string> issues)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 0; e < (environments?.Count ?? 0); e++)
        {
            var environment = environments![e]!.AsObject();
            var at = $"{path}[{e}]";
            if (!names.Add(environment["name"]!.GetValue<string>()))
            {
                issues.Add($"{at}.name: a second environment named '{environment["name"]}' (§1.1 item 6, §3 item 4)");
            }

            // §4: Param, RawParam, Session and the environment's own embedded files (Env.File).
            var script = environment["script"] as JsonObject;
            var files = EmbeddedFiles(script, $"{at}.script", issues);
            bool Scope(string name) => parameter(name) || SessionValues.Contains(name) || (name.StartsWith("Env.File.", StringComparison.Ordinal) && files.Contains(name[9..]));
            foreach (var (text, where) in Strings(script, $"{at}.script").Concat(Strings(environment["variables"] as JsonObject, $"{at}.variables")))
            {
                References(text, where, Scope, issues);
            }
        }

        return names;
    }

    private static void HostRequirements(JsonObject? requirements, string path, Func<string, bool> scope, List<string> issues)
    {
        if (requirements is null)
        {
            return;
        }

        var amounts = requirements["amounts"] as JsonArray ?? [];
        var attributes = requirements["attributes"] as JsonArray ?? [];
        if (amounts.Count + attributes.Count > 50)
        {
            issues.Add($"{path}: {amounts.Count + attributes.Count} requirements; at most 50 (§3.3)");
        }

        for (var a = 0; a < attributes.Count; a++)
        {
            foreach (var list in new[] { "anyOf", "allOf" })
            {
                foreach (var (value, v) in (attributes[a]![list] as JsonArray ?? []).Select((x, i) => (x!.GetValue<string>(), i)))
                {
                    References(value, $"{path}.attributes[{a}].{list}[{v}]", scope, issues);
                }
            }
        }
    }

    private static Dictionary<string, int> ParameterSpace(JsonObject? space, string path, Func<string, bool> scope, Dictionary<string, string> defaults, List<string> issues)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (space is null)
        {
            return sizes;
        }

        var definitions = space["taskParameterDefinitions"]!.AsArray();
        for (var t = 0; t < definitions.Count; t++)
        {
            var definition = definitions[t]!.AsObject();
            var at = $"{path}.taskParameterDefinitions[{t}]";
            var name = definition["name"]!.GetValue<string>();
            var range = definition["range"]!;
            var texts = range is JsonArray list ? list.Select(x => Text(x!)).ToList() : [range.GetValue<string>()];
            var resolvable = texts.All(x => References(x, $"{at}.range", scope, issues));
            var size = -1;
            if (resolvable && texts.All(x => Resolvable(x, defaults, out _)))
            {
                try
                {
                    size = RangeValues(definition, defaults).Count;
                }
                catch (FormatException ex)
                {
                    issues.Add($"{at}.range: {ex.Message} (§3.4.1)");
                }
            }

            if (!sizes.TryAdd(name, size))
            {
                issues.Add($"{at}.name: a second task parameter named '{name}' (§3.4.1)");
            }
        }

        if (space["combination"] is { } combination)
        {
            try
            {
                new Combination(combination.GetValue<string>()).Check(sizes);
            }
            catch (FormatException ex)
            {
                issues.Add($"{path}.combination: {ex.Message} (§3.4.3)");
            }
        }

        return sizes;
    }

    private static void StepScript(JsonObject script, string path, Func<string, bool> parameter, Dictionary<string, int> taskParameters, List<string> issues)
    {
        // §3.5, §7.3.1: job and task parameters, the script's own embedded files, and the session values.
        var files = EmbeddedFiles(script, path, issues);
        bool Scope(string name)
            => parameter(name) || SessionValues.Contains(name)
            || (name.StartsWith("Task.Param.", StringComparison.Ordinal) && taskParameters.ContainsKey(name[11..]))
            || (name.StartsWith("Task.RawParam.", StringComparison.Ordinal) && taskParameters.ContainsKey(name[14..]))
            || (name.StartsWith("Task.File.", StringComparison.Ordinal) && files.Contains(name[10..]));
        foreach (var (text, where) in Strings(script, path))
        {
            References(text, where, Scope, issues);
        }
    }

    private static HashSet<string> EmbeddedFiles(JsonObject? script, string path, List<string> issues)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, f) in (script?["embeddedFiles"] as JsonArray ?? []).Select((x, i) => (x!, i)))
        {
            if (!names.Add(file["name"]!.GetValue<string>()))
            {
                issues.Add($"{path}.embeddedFiles[{f}].name: a second embedded file named '{file["name"]}' (§6)");
            }
        }

        return names;
    }

    // The format strings under a script: commands, arguments, embedded file data (§5, §6.1); the
    // timeouts, modes and names around them are not format strings.
    private static IEnumerable<(string Text, string Path)> Strings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    if (key is "name" or "type" or "filename" or "mode")
                    {
                        continue;
                    }

                    foreach (var found in Strings(value, $"{path}.{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var found in Strings(list[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return (value.GetValue<string>(), path);
                break;
        }
    }

    /// <summary>Checks every reference of a format string against its scope; false when any is wrong.</summary>
    private static bool References(string text, string path, Func<string, bool> scope, List<string> issues)
    {
        try
        {
            var wrong = FormatStrings.References(text).Where(name => !scope(name)).ToList();
            foreach (var name in wrong)
            {
                issues.Add($"{path}: '{{{{{name}}}}}' refers to no value defined in this scope (§7.3.1)");
            }

            return wrong.Count == 0;
        }
        catch (FormatException ex)
        {
            issues.Add($"{path}: {ex.Message} (§7.3)");
            return false;
        }
    }

    private static bool Resolvable(string text, IReadOnlyDictionary<string, string> defaults, out string resolved)
    {
        var values = defaults.SelectMany(d => new[] { KeyValuePair.Create("Param." + d.Key, d.Value), KeyValuePair.Create("RawParam." + d.Key, d.Value) }).ToDictionary(StringComparer.Ordinal);
        try
        {
            resolved = FormatStrings.Resolve(text, values);
            return true;
        }
        catch (KeyNotFoundException)
        {
            resolved = text;
            return false;
        }
    }

    private static List<string> RangeValues(JsonObject definition, IReadOnlyDictionary<string, string> jobParameterValues)
    {
        var values = jobParameterValues.SelectMany(d => new[] { KeyValuePair.Create("Param." + d.Key, d.Value), KeyValuePair.Create("RawParam." + d.Key, d.Value) }).ToDictionary(StringComparer.Ordinal);
        var range = definition["range"]!;
        var type = definition["type"]!.GetValue<string>();
        if (range is JsonArray list)
        {
            var items = list.Select(x => FormatStrings.Resolve(Text(x!), values)).ToList();
            if (type == "INT" && items.FirstOrDefault(x => !long.TryParse(x.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) is { } notInteger)
            {
                throw new FormatException($"'{notInteger}' is not an integer");
            }

            return items;
        }

        return [.. RangeExpression.Expand(FormatStrings.Resolve(range.GetValue<string>(), values)).Select(v => v.ToString(CultureInfo.InvariantCulture))];
    }

    private static string Text(JsonNode node) => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}
