using Rushes.Testing;

namespace Rushes.Host.Tests;

public sealed class GoldenApproverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rushes-golden-").FullName;

    private string Source => Path.Combine(_dir, "SampleTests.cs");

    [Fact]
    public void A_missing_golden_file_fails_and_leaves_the_received_output_for_review()
    {
        if (Golden.Accepting)
        {
            return; // In accept mode a missing file is written, by design.
        }

        var ex = Assert.Throws<GoldenMismatchException>(() => Golden.VerifyText("hello", "greeting", sourceFile: Source));
        Assert.Contains("No golden file", ex.Message);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(_dir, "SampleTests.greeting.received.txt")));
    }

    [Fact]
    public void A_matching_golden_file_passes_and_clears_an_old_received_file()
    {
        File.WriteAllText(Path.Combine(_dir, "SampleTests.greeting.verified.txt"), "hello\r\n");
        File.WriteAllText(Path.Combine(_dir, "SampleTests.greeting.received.txt"), "stale");

        Golden.VerifyText("hello", "greeting", sourceFile: Source);

        Assert.False(File.Exists(Path.Combine(_dir, "SampleTests.greeting.received.txt")));
    }

    [Fact]
    public void A_text_mismatch_names_the_first_differing_line()
    {
        if (Golden.Accepting)
        {
            return;
        }

        File.WriteAllText(Path.Combine(_dir, "SampleTests.report.verified.txt"), "a\nb\nc\n");
        var ex = Assert.Throws<GoldenMismatchException>(() => Golden.VerifyText("a\nB\nc", "report", sourceFile: Source));
        Assert.Contains("line 2: expected «b», received «B»", ex.Message);
    }

    [Fact]
    public void Json_is_compared_after_reindenting()
    {
        File.WriteAllText(Path.Combine(_dir, "SampleTests.doc.verified.json"), "{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}\n");
        Golden.VerifyJson("{\"a\":1,\"b\":[true]}", "doc", sourceFile: Source);
    }

    [Fact]
    public void Images_are_compared_by_tolerance_not_bytes()
    {
        var golden = new FloatImage(2, 2, 3, [0, 0.25f, 0.5f, 1, 1, 1, 0.18f, 0.18f, 0.18f, 2, 0, -1]);
        File.WriteAllBytes(Path.Combine(_dir, "SampleTests.frame.verified.pfm"), Pfm.Write(golden));

        var close = new FloatImage(2, 2, 3, [.. golden.Pixels.Select(v => v + 1e-4f)]);
        Golden.VerifyImage(close, "frame", new ImageTolerance(1e-3, 60), sourceFile: Source);

        if (!Golden.Accepting)
        {
            var far = new FloatImage(2, 2, 3, [.. golden.Pixels.Select(v => v + 0.01f)]);
            var ex = Assert.Throws<GoldenMismatchException>(() => Golden.VerifyImage(far, "frame", new ImageTolerance(1e-3, 60), sourceFile: Source));
            Assert.Contains("max abs error 0.01", ex.Message);
        }
    }

    [Fact]
    public void Pfm_round_trips_exactly_and_comparison_reports_psnr()
    {
        var image = new FloatImage(3, 2, 3, [.. Enumerable.Range(0, 18).Select(i => i / 7f)]);
        var back = Pfm.Read(Pfm.Write(image));
        Assert.Equal(image.Pixels, back.Pixels);

        var same = ImageComparison.Compare(image, back);
        Assert.Equal(0, same.MaxAbsoluteError);
        Assert.True(double.IsPositiveInfinity(same.Psnr));

        var shifted = new FloatImage(3, 2, 3, [.. image.Pixels.Select(v => v + 0.1f)]);
        var c = ImageComparison.Compare(image, shifted);
        Assert.Equal(20.0, c.Psnr, 3);
        Assert.Equal(0.1, c.MaxAbsoluteError, 5);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
