namespace Rushes.Plugins.Dng.Develop;

/// <summary>One opcode of a DNG opcode list (DNG 1.6, chapter 7), with its header fields.</summary>
public abstract class DngOpcode
{
    private protected DngOpcode(OpcodeHeader header)
    {
        Id = header.Id;
        SpecVersion = header.SpecVersion;
        Optional = (header.Flags & 1) != 0;
        SkipForPreview = (header.Flags & 2) != 0;
    }

    /// <summary>The opcode id (1 WarpRectilinear … 14 WarpRectilinear2).</summary>
    public uint Id { get; }

    /// <summary>The opcode's name in the DNG specification.</summary>
    public string Name => OpcodeNames.Of(Id);

    /// <summary>The DNG version the opcode was written for, packed as four bytes (1.3.0.0 is 0x01030000).</summary>
    public uint SpecVersion { get; }

    /// <summary>Flag bit 0: a reader may skip the opcode if it does not know it.</summary>
    public bool Optional { get; }

    /// <summary>Flag bit 1: may be skipped for a quick preview.</summary>
    public bool SkipForPreview { get; }

    /// <summary>Applies the opcode in place; <paramref name="sampleScale"/> is the stored value that means 1.0 (1 for normalized images).</summary>
    internal abstract void Apply(ImagePlanes image, double sampleScale);
}

internal readonly record struct OpcodeHeader(uint Id, uint SpecVersion, uint Flags);

/// <summary>The opcode names of the DNG 1.6 specification, table of opcode ids.</summary>
internal static class OpcodeNames
{
    public static string Of(uint id) => id switch
    {
        1 => "WarpRectilinear",
        2 => "WarpFisheye",
        3 => "FixVignetteRadial",
        4 => "FixBadPixelsConstant",
        5 => "FixBadPixelsList",
        6 => "TrimBounds",
        7 => "MapTable",
        8 => "MapPolynomial",
        9 => "GainMap",
        10 => "DeltaPerRow",
        11 => "DeltaPerColumn",
        12 => "ScalePerRow",
        13 => "ScalePerColumn",
        14 => "WarpRectilinear2",
        _ => "unknown",
    };
}
