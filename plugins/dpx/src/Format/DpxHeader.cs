namespace Rushes.Plugins.Dpx.Format;

/// <summary>
/// The fields of the generic and industry headers of a DPX file (SMPTE ST 268), as read or to be written.
/// Numbers the file leaves undefined are null; text fields are empty when unset.
/// </summary>
internal sealed record DpxHeader
{
    // File information header.
    public bool BigEndian { get; init; } = true;
    public uint ImageOffset { get; init; } = DpxLayout.HeaderSize;
    public string Version { get; init; } = "V2.0";
    public uint FileSize { get; init; }
    public uint DittoKey { get; init; } = 1;
    public uint GenericHeaderSize { get; init; } = DpxLayout.GenericHeaderSize;
    public uint IndustryHeaderSize { get; init; } = DpxLayout.IndustryHeaderSize;
    public uint UserDataSize { get; init; }
    public string FileName { get; init; } = "";
    public string CreationTime { get; init; } = "";
    public string Creator { get; init; } = "";
    public string Project { get; init; } = "";
    public string Copyright { get; init; } = "";
    public uint? EncryptionKey { get; init; }

    // Image information header.
    public ushort Orientation { get; init; }
    public ushort ElementCount { get; init; } = 1;
    public uint Width { get; init; }
    public uint Height { get; init; }
    public required DpxElement Element { get; init; }

    // Image source (orientation) header.
    public uint? XOffset { get; init; }
    public uint? YOffset { get; init; }
    public float? XCenter { get; init; }
    public float? YCenter { get; init; }
    public uint? XOriginalSize { get; init; }
    public uint? YOriginalSize { get; init; }
    public string SourceFileName { get; init; } = "";
    public string SourceTime { get; init; } = "";
    public string InputDevice { get; init; } = "";
    public string InputDeviceSerial { get; init; } = "";
    public uint? AspectHorizontal { get; init; }
    public uint? AspectVertical { get; init; }

    // Motion-picture film header.
    public string FilmFormat { get; init; } = "";
    public uint? FramePosition { get; init; }
    public uint? SequenceLength { get; init; }
    public uint? HeldCount { get; init; }
    public float? FilmFrameRate { get; init; }
    public float? ShutterAngle { get; init; }
    public string FrameId { get; init; } = "";
    public string SlateInfo { get; init; } = "";

    // Television header.
    public uint? TimeCode { get; init; }
    public uint? UserBits { get; init; }
    public byte? Interlace { get; init; }
    public byte? FieldNumber { get; init; }
    public byte? VideoSignal { get; init; }
    public float? HorizontalSampleRate { get; init; }
    public float? VerticalSampleRate { get; init; }
    public float? TemporalSampleRate { get; init; }
    public float? Gamma { get; init; }
    public float? BlackLevel { get; init; }
    public float? WhiteLevel { get; init; }
}

/// <summary>The description of one image element (SMPTE ST 268, image information header).</summary>
internal sealed record DpxElement
{
    public uint DataSign { get; init; }
    public uint? ReferenceLowData { get; init; }
    public float? ReferenceLowQuantity { get; init; }
    public uint? ReferenceHighData { get; init; }
    public float? ReferenceHighQuantity { get; init; }
    public byte Descriptor { get; init; } = DpxLayout.DescriptorRgb;
    public DpxCharacteristic Transfer { get; init; }
    public DpxCharacteristic Colorimetric { get; init; }
    public byte BitDepth { get; init; }
    public ushort Packing { get; init; }
    public ushort Encoding { get; init; }
    public uint DataOffset { get; init; } = DpxLayout.HeaderSize;
    public uint EndOfLinePadding { get; init; }
    public uint EndOfImagePadding { get; init; }
    public string Description { get; init; } = "";
}
