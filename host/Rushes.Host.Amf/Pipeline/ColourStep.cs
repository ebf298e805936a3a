using Rushes.Contracts.Colour;
using Rushes.Host.Amf.Model;

namespace Rushes.Host.Amf.Pipeline;

/// <summary>Where a step of the planned colour pipeline comes from.</summary>
public enum ColourStepRole
{
    /// <summary>The input transform (camera to ACES, or an inverse output transform).</summary>
    Input,

    /// <summary>Removes a look that is already in the pixels (its inverse).</summary>
    RemoveAppliedLook,

    /// <summary>Into a CDL's working space.</summary>
    ToCdlWorkingSpace,

    /// <summary>A look: a CDL, a LUT or CLF, or a registered look transform.</summary>
    Look,

    /// <summary>Back out of a CDL's working space.</summary>
    FromCdlWorkingSpace,

    /// <summary>The output transform.</summary>
    Output,
}

/// <summary>
/// One step of a colour pipeline planned from an AMF: a transform to compile through the colour
/// plugins (by id, or by file for CLF/LUT/CDL looks), or an inline CDL; with the AMF line it came from.
/// </summary>
public sealed record ColourStep
{
    /// <summary>Its role.</summary>
    public required ColourStepRole Role { get; init; }

    /// <summary>What to compile; for an inline CDL, the CDL transform with its values as parameters.</summary>
    public required TransformDescription Transform { get; init; }

    /// <summary>The inline CDL, when this step is one.</summary>
    public AmfCdl? Cdl { get; init; }

    /// <summary>The AMF element's description.</summary>
    public string? Description { get; init; }

    /// <summary>The AMF line it came from.</summary>
    public int Line { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => $"{Role}: {Transform.TransformId}{(Transform.Direction == TransformDirection.Inverse ? " (inverse)" : string.Empty)}{(Transform.FilePath is { } f ? $" [{Path.GetFileName(f)}]" : string.Empty)}";
}
