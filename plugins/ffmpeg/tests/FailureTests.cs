using System.Diagnostics;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Ffmpeg.Tests;

/// <summary>ffmpeg failing, missing, stalling or abandoned: the error carries ffmpeg's stderr tail and no file, partial or temporary, is left.</summary>
public sealed class FailureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Output => Path.Combine(_temp.Path, "out");

    [Fact]
    public void A_bogus_ffmpeg_path_is_a_clear_error_before_any_frame()
    {
        var request = MovieFiles.Request(Output, 256, 144, 2, ("ffmpeg", "/opt/nowhere/ffmpeg"));
        var error = Assert.Throws<InputException>(() => new FfmpegDeliverableType().CreateWriter(request));
        Assert.Equal("ffmpeg was not found: '/opt/nowhere/ffmpeg' is not an existing file. Movie deliverables need ffmpeg.", error.Message);
        Assert.Equal(("ffmpeg", FfmpegLocator.Expected), (error.Field, error.Expected));

        var missing = Assert.Throws<InputException>(() => new FfmpegDeliverableType().CreateWriter(request with { Options = Values(("ffmpeg", "ffmpeg-that-is-not-installed")) }));
        Assert.Contains("'ffmpeg-that-is-not-installed' is not on PATH", missing.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Output));
    }

    [Fact]
    public void The_plugin_setting_names_the_ffmpeg_to_run()
    {
        var type = new FfmpegDeliverableType(new Context(new Dictionary<string, string> { ["ffmpeg"] = "/opt/studio/bin/ffmpeg" }));
        var error = Assert.Throws<InputException>(() => type.CreateWriter(MovieFiles.Request(Output, 256, 144, 2)));
        Assert.StartsWith("ffmpeg was not found: '/opt/studio/bin/ffmpeg'", error.Message, StringComparison.Ordinal);

        // The option wins over the setting.
        using var writer = type.CreateWriter(MovieFiles.Request(Output, 256, 144, 2, ("ffmpeg", "ffmpeg")));
    }

    [Fact]
    public void An_ffmpeg_without_the_encoder_is_refused()
    {
        var fake = FakeFfmpeg("no-x264", "exit 1", encoders: "prores_ks dnxhd");
        var error = Assert.Throws<InputException>(() => new FfmpegDeliverableType().CreateWriter(MovieFiles.Request(Output, 256, 144, 2, ("ffmpeg", fake), ("codec", "h264"))));
        Assert.Equal($"The ffmpeg at {fake} has no 'libx264' encoder, which H.264 proxy (libx264, 8-bit 4:2:0) needs.", error.Message);
    }

    [Fact]
    public void A_codec_option_ffmpeg_refuses_surfaces_with_its_stderr_and_leaves_nothing()
    {
        // Forced past our validation (which refuses DNxHR under 256 × 120): the real ffmpeg must say why it failed.
        var request = MovieFiles.Request(Output, 64, 36, 3, ("codec", "dnxhr-hqx"));
        var error = Assert.Throws<InputException>(() =>
        {
            using var writer = new MovieWriter(request, MovieOptions.From(request.Options), ColourTags.For("Rec.709")!, "ffmpeg", null);
            foreach (var frame in request.Frames.Frames())
            {
                using var image = MovieFiles.Picture(64, 36, frame);
                writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
            }

            writer.Complete();
        });
        Assert.Contains("writing A001C003_proxy.mov (exit code 1). ffmpeg said:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Input dimensions too small, input must be at least 256x120", error.Message, StringComparison.Ordinal);
        Assert.Equal(("A001C003_proxy.mov", "ffmpeg"), (error.File, error.Field));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Output));
    }

    [Fact]
    public void Only_the_tail_of_a_long_stderr_is_kept()
    {
        // Writes its output file, talks a lot, and dies without reading a frame: our write meets a closed pipe.
        var fake = FakeFfmpeg("chatty", "for a; do out=\"$a\"; done; : > \"$out\"; i=1; while [ $i -le 500 ]; do echo \"complaint $i\" >&2; i=$((i+1)); done; exit 3");
        var request = MovieFiles.Request(Output, 256, 144, 40, ("ffmpeg", fake));
        var error = Assert.Throws<InputException>(() =>
        {
            using var writer = new FfmpegDeliverableType().CreateWriter(request);
            foreach (var frame in request.Frames.Frames())
            {
                using var image = MovieFiles.Picture(256, 144, frame);
                writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
            }

            writer.Complete();
        });
        Assert.Contains("(exit code 3). ffmpeg said:\n[460 earlier lines]\ncomplaint 461\n", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("complaint 500", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Output));
    }

    [Fact]
    public void Cancelling_a_blocked_write_kills_ffmpeg_and_deletes_the_temporary()
    {
        // Creates its output and then never reads: the pipe fills and our write blocks until cancelled.
        var fake = FakeFfmpeg("stalled", "for a; do out=\"$a\"; done; : > \"$out\"; exec sleep 120");
        var request = MovieFiles.Request(Output, 1920, 1080, 10, ("ffmpeg", fake));
        using var writer = new FfmpegDeliverableType().CreateWriter(request);
        using var image = MovieFiles.Picture(1920, 1080, 1001);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001 }, cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"cancellation took {clock.Elapsed}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Output));
        Assert.Throws<InvalidOperationException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1002 }));
    }

    [Fact]
    public void Disposing_an_unfinished_movie_leaves_nothing()
    {
        var request = MovieFiles.Request(Output, 256, 144, 5);
        using (var writer = new FfmpegDeliverableType().CreateWriter(request))
        {
            foreach (var frame in new long[] { 1001, 1002 })
            {
                using var image = MovieFiles.Picture(256, 144, frame);
                writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
            }

            // ffmpeg opens its output (our temporary) as it starts; give it a moment on a loaded machine.
            var clock = Stopwatch.StartNew();
            while (!Directory.EnumerateFiles(Output, DirectoryOutputTarget.TemporaryPrefix + "*").Any() && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(50);
            }

            Assert.Single(Directory.EnumerateFiles(Output, DirectoryOutputTarget.TemporaryPrefix + "*"));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Output));
    }

    [Fact]
    public void Cancelling_completion_leaves_nothing()
    {
        var request = MovieFiles.Request(Output, 256, 144, 2);
        using var writer = new FfmpegDeliverableType().CreateWriter(request);
        using var image = MovieFiles.Picture(256, 144, 1001);
        writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001 });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => writer.Complete(cancelled.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Output));
    }

    private string FakeFfmpeg(string name, string body, string encoders = "prores_ks dnxhd libx264")
    {
        var path = Path.Combine(_temp.Path, name);
        var listing = string.Concat(encoders.Split(' ').Select(e => $"echo ' V....D {e}  fake'; "));
        File.WriteAllText(path, $"#!/bin/sh\ncase \" $* \" in *\" -encoders \"*) {listing}exit 0;; esac\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static ParameterValues Values(params (string Name, string Value)[] values)
        => new(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));

    private sealed class Context(IReadOnlyDictionary<string, string> settings) : IPluginContext
    {
        public string PluginId => "org.rushes.ffmpeg";

        public string PluginDirectory => AppContext.BaseDirectory;

        public IReadOnlyDictionary<string, string> Settings => settings;

        public void Log(DiagnosticSeverity severity, string message)
        {
        }
    }
}
