using System.Text.Json.Nodes;

namespace Rushes.Host.Render.Tests;

/// <summary>The job's FDL and canvas template frame the deliverable: its 2:1 framing decision, halved, and nothing else.</summary>
public sealed class FdlFramingTests : IDisposable
{
    private const int Width = 96;
    private const int Height = 54;

    // A 96 x 54 canvas with a 2:1 decision (96 x 48 at y = 3), and a template fitting that decision's width into 48 x 24.
    private const string Fdl = """
        {
          "uuid": "5d7c2c0e-6f0a-4b53-9d1e-1a2b3c4d5e6f",
          "version": { "major": 2, "minor": 0 },
          "fdl_creator": "Rushes tests",
          "default_framing_intent": "wide",
          "framing_intents": [ { "id": "wide", "aspect_ratio": { "width": 2, "height": 1 }, "protection": 0.0 } ],
          "contexts": [ {
            "label": "camera",
            "canvases": [ {
              "id": "cam", "source_canvas_id": "cam",
              "dimensions": { "width": 96, "height": 54 }, "anamorphic_squeeze": 1.0,
              "framing_decisions": [ {
                "id": "cam-wide", "framing_intent_id": "wide",
                "dimensions": { "width": 96.0, "height": 48.0 }, "anchor_point": { "x": 0.0, "y": 3.0 }
              } ]
            } ]
          } ],
          "canvas_templates": [ {
            "id": "half_wide", "label": "Half-size 2:1",
            "target_dimensions": { "width": 48, "height": 24 }, "target_anamorphic_squeeze": 1.0,
            "fit_source": "framing_decision.dimensions", "fit_method": "width",
            "alignment_method_vertical": "center", "alignment_method_horizontal": "center",
            "round": { "even": "even", "mode": "up" }
          } ]
        }
        """;

    private const string Spec = """
        spec: 1
        name: fdl-framed
        deliverables:
          - name: wide
            type: openexr
            options:
              pixel-type: float
            naming: "wide/{clip}.{frame:0000}.exr"
            sidecars: [fdl]

        """;

    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Canvas_template_of_the_job_fdl_crops_and_scales_as_the_fdl_says()
    {
        var clip = ExrFixture.WriteSequence(_work["clip"], "E005C001", Width, Height, 1, 2);
        var fdl = _work["E005C001.fdl"];
        File.WriteAllText(fdl, Fdl);
        var spec = TestSpecs.Write(_work.Path, "fdl-framed.yaml", Spec);
        var output = _work["out"];

        var (code, stdout, stderr) = await RushesProcess.RunAsync("render", "--clip", clip, "--fdl", fdl, "--template", "half_wide", "--spec", spec, "--out", output, "--json");
        Assert.True(code == 0, stderr);
        var wide = JsonNode.Parse(stdout)!["deliverables"]![0]!;
        Assert.Equal((48, 24), (wide["width"]!.GetValue<int>(), wide["height"]!.GetValue<int>()));
        Assert.Equal("canvas template 'half_wide' of E005C001.fdl", wide["framing"]!.GetValue<string>());

        // Output row j samples the source at y = 3 + 2j + 1 (pixel edges), the centre of source rows 2j+3 and 2j+4:
        // on the linear ramp in green that is exactly the ramp's value there, away from the edges the filter sees past.
        var (image, _) = ExrFixture.Read(Path.Combine(output, "wide/E005C001.0001.exr"));
        using (image)
        {
            Assert.Equal((48, 24), (image.Width, image.Height));
            for (var j = 3; j < 21; j++)
            {
                var expected = 0.01 + (0.9 * (2 * j + 3.5) / (Height - 1));
                Assert.True(Math.Abs(expected - image.GetRow(1, j)[24]) < 1e-4, $"row {j}: {image.GetRow(1, j)[24]} is not {expected}");
            }

            for (var i = 3; i < 45; i++)
            {
                var expected = -0.05 + (2.5 * (2 * i + 0.5) / (Width - 1));
                Assert.True(Math.Abs(expected - image.GetRow(0, 12)[i]) < 1e-4, $"column {i}: {image.GetRow(0, 12)[i]} is not {expected}");
            }
        }

        // The result FDL travels beside the frames and is valid.
        var sidecar = Path.Combine(output, "wide/E005C001.fdl");
        var (valid, _, validError) = await RushesProcess.RunAsync("fdl", "validate", sidecar);
        Assert.True(valid == 0, validError);
    }

    [Fact]
    public async Task Unknown_canvas_template_lists_the_fdls_own()
    {
        var clip = ExrFixture.WriteSequence(_work["clip"], "E005C002", Width, Height, 1, 1);
        var fdl = _work["E005C002.fdl"];
        File.WriteAllText(fdl, Fdl);
        var spec = TestSpecs.Write(_work.Path, "fdl-framed.yaml", Spec);
        var (code, stdout, _) = await RushesProcess.RunAsync("render", "--clip", clip, "--fdl", fdl, "--template", "full_wide", "--spec", spec, "--out", _work["out"], "--json");
        Assert.Equal(3, code);
        var error = JsonNode.Parse(stdout)!["error"]!;
        Assert.Contains("'half_wide'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("canvas_templates[].id", error["field"]!.GetValue<string>());
    }
}
