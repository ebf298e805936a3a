using FluentValidation;
using Rushes.Host.Specs.Model;

namespace Rushes.Host.Specs.Reading;

/// <summary>
/// The rules a rendered spec's values follow, beyond its shape. Property names are the spec's own
/// field paths (<c>deliverables[1].frame-offset</c>), so that a message points where to edit.
/// Whether a type exists and accepts its options is checked later, against the loaded plugins.
/// </summary>
public sealed class DeliverableSpecValidator : AbstractValidator<DeliverableSpec>
{
    private const string IdPattern = "^[a-z0-9][a-z0-9._-]{0,63}$";

    public DeliverableSpecValidator()
    {
        RuleFor(s => s.FormatVersion).Equal(DeliverableSpec.CurrentFormatVersion).OverridePropertyName("spec")
            .WithMessage(s => $"this host reads spec format {DeliverableSpec.CurrentFormatVersion}, not {s.FormatVersion}");
        RuleFor(s => s.Name).Matches(IdPattern).OverridePropertyName("name")
            .WithMessage("expected a lower-case id (letters, digits, '.', '_', '-'), such as vfx-plates");
        RuleFor(s => s.Deliverables).NotEmpty().OverridePropertyName("deliverables").WithMessage("a spec lists at least one deliverable");
        RuleFor(s => s.Deliverables).Must(HaveUniqueNames).OverridePropertyName("deliverables")
            .WithMessage(s => $"deliverable names must be unique; repeated: {string.Join(", ", Repeated(s.Deliverables))}");
        RuleForEach(s => s.Deliverables).SetValidator(new DeliverableValidator()).OverridePropertyName("deliverables");
    }

    private static bool HaveUniqueNames(IReadOnlyList<Deliverable> deliverables) => !Repeated(deliverables).Any();

    private static IEnumerable<string> Repeated(IReadOnlyList<Deliverable> deliverables) =>
        deliverables.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    private sealed class DeliverableValidator : AbstractValidator<Deliverable>
    {
        private static readonly string[] Fits = ["width", "height", "fit_all", "fill"];
        private static readonly string[] Filters = ["lanczos3", "bilinear"];

        public DeliverableValidator()
        {
            RuleFor(d => d.Name).Matches(IdPattern).OverridePropertyName("name")
                .WithMessage("expected a lower-case id (letters, digits, '.', '_', '-')");
            RuleFor(d => d.Type).Matches(IdPattern).OverridePropertyName("type")
                .WithMessage("expected a deliverable type id, such as openexr, dpx, tiff, stills or ffmpeg");
            RuleFor(d => d.FrameOffset).InclusiveBetween(0, 100_000_000).OverridePropertyName("frame-offset")
                .WithMessage("expected a frame offset from 0 to 100000000");
            RuleForEach(d => d.Sidecars).Must(SidecarKinds.All.Contains).OverridePropertyName("sidecars")
                .WithMessage((_, kind) => $"unknown sidecar '{kind}' (known: {string.Join(", ", SidecarKinds.All.Order(StringComparer.Ordinal))})");
            RuleFor(d => d.Sidecars).Must(s => s.Distinct(StringComparer.Ordinal).Count() == s.Count).OverridePropertyName("sidecars")
                .WithMessage("a sidecar is listed twice");
            RuleFor(d => d.Colour.Output).NotEmpty().OverridePropertyName("colour.output")
                .WithMessage("expected an output transform id, 'none' (scene-linear ACES 2065-1) or 'camera' (the camera's log)");
            RuleFor(d => d.Framing!).SetValidator(new FramingValidator()).When(d => d.Framing is not null).OverridePropertyName("framing");
        }

        private sealed class FramingValidator : AbstractValidator<FramingIntent>
        {
            public FramingValidator()
            {
                RuleFor(f => f).Must(f => f.Template is not null || (f.Width is not null && f.Height is not null)).OverridePropertyName("template")
                    .WithMessage("framing needs an FDL canvas template file, or both width and height");
                RuleFor(f => f.Template).Must(t => t is null || IsPlainRelative(t)).OverridePropertyName("template")
                    .WithMessage("expected a file name relative to the spec's folder, without '..'");
                RuleFor(f => f.Width).InclusiveBetween(1, 32768).When(f => f.Width is not null).OverridePropertyName("width")
                    .WithMessage("expected a width from 1 to 32768 pixels");
                RuleFor(f => f.Height).InclusiveBetween(1, 32768).When(f => f.Height is not null).OverridePropertyName("height")
                    .WithMessage("expected a height from 1 to 32768 pixels");
                RuleFor(f => f.Fit).Must(Fits.Contains).OverridePropertyName("fit")
                    .WithMessage(f => $"unknown fit '{f.Fit}' (known: {string.Join(", ", Fits)})");
                RuleFor(f => f.Filter).Must(Filters.Contains).OverridePropertyName("filter")
                    .WithMessage(f => $"unknown filter '{f.Filter}' (known: {string.Join(", ", Filters)})");
            }

            private static bool IsPlainRelative(string path) =>
                !Path.IsPathRooted(path) && !path.Contains("..", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);
        }
    }
}
