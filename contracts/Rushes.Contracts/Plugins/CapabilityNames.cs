namespace Rushes.Contracts.Plugins;

/// <summary>Well-known capability names, so that hosts and plugins spell them alike.</summary>
public static class CapabilityNames
{
    /// <summary>Camera format: decodes frames to pixels (not only metadata).</summary>
    public const string Decode = "decode";

    /// <summary>Camera format: reads clip metadata without decoding.</summary>
    public const string Metadata = "metadata";

    /// <summary>Camera format: per-frame metadata.</summary>
    public const string FrameMetadata = "frame-metadata";

    /// <summary>Camera format: resolution levels offered (values: full, half, quarter).</summary>
    public const string Resolutions = "resolutions";

    /// <summary>Camera format: can hand out the undemosaiced CFA mosaic.</summary>
    public const string Mosaic = "mosaic";

    /// <summary>Camera format: compressions it decodes.</summary>
    public const string Compressions = "compressions";

    /// <summary>Clip layouts handled (values: file, sequence, sidecar).</summary>
    public const string ClipLayouts = "clip-layouts";

    /// <summary>Colour transform: processors can be inverted.</summary>
    public const string Inverse = "inverse";

    /// <summary>Colour transform: file-based transforms (values: file extensions such as cube, clf, cc).</summary>
    public const string TransformFiles = "transform-files";

    /// <summary>Deliverable: sample bit depths written (values such as 8, 10, 16, 16f, 32f).</summary>
    public const string BitDepths = "bit-depths";

    /// <summary>Deliverable: channel layouts written (values: RGB, RGBA).</summary>
    public const string Channels = "channels";

    /// <summary>Deliverable: colour encodings the file format can carry or label.</summary>
    public const string ColourEncodings = "colour-encodings";

    /// <summary>Deliverable: one file holds many frames (a movie) rather than one file per frame.</summary>
    public const string MultiFrameFile = "multi-frame-file";

    /// <summary>Deliverable: sidecars it can write (values: amf, cdl, cc, fdl, provenance).</summary>
    public const string Sidecars = "sidecars";

    /// <summary>Deliverable: the file carries a timecode.</summary>
    public const string Timecode = "timecode";
}
