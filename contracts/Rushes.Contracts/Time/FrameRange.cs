using System.Globalization;

namespace Rushes.Contracts.Time;

/// <summary>An inclusive range of frame numbers, such as 1001-1100.</summary>
public readonly struct FrameRange : IEquatable<FrameRange>
{
    /// <summary>Makes the range <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public FrameRange(long first, long last)
    {
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), $"A frame range ends at or after its start; got {first}-{last}.");
        }

        First = first;
        Last = last;
    }

    /// <summary>The first frame.</summary>
    public long First { get; }

    /// <summary>The last frame, included.</summary>
    public long Last { get; }

    /// <summary>How many frames the range holds.</summary>
    public long Count => Last - First + 1;

    /// <summary>True when the frame is in the range.</summary>
    public bool Contains(long frame) => frame >= First && frame <= Last;

    /// <summary>True when the whole of <paramref name="other"/> is in this range.</summary>
    public bool Contains(FrameRange other) => other.First >= First && other.Last <= Last;

    /// <summary>The overlap of two ranges, or null when they do not meet.</summary>
    public FrameRange? Intersect(FrameRange other)
    {
        var first = Math.Max(First, other.First);
        var last = Math.Min(Last, other.Last);
        return first <= last ? new FrameRange(first, last) : null;
    }

    /// <summary>The range grown by <paramref name="handles"/> frames at each end.</summary>
    public FrameRange WithHandles(long handles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(handles);
        return new FrameRange(First - handles, Last + handles);
    }

    /// <summary>The frames in order.</summary>
    public IEnumerable<long> Frames()
    {
        for (var f = First; f <= Last; f++)
        {
            yield return f;
        }
    }

    /// <summary>Parses <c>A-B</c>, or a single frame <c>A</c>.</summary>
    public static FrameRange Parse(string text)
        => TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not a frame range; expected 'first-last' such as 1001-1100, with first <= last.");

    /// <summary>Parses a frame range; see <see cref="Parse"/>.</summary>
    public static bool TryParse(string? text, out FrameRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        // A leading '-' is a negative first frame, so look for the separator after it.
        var dash = text.IndexOf('-', 1);
        if (dash < 0)
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var single))
            {
                return false;
            }

            range = new FrameRange(single, single);
            return true;
        }

        if (long.TryParse(text.AsSpan(0, dash), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first)
            && long.TryParse(text.AsSpan(dash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var last)
            && last >= first)
        {
            range = new FrameRange(first, last);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(FrameRange other) => First == other.First && Last == other.Last;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FrameRange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(First, Last);

    /// <summary><c>first-last</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");

    /// <summary>Equality.</summary>
    public static bool operator ==(FrameRange left, FrameRange right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FrameRange left, FrameRange right) => !left.Equals(right);
}
