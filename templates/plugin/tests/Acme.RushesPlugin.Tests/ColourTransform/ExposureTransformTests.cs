using System.Globalization;
using System.Text;
using System.Text.Json;
using Acme.RushesPlugin.ColourTransform;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Testing;

namespace Acme.RushesPlugin.Tests.ColourTransform;

public sealed class ExposureTransformTests
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly ExposureTransformProvider _provider = new();

    [Fact]
    public void Declares_and_compiles_the_exposure_transform()
    {
        var cases = new[]
        {
            ("forward, default", Describe()),
            ("forward, +1 stop", Describe(stops: "1")),
            ("forward, -2.5 stops", Describe(stops: "-2.5")),
            ("inverse, +1 stop", Describe(stops: "1", direction: TransformDirection.Inverse)),
            ("by alias", Describe("exposure", stops: "1")),
        };

        var report = new
        {
            transforms = _provider.Transforms.Select(t => new
            {
                t.Id,
                t.Aliases,
                category = t.Category.ToString(),
                t.Invertible,
                parameters = t.Parameters.Select(p => $"{p.Name}: {p.Type}, default {p.Default}, {p.Minimum} to {p.Maximum}"),
            }),
            compiled = cases.Select(c =>
            {
                var processor = _provider.Compile(c.Item2);
                return new { @case = c.Item1, processor.CacheId, processor.IsIdentity, matrix = processor.AsMatrix?.ToString() };
            }),
        };

        Golden.VerifyJson(JsonSerializer.Serialize(report, JsonOptions), "transforms");
    }

    [Fact]
    public void Brightens_a_ramp_by_one_and_a_half_stops()
    {
        using var image = Ramp(16, 4);
        _provider.Compile(Describe(stops: "1.5")).Apply(image.GetPlane(0), image.GetPlane(1), image.GetPlane(2));

        Golden.VerifyImage(FloatImage.FromPlanar(image), "ramp-plus-1.5-stops", ImageTolerance.Exact);
    }

    [Fact]
    public void Vector_loops_match_scalar_arithmetic_at_every_length()
    {
        var processor = _provider.Compile(Describe(stops: "0.7"));
        var gain = (float)Math.Pow(2, 0.7);
        for (var length = 0; length <= 67; length++)
        {
            var red = Values(length, 1);
            var green = Values(length, 2);
            var blue = Values(length, 3);
            processor.Apply(red, green, blue);

            Assert.Equal(Values(length, 1).Select(v => v * gain), red);
            Assert.Equal(Values(length, 2).Select(v => v * gain), green);
            Assert.Equal(Values(length, 3).Select(v => v * gain), blue);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Interleaved_pixels_are_scaled_and_alpha_is_untouched(int channels)
    {
        var processor = _provider.Compile(Describe(stops: "-1"));
        for (var pixels = 0; pixels <= 19; pixels++)
        {
            var samples = Values(pixels * channels, 7);
            processor.ApplyInterleaved(samples, channels);

            var original = Values(pixels * channels, 7);
            for (var i = 0; i < samples.Length; i++)
            {
                var isAlpha = channels == 4 && i % 4 == 3;
                Assert.Equal(isAlpha ? original[i] : original[i] * 0.5f, samples[i]);
            }
        }
    }

    [Fact]
    public void Inverse_undoes_forward_and_matches_its_matrix()
    {
        var forward = _provider.Compile(Describe(stops: "3"));
        var inverse = _provider.Compile(Describe(stops: "3", direction: TransformDirection.Inverse));
        var red = new[] { 0.18f, 1f, -0.25f };
        var green = new[] { 0.5f, 0f, 4f };
        var blue = new[] { 1e-6f, 100f, 0.01f };

        forward.Apply(red, green, blue);
        var expected = forward.AsMatrix!.Apply(0.18, 0.5, 1e-6);
        Assert.Equal(expected.R, red[0], 6);
        Assert.Equal(expected.G, green[0], 6);
        Assert.Equal(expected.B, blue[0], 12);

        inverse.Apply(red, green, blue);
        Assert.Equal([0.18f, 1f, -0.25f], red);
        Assert.Equal([0.5f, 0f, 4f], green);
        Assert.Equal([1e-6f, 100f, 0.01f], blue);
        Assert.True(ColourMatrix.Compose(forward.AsMatrix, inverse.AsMatrix!).IsIdentity);
    }

    [Fact]
    public void Rejects_bad_descriptions_as_input_errors()
    {
        var cases = new (string Name, TransformDescription Description)[]
        {
            ("unknown id", Describe("com.example.rushes.contrast")),
            ("stops out of range", Describe(stops: "30")),
            ("stops not a number", Describe(stops: "bright")),
            ("unknown parameter", Describe() with { Parameters = new ParameterValues([new("gain", "2")]) }),
            ("file given", Describe() with { FilePath = "/looks/show.cube" }),
        };

        var report = new StringBuilder();
        foreach (var (name, description) in cases)
        {
            var error = Assert.Throws<InputException>(() => _provider.Compile(description));
            report.AppendLine(CultureInfo.InvariantCulture, $"{name}: {error.Field} | {error.Message} | expected {error.Expected}");
        }

        Golden.VerifyText(report.ToString(), "errors");
    }

    private static TransformDescription Describe(string id = ExposureTransformProvider.TransformId, string? stops = null, TransformDirection direction = TransformDirection.Forward)
        => new()
        {
            TransformId = id,
            Direction = direction,
            Parameters = stops is null ? ParameterValues.Empty : new ParameterValues([new("stops", stops)]),
        };

    // A scene-linear ramp: red rises along x, green along y, blue is 18% grey.
    private static PlanarImage Ramp(int width, int height)
    {
        var image = new PlanarImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image.GetRow(0, y)[x] = x / (float)(width - 1);
                image.GetRow(1, y)[x] = y / (float)(height - 1);
                image.GetRow(2, y)[x] = 0.18f;
            }
        }

        return image;
    }

    private static float[] Values(int length, int seed)
        => [.. Enumerable.Range(0, length).Select(i => ((i * 37) + (seed * 11)) % 101 / 25f - 1f)];
}
