using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Testing;

namespace Rushes.Plugins.Ffmpeg.Tests;

/// <summary>
/// Timecode and clip-name burn-ins, checked in the pixels ffmpeg decodes back: where they are drawn, that the
/// counter starts at the request's timecode and advances (drop-frame included), and that a clip name full of
/// filtergraph syntax is drawn exactly as ffmpeg draws the same text read from a file.
/// </summary>
public sealed class BurnInTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 360;

    // The burn-ins live in the bottom 12 % of the frame: at 360 lines the boxes are about 27 lines tall (13-pixel text).
    private const int Band = 43;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Burn_ins_cover_the_bottom_band_and_leave_the_picture_above_it()
    {
        var request = Request("h264-band", ("codec", "h264"), ("preset", "veryfast"), ("burn-in-timecode", "true"), ("burn-in-clip-name", "true"));
        var decoded = MovieFiles.DecodeRgb(MovieFiles.Write(request), _temp.Path);
        var source = MovieFiles.Source(request);
        Assert.Equal(source.Length, decoded.Length);

        // Above the band: the H.264 proxy's tolerance (crf 18, PSNR > 34 dB, as without burn-ins).
        var frames = (int)request.Frames.Count;
        double above = 0, clipBox = 0, timecodeBox = 0;
        long aboveCount = 0, boxCount = 0;
        for (var f = 0; f < frames; f++)
        {
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var i = (((f * Height) + y) * Width * 3) + (x * 3) + c;
                        var d = source[i] - decoded[i];
                        if (y < Height - Band)
                        {
                            above += d * d;
                            aboveCount++;
                        }
                        else if (y >= Height - 22 && y < Height - 10)
                        {
                            // The text rows of the boxes: the clip name from x = 9, the timecode ending 9 pixels from the right.
                            if (x is >= 12 and < 100)
                            {
                                clipBox += Math.Abs(d);
                                boxCount++;
                            }
                            else if (x is >= Width - 90 and < Width - 12)
                            {
                                timecodeBox += Math.Abs(d);
                            }
                        }
                    }
                }
            }
        }

        var psnr = 20 * Math.Log10(1 / Math.Sqrt(above / aboveCount));
        Assert.True(psnr > 34, $"above the burn-ins: PSNR {psnr:F2} dB, expected above 34 dB");

        // A black box with white text over a picture averaging about 0.5: far from the source.
        Assert.True(clipBox / boxCount > 0.2, $"clip-name box: mean abs difference {clipBox / boxCount:F3} from the source, expected a burn-in (> 0.2)");
        Assert.True(timecodeBox / boxCount > 0.2, $"timecode box: mean abs difference {timecodeBox / boxCount:F3} from the source, expected a burn-in (> 0.2)");
    }

    [Fact]
    public void The_timecode_advances_from_the_start_and_the_clip_name_stays()
    {
        // A still picture and lossless H.264 (crf 0): any pixel that changes between frames is the burn-in's doing.
        var first = Frames(WriteStill(Request("count", Lossless("burn-in-timecode", "burn-in-clip-name"), 3)));
        Assert.Equal(3, first.Count);

        var changed = Changed(first[0], first[1]);
        Assert.NotEmpty(changed);
        Assert.All(changed, p => Assert.True(p.Y >= Height - Band && p.X >= Width / 2, $"pixel ({p.X}, {p.Y}) changed between frames outside the timecode box"));
        Assert.NotEmpty(Changed(first[1], first[2]));

        // The second frame of a movie from 01:02:03:04 shows what the first frame of one from 01:02:03:05 shows.
        var later = Frames(WriteStill(Request("count-later", Lossless("burn-in-timecode", "burn-in-clip-name"), 1) with
        {
            StartTimecode = Timecode.Parse("01:02:03:05", FrameRate.Fps23_976),
        }));
        Assert.Empty(Changed(first[1], later[0]));
        Assert.NotEmpty(Changed(first[0], later[0]));
    }

    [Fact]
    public void The_timecode_wraps_at_midnight()
    {
        var midnight = Frames(WriteStill(Request("midnight", Lossless("burn-in-timecode"), 2) with
        {
            StartTimecode = Timecode.Parse("23:59:59:23", FrameRate.Fps23_976),
        }));
        var zero = Frames(WriteStill(Request("zero", Lossless("burn-in-timecode"), 1) with
        {
            StartTimecode = Timecode.Parse("00:00:00:00", FrameRate.Fps23_976),
        }));
        Assert.Empty(Changed(midnight[1], zero[0]));
    }

    [Fact]
    public void Drop_frame_timecode_skips_frames_zero_and_one_at_the_minute()
    {
        // SMPTE ST 12-1 drop-frame: after 10:00:59;29 comes 10:01:00;02.
        var dropFrame = Request("df", Lossless("burn-in-timecode"), 2) with
        {
            FrameRate = FrameRate.Fps29_97,
            StartTimecode = Timecode.Parse("10:00:59;29", FrameRate.Fps29_97),
        };
        var counted = Frames(WriteStill(dropFrame));
        var started = Frames(WriteStill(Request("df-started", Lossless("burn-in-timecode"), 1) with
        {
            FrameRate = FrameRate.Fps29_97,
            StartTimecode = Timecode.Parse("10:01:00;02", FrameRate.Fps29_97),
        }));
        Assert.Empty(Changed(counted[1], started[0]));

        // Counted without dropping, the same start reaches 10:01:00:00 instead.
        var nonDrop = Frames(WriteStill(Request("ndf", Lossless("burn-in-timecode"), 2) with
        {
            FrameRate = FrameRate.Fps29_97,
            StartTimecode = Timecode.Parse("10:00:59:29", FrameRate.Fps29_97),
        }));
        Assert.NotEmpty(Changed(nonDrop[1], started[0]));
    }

    [Fact]
    public void A_clip_name_with_filtergraph_syntax_is_drawn_as_written()
    {
        const string name = @"A001:C003 'take 2' \ 100% [x],y;z %{pts}";
        var request = Request("escaped", Lossless("burn-in-clip-name"), 1) with
        {
            Attributes = new Dictionary<string, string> { ["clip-name"] = name },
        };
        var ours = Frames(WriteStill(request))[0];

        // Reference: ffmpeg runs our command line with the name read from a file instead of the escaped text= value.
        var options = MovieOptions.From(request.Options);
        var arguments = MovieCommand.Arguments(request, options, ColourTags.For(request.ColourEncoding)!, BurnInFont.Standard[0], _temp.File("reference.mov"));
        var textFile = _temp.File("name.txt");
        File.WriteAllText(textFile, name);
        var filter = arguments.IndexOf("-vf") + 1;
        var escapedText = "text=" + FilterText.Quote(name);
        Assert.Contains(escapedText, arguments[filter], StringComparison.Ordinal);
        arguments[filter] = arguments[filter].Replace(escapedText, "textfile=" + FilterText.Quote(textFile), StringComparison.Ordinal);
        using (var image = MovieFiles.Picture(Width, Height, 1001))
        using (var raw = new MemoryStream(Rgb48(image)))
        {
            ReferenceTool.Run("ffmpeg", arguments, standardInput: raw).EnsureSuccess("ffmpeg with textfile");
        }

        var reference = Frames(_temp.File("reference.mov"))[0];
        Assert.Empty(Changed(ours, reference));

        // And the name is there: white text in the clip-name box.
        var white = 0;
        for (var y = Height - Band; y < Height; y++)
        {
            for (var x = 0; x < Width / 2; x++)
            {
                white += ours[((y * Width) + x) * 3] > 0.9f ? 1 : 0;
            }
        }

        Assert.True(white > 200, $"only {white} white pixels in the clip-name box");
    }

    [Fact]
    public void A_missing_font_is_refused_when_the_writer_is_created()
    {
        var type = new FfmpegDeliverableType();
        var missing = Assert.Throws<InputException>(() => type.CreateWriter(Request("font", ("burn-in-timecode", "true"), ("burn-in-font", "/opt/nowhere/Mono.ttf"))));
        Assert.Equal("The burn-in font '/opt/nowhere/Mono.ttf' (from the option 'burn-in-font') does not exist.", missing.Message);
        Assert.Equal(("burn-in-font", BurnInFont.Expected), (missing.Field, missing.Expected));

        var notFont = _temp.File("notes.ttf");
        File.WriteAllText(notFont, "not a font");
        var refused = Assert.Throws<InputException>(() => type.CreateWriter(Request("font", ("burn-in-clip-name", "true"), ("burn-in-font", notFont))));
        Assert.Equal($"The burn-in font '{notFont}' (from the option 'burn-in-font') cannot be read as a TrueType or OpenType font.", refused.Message);
        Assert.Equal("burn-in-font", refused.Field);

        var fromSetting = new FfmpegDeliverableType(new Context(new Dictionary<string, string> { ["burn-in-font"] = "/opt/studio/fonts/Mono.ttf" }));
        var setting = Assert.Throws<InputException>(() => fromSetting.CreateWriter(Request("font", ("burn-in-timecode", "true"))));
        Assert.Equal("The burn-in font '/opt/studio/fonts/Mono.ttf' (from the setting 'burn-in-font') does not exist.", setting.Message);

        // No burn-in, no font needed; the option wins over the setting.
        using (fromSetting.CreateWriter(Request("font")))
        using (fromSetting.CreateWriter(Request("font", ("burn-in-timecode", "true"), ("burn-in-font", BurnInFont.Standard[1]))))
        {
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_temp.Path, "font")));

        // Neither option nor setting: the first standard font that exists, else a clear error.
        Assert.Equal(BurnInFont.Standard[1], BurnInFont.Resolve(null, null, ["/opt/nowhere/Mono.ttf", BurnInFont.Standard[1]]));
        var none = Assert.Throws<InputException>(() => BurnInFont.Resolve(null, null, ["/opt/nowhere/Mono.ttf", "/opt/nowhere/Sans.ttf"]));
        Assert.Equal("Burn-ins need a font, and none of the standard fonts exists (/opt/nowhere/Mono.ttf, /opt/nowhere/Sans.ttf).", none.Message);
        Assert.Equal(("burn-in-font", BurnInFont.Expected), (none.Field, none.Expected));
    }

    [Fact]
    public void An_ffmpeg_without_drawtext_is_refused_when_burn_ins_are_on()
    {
        // Lists the encoders and a filter list without drawtext, as an ffmpeg built without libfreetype does.
        var fake = _temp.File("no-freetype");
        File.WriteAllText(fake, "#!/bin/sh\ncase \" $* \" in\n*\" -encoders \"*) echo ' V....D libx264  fake';;\n*\" -filters \"*) echo ' ... scale  V->V  Scale'; echo ' T.C drawbox  V->V  Draw a box';;\nesac\nexit 0\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var type = new FfmpegDeliverableType();
        var error = Assert.Throws<InputException>(() => type.CreateWriter(Request("fake", ("codec", "h264"), ("ffmpeg", fake), ("burn-in-clip-name", "true"))));
        Assert.Equal($"The ffmpeg at {fake} has no 'drawtext' filter, which burn-ins need.", error.Message);
        Assert.Equal(("ffmpeg", "an ffmpeg built with libfreetype (Debian's ffmpeg package has it), or no burn-ins"), (error.Field, error.Expected));

        // Without burn-ins the same ffmpeg is good enough.
        using (type.CreateWriter(Request("fake", ("codec", "h264"), ("ffmpeg", fake))))
        {
        }
    }

    [Fact]
    public void Burn_ins_are_validated_like_the_other_options()
    {
        var type = new FfmpegDeliverableType();
        Assert.Empty(type.ValidateOptions(Values(("burn-in-timecode", "true"), ("burn-in-clip-name", "false"), ("burn-in-font", "/fonts/Mono.ttf"))));
        var notBoolean = Assert.Single(type.ValidateOptions(Values(("burn-in-timecode", "yes"))));
        Assert.Equal(("burn-in-timecode", "true or false"), (notBoolean.Field, notBoolean.Expected));
        var fontAlone = Assert.Single(type.ValidateOptions(Values(("burn-in-font", "/fonts/Mono.ttf"), ("burn-in-clip-name", "false"))));
        Assert.Equal("burn-in-font chooses the font of burn-ins, but neither burn-in-timecode nor burn-in-clip-name is on.", fontAlone.Message);
        Assert.Equal(("burn-in-font", "no burn-in-font, or burn-in-timecode=true or burn-in-clip-name=true"), (fontAlone.Field, fontAlone.Expected));

        // What to burn in must exist: a start timecode, a clip name.
        var untimed = Assert.Throws<InputException>(() => type.CreateWriter(Request("v", ("burn-in-timecode", "true")) with { StartTimecode = null }));
        Assert.Equal("burn-in-timecode is on, but the movie A001C003_proxy.mov has no start timecode to count from.", untimed.Message);
        Assert.Equal(("burn-in-timecode", "a source with timecode, or burn-in-timecode=false"), (untimed.Field, untimed.Expected));
        var unnamed = Assert.Throws<InputException>(() => type.CreateWriter(Request("v", ("burn-in-clip-name", "true")) with { Attributes = new Dictionary<string, string>() }));
        Assert.Equal("burn-in-clip-name is on, but the movie A001C003_proxy.mov has no clip name.", unnamed.Message);
        Assert.Equal("burn-in-clip-name", unnamed.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_temp.Path, "v")));
    }

    private static (string, string)[] Lossless(params string[] burnIns)
        => [("codec", "h264"), ("crf", "0"), ("preset", "ultrafast"), .. burnIns.Select(b => (b, "true"))];

    private DeliverableRequest Request(string folder, params (string Name, string Value)[] options) => Request(folder, options, 3);

    private DeliverableRequest Request(string folder, (string Name, string Value)[] options, int frames)
    {
        var path = Path.Combine(_temp.Path, folder);
        Directory.CreateDirectory(path);
        return MovieFiles.Request(path, Width, Height, frames, options);
    }

    /// <summary>Every frame the same picture, so only the burn-ins can change.</summary>
    private static string WriteStill(DeliverableRequest request)
    {
        using var writer = new FfmpegDeliverableType().CreateWriter(request);
        using var image = MovieFiles.Picture(request.Width, request.Height, 1001);
        foreach (var frame in request.Frames.Frames())
        {
            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = frame });
        }

        return Path.Combine(request.Output.Directory, writer.Complete()[0].RelativePath);
    }

    private List<float[]> Frames(string movie)
    {
        var samples = MovieFiles.DecodeRgb(movie, _temp.Path);
        var size = Width * Height * 3;
        Assert.Equal(0, samples.Length % size);
        return [.. Enumerable.Range(0, samples.Length / size).Select(f => samples.AsSpan(f * size, size).ToArray())];
    }

    private static List<(int X, int Y)> Changed(float[] a, float[] b)
    {
        var changed = new List<(int, int)>();
        for (var i = 0; i < a.Length; i += 3)
        {
            if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2])
            {
                changed.Add((i / 3 % Width, i / 3 / Width));
            }
        }

        return changed;
    }

    /// <summary>The picture as rgb48le, packed as the plugin pipes it.</summary>
    private static byte[] Rgb48(PlanarImage image)
    {
        using var raw = new MemoryStream();
        new FramePacker(floatPipe: false, alpha: false, clampNonFinite: false).Write(image, 1001, raw, CancellationToken.None);
        return raw.ToArray();
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
