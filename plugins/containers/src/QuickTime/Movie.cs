using Rushes.Contracts.Metadata;

namespace Rushes.Plugins.Containers.QuickTime;

/// <summary>What the movie's atoms say, before normalization.</summary>
internal sealed record Movie
{
    public string? MajorBrand { get; init; }

    public required long Timescale { get; init; }

    public required long Duration { get; init; }

    /// <summary>Seconds since 1904-01-01 UTC (QTFF "Movie Header Atoms"); 0 when the writer left it unset.</summary>
    public required ulong CreationTime { get; init; }

    public required IReadOnlyList<Track> Tracks { get; init; }

    /// <summary>The <c>moov/meta</c> items: key (reverse-DNS in the 'mdta' namespace) and value.</summary>
    public required IReadOnlyList<KeyValuePair<string, MetadataValue>> Items { get; init; }

    /// <summary>The <c>moov/udta</c> text items: atom type ('©nam') and text.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> UserData { get; init; }
}

/// <summary>One track.</summary>
internal sealed record Track
{
    public required int Index { get; init; }

    public required uint Id { get; init; }

    /// <summary>The media handler subtype ('vide', 'soun', 'tmcd').</summary>
    public required string Handler { get; init; }

    /// <summary>The track ids its 'tmcd' track reference names.</summary>
    public IReadOnlyList<uint> TimecodeReferences { get; init; } = [];

    public required long MediaTimescale { get; init; }

    public required long MediaDuration { get; init; }

    /// <summary>The display size from the track header (16.16 fixed point).</summary>
    public double HeaderWidth { get; init; }

    public double HeaderHeight { get; init; }

    /// <summary>The first sample description's format ('apch', 'avc1', 'tmcd').</summary>
    public string? Format { get; init; }

    public VideoDescription? Video { get; init; }

    public TimecodeDescription? Timecode { get; init; }

    /// <summary>Samples and their durations from the time-to-sample table.</summary>
    public long SampleCount { get; init; }

    /// <summary>The sample duration in media time units when every sample has the same one.</summary>
    public long? UniformSampleDuration { get; init; }

    /// <summary>The first chunk's file offset (stco/co64), where the first sample lies.</summary>
    public long? FirstChunkOffset { get; init; }

    /// <summary>The first sample's size (stsz).</summary>
    public long? FirstSampleSize { get; init; }
}

/// <summary>A video sample description (QTFF "Video Sample Description").</summary>
internal sealed record VideoDescription(int Width, int Height, string CompressorName, (uint H, uint V)? PixelAspect, (Rational Width, Rational Height)? CleanAperture);

/// <summary>A timecode sample description (QTFF "Timecode Sample Description").</summary>
internal sealed record TimecodeDescription(uint Flags, uint Timescale, uint FrameDuration, byte NumberOfFrames, string? SourceName)
{
    /// <summary>Flag bits (QTFF "Timecode Sample Description"): drop frame, 24-hour maximum, negative times allowed, counter.</summary>
    public const uint DropFrameFlag = 0x0001;
    public const uint TwentyFourHourMaxFlag = 0x0002;
    public const uint NegativeTimesOkFlag = 0x0004;
    public const uint CounterFlag = 0x0008;

    public bool DropFrame => (Flags & DropFrameFlag) != 0;

    public bool Counter => (Flags & CounterFlag) != 0;
}
