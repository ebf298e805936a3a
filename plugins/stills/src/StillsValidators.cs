using FluentValidation;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;

namespace Rushes.Plugins.Stills;

/// <summary>Combinations of options a stills deliverable refuses. The property name is the option name; the state says what was expected.</summary>
internal sealed class StillsOptionsValidator : AbstractValidator<StillsOptions>
{
    public StillsOptionsValidator()
    {
        When(o => o.Format == StillFormat.Jpeg, () =>
        {
            RuleFor(o => o.BitDepth).Equal(8)
                .OverridePropertyName("bit-depth")
                .WithMessage("JPEG (baseline, as every viewer reads it) holds 8-bit samples; bit-depth 16 needs format=png.")
                .WithState(_ => "8 for jpeg, or format=png");
            RuleFor(o => o.Given).Must(g => !g.Contains(StillsOptions.PngLevelOption.Name))
                .OverridePropertyName("png-level")
                .WithMessage("png-level sets PNG's zlib level; it has no meaning for format=jpeg.")
                .WithState(_ => "no png-level with format=jpeg");
        });
        When(o => o.Format == StillFormat.Png, () =>
        {
            RuleFor(o => o.Given).Must(g => !g.Contains(StillsOptions.QualityOption.Name))
                .OverridePropertyName("quality")
                .WithMessage("PNG is lossless; quality applies to format=jpeg only.")
                .WithState(_ => "no quality with format=png (use png-level for size)");
            RuleFor(o => o.Given).Must(g => !g.Contains(StillsOptions.SubsamplingOption.Name))
                .OverridePropertyName("chroma-subsampling")
                .WithMessage("PNG stores RGB without chroma subsampling; chroma-subsampling applies to format=jpeg only.")
                .WithState(_ => "no chroma-subsampling with format=png");
        });
    }
}

/// <summary>What a request must meet before the first frame: a size within the limits, and sRGB pixels when the file is tagged sRGB.</summary>
internal sealed class StillsRequestValidator : AbstractValidator<DeliverableRequest>
{
    // ITU-T T.81 (JPEG), B.2.2: the frame header stores the number of lines and samples per line in 16 bits.
    private const int JpegMaxSide = 65535;

    public StillsRequestValidator(StillsOptions options)
    {
        RuleFor(r => r).Must(r => ImageLimits.IsAllowed(r.Width, r.Height))
            .OverridePropertyName("size")
            .WithMessage(r => $"A {r.Width} × {r.Height} still is outside the image limits.")
            .WithState(_ => $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        RuleFor(r => r.PixelAspectRatio).Must(p => double.IsFinite(p) && p >= 0.1 && p <= 10)
            .OverridePropertyName("pixel-aspect-ratio")
            .WithMessage(r => $"A pixel aspect ratio of {r.PixelAspectRatio} cannot be made square.")
            .WithState(_ => "a finite number from 0.1 to 10");
        RuleFor(r => r).Must(r => StillGeometry.For(r.Width, r.Height, r.PixelAspectRatio, options.LongEdge) is var (w, h) && ImageLimits.IsAllowed(w, h))
            .When(r => double.IsFinite(r.PixelAspectRatio) && r.PixelAspectRatio is >= 0.1 and <= 10)
            .OverridePropertyName("pixel-aspect-ratio")
            .WithMessage(r => $"Made square, a {r.Width} × {r.Height} frame with pixel aspect ratio {r.PixelAspectRatio} is outside the image limits.")
            .WithState(_ => $"each side at most {ImageLimits.MaxDimension} pixels after unsqueezing (set long-edge)");
        RuleFor(r => StillGeometry.For(r.Width, r.Height, r.PixelAspectRatio, options.LongEdge))
            .Must(size => options.Format != StillFormat.Jpeg || (size.Width <= JpegMaxSide && size.Height <= JpegMaxSide))
            .When(r => double.IsFinite(r.PixelAspectRatio) && r.PixelAspectRatio is >= 0.1 and <= 10)
            .OverridePropertyName("size")
            .WithMessage(r => $"A JPEG records its size in 16 bits, so a {StillGeometry.For(r.Width, r.Height, r.PixelAspectRatio, options.LongEdge).Width} × {StillGeometry.For(r.Width, r.Height, r.PixelAspectRatio, options.LongEdge).Height} still cannot be one.")
            .WithState(_ => $"each side at most {JpegMaxSide} pixels for JPEG (set long-edge, or format=png)");
        RuleFor(r => StillGeometry.For(r.Width, r.Height, r.PixelAspectRatio, options.LongEdge))
            .Must(size => (long)size.Width * size.Height * (options.BitDepth == 16 ? 8 : 4) <= Array.MaxLength)
            .When(r => double.IsFinite(r.PixelAspectRatio) && r.PixelAspectRatio is >= 0.1 and <= 10)
            .OverridePropertyName("size")
            .WithMessage(r => $"A {r.Width} × {r.Height} frame is too large to encode as one {options.BitDepth}-bit still.")
            .WithState(_ => $"at most {Array.MaxLength / (options.BitDepth == 16 ? 8 : 4)} pixels after resizing (set long-edge)");
        When(_ => options.Icc, () =>
        {
            RuleFor(r => r.ColourEncoding).Must(SrgbTag.Describes)
                .OverridePropertyName("icc")
                .WithMessage(r => $"icc=true tags the still as sRGB, but its pixels are {r.ColourEncoding}; a wrong tag would make every colour-managed viewer show wrong colours.")
                .WithState(_ => "sRGB pixels (an sRGB output transform), or icc=false");
        });
    }
}
