using Rushes.Contracts.Parameters;
using Rushes.Plugins.Dpx.Format;
using Rushes.Plugins.Dpx.IO;

namespace Rushes.Plugins.Dpx.Deliverable;

/// <summary>The options a DPX deliverable declares, and their values read from a spec.</summary>
internal sealed record DpxOptions
{
    public const string Auto = "auto";

    public static readonly ParameterDefinition BitDepthOption = new()
    {
        Name = "bit-depth",
        Type = ParameterType.Choice,
        Description = "Bits per sample: 10 (three samples filled into each 32-bit word, method A) or 16.",
        Default = "10",
        Choices = [new ParameterChoice { Value = "10", Label = "10-bit, filled (method A)" }, new ParameterChoice { Value = "16", Label = "16-bit" }],
    };

    public static readonly ParameterDefinition TransferOption = new()
    {
        Name = "transfer",
        Type = ParameterType.Choice,
        Description = "The transfer characteristic written in the header; it labels the pixels, which arrive already encoded. 'auto' derives it from the deliverable's colour encoding.",
        Default = Auto,
        Choices = Characteristics(),
    };

    public static readonly ParameterDefinition ColorimetricOption = new()
    {
        Name = "colorimetric",
        Type = ParameterType.Choice,
        Description = "The colorimetric specification written in the header. 'auto' derives it from the deliverable's colour encoding.",
        Default = Auto,
        Choices = Characteristics(),
    };

    public static readonly ParameterDefinition NonFiniteOption = new()
    {
        Name = "non-finite",
        Type = ParameterType.Choice,
        Description = "What to do with NaN or infinite samples: refuse the frame, or write NaN and -infinity as code 0 and +infinity as the largest code. Finite values outside 0..1 are always clamped to the code range.",
        Default = "reject",
        Choices = [new ParameterChoice { Value = "reject", Label = "Refuse the frame" }, new ParameterChoice { Value = "clamp", Label = "NaN and -inf to 0, +inf to the largest code" }],
    };

    public static readonly ParameterDefinition ProjectOption = new()
    {
        Name = "project",
        Type = ParameterType.Text,
        Description = "The project name in the file information header (at most 200 ASCII characters); the clip name when left empty.",
        Default = "",
    };

    public static IReadOnlyList<ParameterDefinition> Definitions { get; } = [BitDepthOption, TransferOption, ColorimetricOption, NonFiniteOption, ProjectOption];

    public required int BitDepth { get; init; }

    /// <summary>The transfer option as given (<c>auto</c> or a characteristic).</summary>
    public required string Transfer { get; init; }

    /// <summary>The colorimetric option as given (<c>auto</c> or a characteristic).</summary>
    public required string Colorimetric { get; init; }

    public required NonFinitePolicy NonFinite { get; init; }

    public required string Project { get; init; }

    /// <summary>Reads values already checked against <see cref="Definitions"/>.</summary>
    public static DpxOptions From(ParameterValues values) => new()
    {
        BitDepth = values.GetText(BitDepthOption) == "16" ? 16 : 10,
        Transfer = values.GetText(TransferOption)!.ToLowerInvariant(),
        Colorimetric = values.GetText(ColorimetricOption)!.ToLowerInvariant(),
        NonFinite = string.Equals(values.GetText(NonFiniteOption), "clamp", StringComparison.OrdinalIgnoreCase) ? NonFinitePolicy.Clamp : NonFinitePolicy.Reject,
        Project = values.GetText(ProjectOption) ?? "",
    };

    /// <summary>The transfer and colorimetric codes for pixels of a colour encoding.</summary>
    public (DpxCharacteristic Transfer, DpxCharacteristic Colorimetric) Characteristics(string colourEncoding)
    {
        var derived = DpxCharacteristics.ForEncoding(colourEncoding);
        return (Transfer == Auto ? derived.Transfer : DpxCharacteristics.FromOption(Transfer),
            Colorimetric == Auto ? derived.Colorimetric : DpxCharacteristics.FromOption(Colorimetric));
    }

    private static List<ParameterChoice> Characteristics()
        => [new ParameterChoice { Value = Auto, Label = "From the colour encoding" }, .. DpxCharacteristics.Options.Select(o => new ParameterChoice { Value = o.Option, Label = o.Label })];
}
