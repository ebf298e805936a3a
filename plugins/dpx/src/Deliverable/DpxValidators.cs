using FluentValidation;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Dpx.Format;

namespace Rushes.Plugins.Dpx.Deliverable;

/// <summary>Option values a DPX deliverable refuses beyond their declared types. The property name is the option name; the state says what was expected.</summary>
internal sealed class DpxOptionsValidator : AbstractValidator<DpxOptions>
{
    public DpxOptionsValidator()
    {
        // ST 268 reserves colorimetric codes 2 and 3 as "not applicable": they name transfers, not colorimetry.
        RuleFor(o => o.Colorimetric).Must(c => c is not ("linear" or "log"))
            .OverridePropertyName("colorimetric")
            .WithMessage(o => $"DPX: '{o.Colorimetric}' is a transfer characteristic; the colorimetric field has no such specification (SMPTE ST 268 marks codes 2 and 3 not applicable).")
            .WithState(_ => "auto, user-defined, printing-density, video, smpte-274m, bt709, bt601-625, bt601-525, ntsc or pal");
        RuleFor(o => o.Project).Must(DpxText.Fits(DpxLayout.ProjectLength))
            .OverridePropertyName("project")
            .WithMessage(o => $"DPX: the project name ({o.Project.Length} characters) does not fit the header's project field, which holds printable ASCII only.")
            .WithState(_ => $"at most {DpxLayout.ProjectLength} printable ASCII characters");
    }
}

/// <summary>What a request must meet before the first frame: a size within the limits, a pixel aspect ratio, and a reel name the header can hold.</summary>
internal sealed class DpxRequestValidator : AbstractValidator<DeliverableRequest>
{
    public DpxRequestValidator()
    {
        RuleFor(r => r).Must(r => ImageLimits.IsAllowed(r.Width, r.Height))
            .OverridePropertyName("size")
            .WithMessage(r => $"A {r.Width} × {r.Height} DPX deliverable is outside the image limits.")
            .WithState(_ => $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        RuleFor(r => r.PixelAspectRatio).Must(p => double.IsFinite(p) && p > 0 && p <= 100)
            .OverridePropertyName("pixel-aspect-ratio")
            .WithMessage(r => $"A pixel aspect ratio of {r.PixelAspectRatio} cannot be written.")
            .WithState(_ => "a finite number above 0, at most 100");

        // The reel is how a conform finds the source: cutting it short would break the match, so a long one is refused.
        RuleFor(r => DpxHeaderBuilder.Reel(r)).Must(DpxText.Fits(DpxLayout.InputDeviceLength))
            .OverridePropertyName("reel")
            .WithMessage(r => $"The reel name '{DpxHeaderBuilder.Reel(r)}' does not fit the DPX input device name field.")
            .WithState(_ => $"at most {DpxLayout.InputDeviceLength} printable ASCII characters");
    }
}

/// <summary>Text the header's fixed ASCII fields can hold.</summary>
internal static class DpxText
{
    public static Func<string, bool> Fits(int length) => text => text.Length <= length && text.All(c => c is >= ' ' and <= '~');
}
