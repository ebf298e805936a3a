using System.Globalization;
using Rushes.Contracts.Time;

namespace Rushes.Host.Editorial.Timecodes;

/// <summary>
/// A timecode rate as editors name it: an exact frame rate and its counting (drop or non-drop).
/// <see cref="All"/> lists the SMPTE ST 12-1 rates and the high frame rates cameras record.
/// </summary>
public sealed record SmpteRate(string Name, FrameRate Rate, bool DropFrame)
{
    /// <summary>
    /// The rates with their usual names. The x/1001 rates are the NTSC family (SMPTE ST 12-1 §4);
    /// drop-frame counting exists only at 30000/1001 and 60000/1001 (ST 12-1 §5.2.2).
    /// </summary>
    public static IReadOnlyList<SmpteRate> All { get; } =
    [
        new("23.976", FrameRate.Fps23_976, false),
        new("24", FrameRate.Fps24, false),
        new("25", FrameRate.Fps25, false),
        new("29.97 NDF", FrameRate.Fps29_97, false),
        new("29.97 DF", FrameRate.Fps29_97, true),
        new("30", FrameRate.Fps30, false),
        new("47.952", new FrameRate(48000, 1001), false),
        new("48", FrameRate.Fps48, false),
        new("50", FrameRate.Fps50, false),
        new("59.94 NDF", FrameRate.Fps59_94, false),
        new("59.94 DF", FrameRate.Fps59_94, true),
        new("60", FrameRate.Fps60, false),
        new("95.904", new FrameRate(96000, 1001), false),
        new("96", new FrameRate(96, 1), false),
        new("100", new FrameRate(100, 1), false),
        new("119.88", new FrameRate(120000, 1001), false),
        new("120", new FrameRate(120, 1), false),
    ];

    /// <summary>The rate named <paramref name="name"/> (case-insensitive, as in <see cref="All"/>), or null.</summary>
    public static SmpteRate? Find(string name)
        => All.FirstOrDefault(r => string.Equals(r.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The named rate of a frame rate and counting, or a new one named by its decimal value.</summary>
    public static SmpteRate Of(FrameRate rate, bool dropFrame)
        => All.FirstOrDefault(r => r.Rate == rate && r.DropFrame == dropFrame)
           ?? new SmpteRate(rate.FramesPerSecond.ToString("0.###", CultureInfo.InvariantCulture), rate, dropFrame);

    /// <summary>The rate as a decimal, without the counting: <c>29.97</c>, <c>23.976</c>, <c>24</c>.</summary>
    public string Decimal => Name.Split(' ')[0];

    /// <summary>Frames in one 24-hour timecode day.</summary>
    public long FramesPerDay => Timecode.FromFrames(0, Rate, DropFrame).FramesPerDay;

    /// <inheritdoc />
    public override string ToString() => Name;
}
