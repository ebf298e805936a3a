using System.Text;
using Rushes.Contracts.Time;
using Rushes.Testing;

namespace Rushes.Plugins.Ffmpeg.Tests;

/// <summary>The ffmpeg command line of each kind of movie: what we ask ffmpeg to do is part of the deliverable.</summary>
public sealed class GoldenFileTests
{
    [Fact]
    public void Command_lines()
    {
        (string Name, (string, string)[] Options)[] kinds =
        [
            ("prores 422 hq", [("codec", "prores-422-hq")]),
            ("prores 4444 rgba float", [("codec", "prores-4444"), ("channels", "rgba"), ("pipe", "float")]),
            ("dnxhr hqx", [("codec", "dnxhr-hqx")]),
            ("h264 proxy", [("codec", "h264"), ("crf", "20"), ("preset", "fast")]),
            ("h264 full range", [("codec", "h264"), ("range", "full")]),
        ];
        var report = new StringBuilder();
        foreach (var (name, options) in kinds)
        {
            var request = MovieFiles.Request(Path.GetTempPath(), 1920, 1080, 48, options);
            var arguments = MovieCommand.Arguments(request, MovieOptions.From(request.Options), ColourTags.For(request.ColourEncoding)!, null, "OUTPUT.mov");
            report.AppendLine($"== {name}");
            report.AppendLine(Line(arguments));
        }

        var untimed = MovieFiles.Request(Path.GetTempPath(), 1280, 720, 2) with { StartTimecode = null, ColourEncoding = "Rec709-D65_100nit_in_Rec709-D65_sRGB-Piecewise", Attributes = new Dictionary<string, string>() };
        report.AppendLine("== no timecode, sRGB, no attributes");
        report.AppendLine("ffmpeg " + string.Join(' ', MovieCommand.Arguments(untimed, MovieOptions.From(untimed.Options), ColourTags.For(untimed.ColourEncoding)!, null, "OUTPUT.mov")));

        // Burn-ins: the dailies proxy, then drop-frame counting and a clip name and font path that need every kind of escaping.
        var proxy = MovieFiles.Request(Path.GetTempPath(), 1920, 1080, 48, ("codec", "h264"), ("burn-in-timecode", "true"), ("burn-in-clip-name", "true"));
        report.AppendLine("== h264 proxy with timecode and clip-name burn-ins");
        report.AppendLine(Line(MovieCommand.Arguments(proxy, MovieOptions.From(proxy.Options), ColourTags.For(proxy.ColourEncoding)!, BurnInFont.Standard[0], "OUTPUT.mov")));
        var escaped = MovieFiles.Request(Path.GetTempPath(), 1280, 720, 2, ("burn-in-timecode", "true"), ("burn-in-clip-name", "true")) with
        {
            FrameRate = FrameRate.Fps29_97,
            StartTimecode = Timecode.Parse("10:00:59;29", FrameRate.Fps29_97),
            Attributes = new Dictionary<string, string> { ["clip-name"] = @"A001:C003 'take 2' \ 100% [x],y;z" },
        };
        report.AppendLine("== prores 422 hq, drop-frame timecode burn-in, clip name and font with : ' \\ % [ ] , ;");
        report.AppendLine(Line(MovieCommand.Arguments(escaped, MovieOptions.From(escaped.Options), ColourTags.For(escaped.ColourEncoding)!, "/opt/fonts/Studio's Mono, v2.ttf", "OUTPUT.mov")));
        Golden.VerifyText(report.ToString(), "command-lines");
    }

    // Arguments with spaces shown in quotes, as a shell would need them.
    private static string Line(IEnumerable<string> arguments)
        => "ffmpeg " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}
