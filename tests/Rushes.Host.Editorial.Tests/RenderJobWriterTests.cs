using Rushes.Host.Editorial.Matching;
using Rushes.Host.Render;

namespace Rushes.Host.Editorial.Tests;

public sealed class RenderJobWriterTests
{
    [Fact]
    public void Matched_events_become_job_files_that_the_renderer_reads()
    {
        var matches = EventMatcherTests.AvidMatches(handles: 8);
        var folder = Directory.CreateTempSubdirectory("jobs-");
        try
        {
            var output = Path.Combine(folder.FullName, "plates");
            var written = RenderJobWriter.WriteAll(matches, Path.Combine(folder.FullName, "jobs"), "vfx-plates", output, new Dictionary<string, string> { ["show"] = "RSH", ["version"] = "v001" });

            // Black and sound-only events get no job; the dissolve's two sides get one each.
            Assert.Equal(["evt001.json", "evt002.json", "evt002b.json", "evt003.json", "evt006.json", "evt007.json"], written.Select(Path.GetFileName));
            Assert.Equal(written.Order(StringComparer.Ordinal), Directory.EnumerateFiles(Path.Combine(folder.FullName, "jobs")).Order(StringComparer.Ordinal));

            var first = RenderJobFile.Read(written[0]);
            Assert.Equal("/card/A001C003_220310_R1ZK.mov", first.Clip);
            Assert.Equal("1005-1056", first.Frames);
            Assert.Equal(0, first.Handles);
            Assert.Equal("vfx-plates", first.Spec);
            Assert.Equal(output, first.Output);
            Assert.Equal(
                new Dictionary<string, string> { ["show"] = "RSH", ["version"] = "v001", ["shot"] = "RSH_010_020", ["event"] = "001", ["reel"] = "A001C003_220310_R1ZK", ["clip_name"] = "A001C003_220310_R1ZK.MOV" },
                first.Variables);
            Assert.Null(first.Amf);

            // The clamped outgoing side: its frames already hold the 0 + 8 handles it could get.
            var clamped = RenderJobFile.Read(written[1]);
            Assert.Equal(("/card/B002C011_220310_K3FA.mov", "0-31", 0), (clamped.Clip, clamped.Frames, clamped.Handles));
            Assert.Equal("B002C011_220310_K3FA", clamped.Variables["shot"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unmatched_event_has_no_job()
    {
        var skipped = EventMatcherTests.AvidMatches(handles: 0)[4];
        var error = Assert.Throws<ArgumentException>(() => RenderJobWriter.ToJob(skipped, "vfx-plates", "/out"));
        Assert.StartsWith("event 4 did not match (Skipped): black or bars", error.Message, StringComparison.Ordinal);
    }
}
