using FluentValidation;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Tiff.Format;

namespace Rushes.Plugins.Tiff.Deliverable;

/// <summary>Option values a TIFF deliverable refuses beyond their declared types. The property name is the option name; the state says what was expected.</summary>
internal sealed class TiffOptionsValidator : AbstractValidator<TiffOptions>
{
    public TiffOptionsValidator()
    {
        // The profile is read and checked now, so that a bad path fails the spec, not the first frame.
        RuleFor(o => o.IccProfile).Must(p => IccProfile.Problem(p) is null)
            .When(o => o.IccProfile.Length > 0)
            .OverridePropertyName("icc-profile")
            .WithMessage(o => $"TIFF: {IccProfile.Problem(o.IccProfile)}.")
            .WithState(_ => "the path of an RGB ICC profile: a 128-byte header whose size field matches the file, with the 'acsp' signature");
        RuleFor(o => o.Description).Must(d => d.All(c => c is >= ' ' and <= '~'))
            .OverridePropertyName("description")
            .WithMessage("TIFF: the description holds characters outside printable ASCII, which the ImageDescription tag cannot carry.")
            .WithState(_ => "printable ASCII text");
    }
}

/// <summary>What a request must meet before the first frame: a size within the limits (which also keeps an uncompressed float file under the 4 GiB of classic TIFF) and a pixel aspect ratio.</summary>
internal sealed class TiffRequestValidator : AbstractValidator<DeliverableRequest>
{
    public TiffRequestValidator()
    {
        RuleFor(r => r).Must(r => ImageLimits.IsAllowed(r.Width, r.Height))
            .OverridePropertyName("size")
            .WithMessage(r => $"A {r.Width} × {r.Height} TIFF deliverable is outside the image limits.")
            .WithState(_ => $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        RuleFor(r => r.PixelAspectRatio).Must(p => double.IsFinite(p) && p >= 0.01 && p <= 100)
            .OverridePropertyName("pixel-aspect-ratio")
            .WithMessage(r => $"A pixel aspect ratio of {r.PixelAspectRatio} cannot be written.")
            .WithState(_ => "a finite number from 0.01 to 100");
    }
}
