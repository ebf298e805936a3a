using FluentValidation;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.Deliverable;

/// <summary>Combinations of options an OpenEXR deliverable refuses. The property name is the option name; the state says what was expected.</summary>
internal sealed class OpenExrOptionsValidator : AbstractValidator<OpenExrOptions>
{
    public OpenExrOptionsValidator()
    {
        When(o => o.AcesContainer, () =>
        {
            RuleFor(o => o.Compression).Equal(ExrCompression.None)
                .OverridePropertyName("compression")
                .WithMessage(o => $"An ACES image container (SMPTE ST 2065-4) is uncompressed; compression '{ExrFormat.Name(o.Compression)}' is not allowed with aces-container=true.")
                .WithState(_ => "none");
            RuleFor(o => o.PixelType).Equal(ExrPixelType.Half)
                .OverridePropertyName("pixel-type")
                .WithMessage("An ACES image container (SMPTE ST 2065-4) holds half samples; pixel-type 'float' is not allowed with aces-container=true.")
                .WithState(_ => "half");
        });
    }
}

/// <summary>What a request must meet before the first frame: a size within the limits and, for an ACES container, ACES2065-1 pixels.</summary>
internal sealed class OpenExrRequestValidator : AbstractValidator<DeliverableRequest>
{
    public OpenExrRequestValidator(OpenExrOptions options)
    {
        RuleFor(r => r).Must(r => ImageLimits.IsAllowed(r.Width, r.Height))
            .OverridePropertyName("size")
            .WithMessage(r => $"A {r.Width} × {r.Height} OpenEXR deliverable is outside the image limits.")
            .WithState(_ => $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        RuleFor(r => r.PixelAspectRatio).Must(p => double.IsFinite(p) && p > 0 && p <= 100)
            .OverridePropertyName("pixel-aspect-ratio")
            .WithMessage(r => $"A pixel aspect ratio of {r.PixelAspectRatio} cannot be written.")
            .WithState(_ => "a finite number above 0, at most 100");
        RuleFor(r => r.FrameRate).Must(f => f.Numerator <= int.MaxValue && f.Denominator <= uint.MaxValue)
            .OverridePropertyName("frame-rate")
            .WithMessage(r => $"The frame rate {r.FrameRate} does not fit the framesPerSecond rational (32-bit numerator and denominator).")
            .WithState(_ => "a numerator and denominator of at most 2147483647");
        RuleFor(r => r.Frames).Must(f => f.First >= int.MinValue && f.Last <= int.MaxValue)
            .OverridePropertyName("frames")
            .WithMessage(r => $"Frame numbers {r.Frames} do not fit the 32-bit imageCounter attribute.")
            .WithState(_ => "frame numbers within 32 bits");
        When(_ => options.AcesContainer, () =>
        {
            RuleFor(r => r.ColourEncoding).Must(Chromaticities.IsAces20651)
                .OverridePropertyName("colour-encoding")
                .WithMessage(r => $"An ACES image container (SMPTE ST 2065-4) holds ACES2065-1 (AP0) pixels, but the deliverable's pixels are {r.ColourEncoding}.")
                .WithState(_ => "ACES2065-1");
        });
    }
}
