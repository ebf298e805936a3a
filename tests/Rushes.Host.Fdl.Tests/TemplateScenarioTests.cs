using System.Globalization;
using System.Text.Json;
using Rushes.Host.Fdl.Model;
using Rushes.Host.Fdl.Templates;

namespace Rushes.Host.Fdl.Tests;

/// <summary>
/// Every variant of the ASC's implementer scenarios: apply the template to the source and compare the
/// derived canvas and its framing decision with the expected file, floats within
/// max(1e-9·max(|a|,|b|), 1e-6) as the conformance notes say. Stale variants hold results of an
/// older rounding model upstream and are excluded; caveat variants compare geometry, and their
/// underscore attributes are advisory.
/// </summary>
public sealed class TemplateScenarioTests
{
    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var s in FdlScenario.All.Where(s => s.Status != "stale"))
        {
            data.Add($"{s.Number}-{s.Variant}");
        }

        return data;
    }

    [Fact]
    public void The_suite_has_every_scenario_wired()
    {
        Assert.Equal(35, FdlScenario.All.Count);
        Assert.Equal(32, Variants().Count);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Applying_the_template_reproduces_the_expected_result(string key)
    {
        var scenario = FdlScenario.All.Single(s => $"{s.Number}-{s.Variant}" == key);
        var result = Apply(scenario);
        var expectedDoc = FdlReader.ReadFile(Path.Combine(FdlScenario.Root, scenario.Expected));
        var expectedContext = expectedDoc.Contexts.First(c => c.Label?.Contains("VFX Pull", StringComparison.Ordinal) == true);
        var expected = expectedContext.Canvases.First(c => c.Label?.Contains("Custom", StringComparison.Ordinal) == true);
        var actual = result.Canvas;
        var errors = new List<string>();

        Compare(errors, "source_canvas_id", expected.SourceCanvasId, actual.SourceCanvasId);
        Compare(errors, "label", expected.Label, actual.Label);
        Compare(errors, "dimensions", expected.Dimensions, actual.Dimensions);
        Compare(errors, "effective_dimensions", expected.EffectiveDimensions, actual.EffectiveDimensions);
        Close(errors, "effective_anchor_point", expected.EffectiveAnchorPoint, actual.EffectiveAnchorPoint);
        Compare(errors, "photosite_dimensions", expected.PhotositeDimensions, actual.PhotositeDimensions);
        Close(errors, "physical_dimensions.width", expected.PhysicalDimensions?.Width, actual.PhysicalDimensions?.Width);
        Close(errors, "physical_dimensions.height", expected.PhysicalDimensions?.Height, actual.PhysicalDimensions?.Height);
        Close(errors, "anamorphic_squeeze", expected.AnamorphicSqueeze, actual.AnamorphicSqueeze);

        // Caveat variants were stored before the rounding delta was absorbed into the anchors (the
        // notes in scenarios.json): there an anchor may sit off by at most half that delta.
        double[] slack = scenario.Status == "caveat"
            ? [Math.Abs(actual.Dimensions.Width - result.ScaledBoundingBox.Width) / 2, Math.Abs(actual.Dimensions.Height - result.ScaledBoundingBox.Height) / 2]
            : [0, 0];
        var expectedDecision = expected.FramingDecisions[0];
        var actualDecision = actual.FramingDecisions[0];
        Compare(errors, "framing_intent_id", expectedDecision.FramingIntentId, actualDecision.FramingIntentId);
        Compare(errors, "framing.label", expectedDecision.Label ?? string.Empty, actualDecision.Label ?? string.Empty);
        Close(errors, "framing.dimensions.width", expectedDecision.Dimensions.Width, actualDecision.Dimensions.Width);
        Close(errors, "framing.dimensions.height", expectedDecision.Dimensions.Height, actualDecision.Dimensions.Height);
        Close(errors, "framing.anchor_point", expectedDecision.AnchorPoint, actualDecision.AnchorPoint, slack);
        Close(errors, "protection.width", expectedDecision.ProtectionDimensions?.Width, actualDecision.ProtectionDimensions?.Width);
        Close(errors, "protection.height", expectedDecision.ProtectionDimensions?.Height, actualDecision.ProtectionDimensions?.Height);
        Close(errors, "protection_anchor_point", expectedDecision.ProtectionAnchorPoint, actualDecision.ProtectionAnchorPoint, slack);

        var advisory = new List<string>();
        var custom = scenario.Status == "clean" ? errors : advisory;
        Close(custom, "_scale_factor", Number(expected, "_scale_factor"), result.ScaleFactor);
        Close(custom, "_scaled_bounding_box.width", Number(expected, "_scaled_bounding_box", "width"), result.ScaledBoundingBox.Width);
        Close(custom, "_scaled_bounding_box.height", Number(expected, "_scaled_bounding_box", "height"), result.ScaledBoundingBox.Height);
        Close(custom, "_content_translation.x", Number(expected, "_content_translation", "x"), result.ContentTranslation.X);
        Close(custom, "_content_translation.y", Number(expected, "_content_translation", "y"), result.ContentTranslation.Y);

        Assert.True(errors.Count == 0, $"{scenario}: {string.Join("; ", errors)}");

        // What we write is itself a valid FDL, and reads back to the same canvas.
        var written = FdlWriter.Write(result.Document);
        var reread = FdlReader.Parse(written, scenario.ToString());
        Assert.Equal(actual.Dimensions, reread.Contexts[0].Canvases[1].Dimensions);
    }

    [Fact]
    public void Stale_variants_are_the_three_the_notes_name()
        => Assert.Equal(["6-A", "6-B", "15-C"], FdlScenario.All.Where(s => s.Status == "stale").Select(s => $"{s.Number}-{s.Variant}"));

    internal static TemplateApplication Apply(FdlScenario scenario)
    {
        var source = FdlReader.ReadFile(Path.Combine(FdlScenario.Root, scenario.Source));
        var template = scenario.Template is { } t
            ? FdlReader.ReadFile(Path.Combine(FdlScenario.Root, t)).CanvasTemplates[0]
            : FdlReader.ReadFile(Path.Combine(FdlScenario.Root, scenario.Expected)).CanvasTemplates[0];
        var context = source.Contexts.Single(c => c.Label == scenario.SourceContext);
        var canvas = context.Canvases.Single(c => c.Label == scenario.SourceCanvas);
        var decision = canvas.FramingDecisions.Single(d => d.FramingIntentId == "1");
        return CanvasTemplateApplier.Apply(source, context, canvas, decision, template, new TemplateOptions { NewCanvasId = "123456781234567812345678123456" });
    }

    private static double? Number(Canvas canvas, string name, string? member = null)
    {
        if (canvas.Custom is null || !canvas.Custom.TryGetValue(name, out var value))
        {
            return null;
        }

        return member is null ? value.GetDouble() : value.GetProperty(member).GetDouble();
    }

    private static void Compare<T>(List<string> errors, string field, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            errors.Add($"{field}: expected {expected}, got {actual}");
        }
    }

    private static void Close(List<string> errors, string field, AnchorPoint? expected, AnchorPoint? actual, double[]? slack = null)
    {
        Close(errors, field + ".x", expected?.X, actual?.X, slack?[0] ?? 0);
        Close(errors, field + ".y", expected?.Y, actual?.Y, slack?[1] ?? 0);
    }

    private static void Close(List<string> errors, string field, double? expected, double? actual, double slack = 0)
    {
        if (expected is null && actual is null)
        {
            return;
        }

        if (expected is not { } e || actual is not { } a || Math.Abs(e - a) > Math.Max(1e-9 * Math.Max(Math.Abs(e), Math.Abs(a)), 1e-6) + slack)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: expected {expected?.ToString("R", CultureInfo.InvariantCulture) ?? "absent"}, got {actual?.ToString("R", CultureInfo.InvariantCulture) ?? "absent"}"));
        }
    }
}
