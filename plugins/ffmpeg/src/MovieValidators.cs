using FluentValidation;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>Combinations of options a movie deliverable refuses. The property name is the option name; the state says what was expected.</summary>
internal sealed class MovieOptionsValidator : AbstractValidator<MovieOptions>
{
    public MovieOptionsValidator()
    {
        RuleFor(o => o.Alpha).Must((o, alpha) => !alpha || o.Codec.HasAlpha)
            .OverridePropertyName("channels")
            .WithMessage(o => $"{o.Codec.Label} has no alpha channel; channels=rgba needs codec=prores-4444.")
            .WithState(_ => "rgb, or codec=prores-4444");
        RuleFor(o => o.FullRange).Must((o, full) => !full || o.Codec == MovieCodec.H264)
            .OverridePropertyName("range")
            .WithMessage(o => $"{o.Codec.Label} carries video levels (limited range) by its specification; range=full is for h264 only.")
            .WithState(_ => "limited, or codec=h264");
        RuleFor(o => o.Given).Must((o, g) => o.HasBurnIns || !g.Contains(MovieOptions.BurnInFontOption.Name))
            .OverridePropertyName("burn-in-font")
            .WithMessage(_ => "burn-in-font chooses the font of burn-ins, but neither burn-in-timecode nor burn-in-clip-name is on.")
            .WithState(_ => "no burn-in-font, or burn-in-timecode=true or burn-in-clip-name=true");
        When(o => o.Codec != MovieCodec.H264, () =>
        {
            RuleFor(o => o.Given).Must(g => !g.Contains(MovieOptions.CrfOption.Name))
                .OverridePropertyName("crf")
                .WithMessage(o => $"crf sets H.264's quality; {o.Codec.Label} has a fixed data rate.")
                .WithState(_ => "no crf, or codec=h264");
            RuleFor(o => o.Given).Must(g => !g.Contains(MovieOptions.PresetOption.Name))
                .OverridePropertyName("preset")
                .WithMessage(o => $"preset sets x264's speed; it has no meaning for {o.Codec.Label}.")
                .WithState(_ => "no preset, or codec=h264");
        });
    }
}

/// <summary>What a request must meet before the first frame: a size the codec takes, a frame rate, and a colour encoding the movie can be tagged with.</summary>
internal sealed class MovieRequestValidator : AbstractValidator<DeliverableRequest>
{
    public MovieRequestValidator(MovieOptions options)
    {
        var codec = options.Codec;
        RuleFor(r => r).Must(r => ImageLimits.IsAllowed(r.Width, r.Height))
            .OverridePropertyName("size")
            .WithMessage(r => $"A {r.Width} × {r.Height} movie is outside the image limits.")
            .WithState(_ => $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        RuleFor(r => r).Must(r => r.Width % codec.ChromaDivisorX == 0 && r.Height % codec.ChromaDivisorY == 0)
            .OverridePropertyName("size")
            .WithMessage(r => $"{codec.Label} subsamples chroma {(codec.ChromaDivisorY == 2 ? "horizontally and vertically" : "horizontally")}, so a {r.Width} × {r.Height} frame cannot be encoded.")
            .WithState(_ => codec.ChromaDivisorY == 2 ? "an even width and height" : "an even width");
        RuleFor(r => r).Must(r => r.Width >= codec.MinimumWidth && r.Height >= codec.MinimumHeight)
            .OverridePropertyName("size")
            .WithMessage(r => $"{codec.Label} needs frames of at least {codec.MinimumWidth} × {codec.MinimumHeight}; this movie is {r.Width} × {r.Height}.")
            .WithState(_ => $"at least {codec.MinimumWidth} × {codec.MinimumHeight} pixels");
        RuleFor(r => r.FrameRate).Must(f => f.Numerator > 0 && f.Denominator > 0 && f.FramesPerSecond <= 1000)
            .OverridePropertyName("frame-rate")
            .WithMessage(r => $"A movie cannot run at {r.FrameRate} frames per second.")
            .WithState(_ => "a positive frame rate up to 1000");
        RuleFor(r => r.PixelAspectRatio).Must(p => double.IsFinite(p) && p >= 0.1 && p <= 10)
            .OverridePropertyName("pixel-aspect-ratio")
            .WithMessage(r => $"A pixel aspect ratio of {r.PixelAspectRatio} cannot be written.")
            .WithState(_ => "a finite number from 0.1 to 10");
        RuleFor(r => r.ColourEncoding).Must(e => ColourTags.For(e) is not null)
            .OverridePropertyName("colour-encoding")
            .WithMessage(r => $"A movie's pixels must be a display encoding it can be tagged with; '{r.ColourEncoding}' is not one (render through an output transform first).")
            .WithState(_ => string.Join(", ", ColourTags.Known));
        RuleFor(r => r.StartTimecode).Must(t => !options.BurnInTimecode || t is not null)
            .OverridePropertyName("burn-in-timecode")
            .WithMessage(r => $"burn-in-timecode is on, but the movie {r.FileName} has no start timecode to count from.")
            .WithState(_ => "a source with timecode, or burn-in-timecode=false");
        RuleFor(r => r).Must(r => !options.BurnInClipName || MovieCommand.ClipName(r) is not null)
            .OverridePropertyName("burn-in-clip-name")
            .WithMessage(r => $"burn-in-clip-name is on, but the movie {r.FileName} has no clip name.")
            .WithState(_ => "the attribute clip-name or the clip's clip.name metadata, or burn-in-clip-name=false");
    }
}
