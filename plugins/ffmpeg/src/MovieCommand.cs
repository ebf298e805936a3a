using System.Globalization;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Metadata;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// The ffmpeg arguments for one movie: raw frames on stdin, converted to Y'CbCr with an explicit matrix and
/// range, encoded, tagged (colour, timecode, reel, clip name) and muxed to QuickTime at the output path.
/// </summary>
internal static class MovieCommand
{
    public static List<string> Arguments(DeliverableRequest request, MovieOptions options, ColourTags colour, string? burnInFont, string outputPath)
    {
        var codec = options.Codec;
        var alpha = options.Alpha && codec.HasAlpha;
        var range = options.FullRange ? "pc" : "tv";
        var input = (options.FloatPipe, alpha) switch
        {
            (true, true) => "gbrapf32le",
            (true, false) => "gbrpf32le",
            (false, true) => "rgba64le",
            (false, false) => "rgb48le",
        };

        // swscale converts RGB with BT.601 unless told; setparams stamps the frames so the encoder and muxer tag them alike.
        var filters = string.Create(CultureInfo.InvariantCulture,
            $"scale=out_color_matrix={colour.ScaleMatrix}:out_range={range}:flags=accurate_rnd+full_chroma_int,setparams=color_primaries={colour.Primaries}:color_trc={colour.Transfer}:colorspace={colour.Matrix}:range={range}");
        // Burn-ins are drawn after setparams, on the Y'CbCr frames, so drawtext takes its colours in the tagged range.
        foreach (var burnIn in BurnIns.Filters(request, options, burnInFont))
        {
            filters += "," + burnIn;
        }

        if (Math.Abs(request.PixelAspectRatio - 1) > 1e-9)
        {
            filters += string.Create(CultureInfo.InvariantCulture, $",setsar={Math.Round(request.PixelAspectRatio * 10000)}/10000");
        }

        var args = new List<string>
        {
            "-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning",
            "-f", "rawvideo", "-pix_fmt", input,
            "-video_size", string.Create(CultureInfo.InvariantCulture, $"{request.Width}x{request.Height}"),
            "-framerate", request.FrameRate.ToString(),
            "-i", "pipe:0",
            "-map", "0:v",
            "-vf", filters,
            "-c:v", codec.Encoder,
        };
        args.AddRange(codec.Arguments);
        if (codec == MovieCodec.H264)
        {
            args.AddRange(["-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(["-pix_fmt", alpha ? codec.AlphaPixelFormat! : codec.PixelFormat]);
        args.AddRange(["-color_primaries", colour.Primaries, "-color_trc", colour.Transfer, "-colorspace", colour.Matrix, "-color_range", range]);

        if (request.StartTimecode is { } timecode)
        {
            args.AddRange(["-timecode", timecode.ToString()]);
            // The QuickTime muxer writes the video stream's reel_name into the timecode track's source reference.
            if (Reel(request) is { } reel)
            {
                args.AddRange(["-metadata:s:v:0", $"reel_name={reel}"]);
            }
        }

        if (ClipName(request) is { } clip)
        {
            args.AddRange(["-metadata", $"title={clip}"]);
        }

        if (request.Attributes.TryGetValue("comments", out var comments) && !string.IsNullOrWhiteSpace(comments))
        {
            args.AddRange(["-metadata", $"comment={comments}"]);
        }

        if (request.Attributes.TryGetValue("owner", out var owner) && !string.IsNullOrWhiteSpace(owner))
        {
            args.AddRange(["-metadata", $"copyright={owner}"]);
        }

        // -n: never overwrite; the temporary name is new, so an existing file there means something is wrong.
        args.AddRange(["-f", "mov", "-n", outputPath]);
        return args;
    }

    public static string? Reel(DeliverableRequest request)
        => request.Attributes.TryGetValue("reel", out var reel) && !string.IsNullOrWhiteSpace(reel) ? reel
            : request.ClipMetadata.Normalized.TryGetValue(NormalizedField.Reel, out var value) ? value.AsText() : null;

    public static string? ClipName(DeliverableRequest request)
        => request.Attributes.TryGetValue("clip-name", out var clip) && !string.IsNullOrWhiteSpace(clip) ? clip
            : request.ClipMetadata.Normalized.TryGetValue(NormalizedField.ClipName, out var value) && !string.IsNullOrWhiteSpace(value.AsText()) ? value.AsText() : null;
}
