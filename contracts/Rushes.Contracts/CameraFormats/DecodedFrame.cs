using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.CameraFormats;

/// <summary>A decoded frame: its pixels and what they are. Dispose it to return the pixels to the pool.</summary>
public sealed class DecodedFrame : IDisposable
{
    /// <summary>Wraps decoded pixels.</summary>
    public DecodedFrame(long frame, ImageBuffer image, string colourEncoding)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrWhiteSpace(colourEncoding);
        Frame = frame;
        Image = image;
        ColourEncoding = colourEncoding;
    }

    /// <summary>The frame number within the clip.</summary>
    public long Frame { get; }

    /// <summary>A <see cref="PlanarImage"/> for RGB output, a <see cref="CfaImage"/> for the mosaic.</summary>
    public ImageBuffer Image { get; }

    /// <summary>
    /// What the pixel values mean, by ACES-style name: <c>ACES2065-1</c>, <c>ACEScg</c>,
    /// <c>camera-linear</c>, <c>cfa-linear</c>, or the recorded encoding such as <c>LogC3-AWG3</c>.
    /// </summary>
    public string ColourEncoding { get; }

    /// <summary>
    /// The ACES input transform the plugin applied to reach <see cref="ColourEncoding"/>, if any,
    /// so that an AMF input transform naming it is known to be done already.
    /// </summary>
    public string? AppliedInputTransformId { get; init; }

    /// <summary>Width over height of one pixel, after any resolution level.</summary>
    public double PixelAspectRatio { get; init; } = 1;

    /// <summary>The frame's own metadata, when read along with the pixels.</summary>
    public FrameMetadata? Metadata { get; init; }

    /// <summary>Things the decode had to work around (skipped optional opcodes, clipped values).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Returns the pixels to the pool.</summary>
    public void Dispose() => Image.Dispose();
}
