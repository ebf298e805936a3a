namespace Rushes.Plugins.VendorSidecars.Mlv;

/// <summary>
/// What the blocks of one MLV recording (its .MLV and .M00, .M01… chunks) say. Layouts from Magic Lantern's
/// mlv.h and raw.h (MLV App src/mlv/, read as the format's specification); every field is little-endian and
/// packed; offsets below count from the start of the block, whose 16-byte header is type, size, timestamp.
/// Where a metadata block repeats, the first one (the state at the start of recording) is kept.
/// </summary>
internal sealed record MlvRecording
{
    public required MlvFileHeader Header { get; init; }

    public IReadOnlyList<MlvFileHeader> Chunks { get; init; } = [];

    /// <summary>VIDF blocks counted over every chunk (the frames themselves are never read).</summary>
    public long VideoFrames { get; init; }

    public long AudioFrames { get; init; }

    public MlvRawInfo? Raw { get; init; }

    public MlvIdentity? Identity { get; init; }

    public MlvExposure? Exposure { get; init; }

    public MlvLens? Lens { get; init; }

    public MlvWhiteBalance? WhiteBalance { get; init; }

    public MlvClock? Clock { get; init; }

    public string? Info { get; init; }

    /// <summary>Block types seen that this reader does not interpret, with their counts.</summary>
    public IReadOnlyDictionary<string, long> OtherBlocks { get; init; } = new Dictionary<string, long>();
}

/// <summary>MLVI (52 bytes): magic, size, version[8] @8, GUID u64 @16, fileNum u16 @24, fileCount u16 @26, flags u32 @28,
/// videoClass u16 @32, audioClass u16 @34, videoFrameCount u32 @36, audioFrameCount u32 @40, fps num u32 @44, den u32 @48.</summary>
internal sealed record MlvFileHeader(string File, string Version, ulong Guid, int FileNumber, int FileCount, uint Flags, int VideoClass, int AudioClass,
    uint VideoFrameCount, uint AudioFrameCount, uint FpsNumerator, uint FpsDenominator);

/// <summary>RAWI (180 bytes): xRes, yRes u16 @16/@18, then raw_info: api_version @20, height @28, width @32, pitch @36,
/// frame_size @40, bits_per_pixel @44, black_level @48, white_level @52, crop @56, active_area y1 x1 y2 x2 @72,
/// exposure_bias @88, cfa_pattern @96, calibration_illuminant1 @100, color_matrix1[18] @104, dynamic_range @176.</summary>
internal sealed record MlvRawInfo(int XResolution, int YResolution, int RawWidth, int RawHeight, int BitsPerPixel, int BlackLevel, int WhiteLevel,
    int ActiveTop, int ActiveLeft, int ActiveBottom, int ActiveRight, uint CfaPattern, int DynamicRange);

/// <summary>IDNT (84 bytes): cameraName[32] @16, cameraModel u32 @48, cameraSerial[32] @52.</summary>
internal sealed record MlvIdentity(string Name, uint Model, string? Serial);

/// <summary>EXPO (40 bytes): isoMode @16, isoValue @20, isoAnalog @24, digitalGain @28 (1024 = 1 EV), shutterValue u64 µs @32.</summary>
internal sealed record MlvExposure(uint IsoMode, uint Iso, uint IsoAnalog, uint DigitalGain, ulong? ShutterMicroseconds);

/// <summary>LENS (96 bytes): focalLength mm @16, focalDist mm @18 (65535 = infinity), aperture f×100 @20, stabilizer @22, autofocus @23,
/// flags @24, lensID @28, lensName[32] @32, lensSerial[32] @64.</summary>
internal sealed record MlvLens(int FocalLength, int FocusDistance, int Aperture, int Stabilizer, int Autofocus, uint LensId, string Name, string? Serial);

/// <summary>WBAL (44 bytes): wb_mode @16, kelvin @20, gains r g b @24 (1024 = 1.0), shift green-magenta @36, blue-amber @40.</summary>
internal sealed record MlvWhiteBalance(uint Mode, uint Kelvin, uint GainR, uint GainG, uint GainB, int ShiftGreenMagenta, int ShiftBlueAmber);

/// <summary>RTCI (44 bytes): C struct tm as u16s from @16: sec, min, hour, mday, mon (0-11), year (since 1900), wday, yday, isdst, gmtoff; zone[8] @36.</summary>
internal sealed record MlvClock(int Second, int Minute, int Hour, int Day, int Month, int Year, string? Zone);
