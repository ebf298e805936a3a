using System.Text.Json;
using Rushes.Testing;

namespace Rushes.Host.Fdl.Tests;

/// <summary>One variant of the ASC's implementer scenarios, as wired in shared/conformance/fdl/scenarios.json.</summary>
public sealed record FdlScenario(int Number, string Name, string Variant, string? Template, string Source, string SourceContext, string SourceCanvas, string Expected, string Status)
{
    public override string ToString() => $"Scen{Number}-{Variant} ({Status})";

    public static string Root => ConformanceData.Path("fdl");

    public static IReadOnlyList<FdlScenario> All { get; } = Load();

    private static List<FdlScenario> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "scenarios.json")));
        var list = new List<FdlScenario>();
        foreach (var scenario in json.RootElement.GetProperty("scenarios").EnumerateArray())
        {
            var template = scenario.TryGetProperty("template", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            foreach (var v in scenario.GetProperty("variants").EnumerateArray())
            {
                list.Add(new FdlScenario(
                    scenario.GetProperty("number").GetInt32(),
                    scenario.GetProperty("name").GetString()!,
                    v.GetProperty("variant").GetString()!,
                    template,
                    v.GetProperty("source").GetString()!,
                    v.GetProperty("source_context_label").GetString()!,
                    v.GetProperty("source_canvas_label").GetString()!,
                    v.GetProperty("expected").GetString()!,
                    v.GetProperty("status").GetString()!));
            }
        }

        return list;
    }
}
