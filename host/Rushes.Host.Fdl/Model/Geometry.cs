namespace Rushes.Host.Fdl.Model;

/// <summary>Integer width and height, as the schema types canvas and template sizes.</summary>
public readonly record struct IntDimensions(int Width, int Height)
{
    /// <summary>The same size in floating point.</summary>
    public FloatDimensions ToFloat() => new(Width, Height);

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}";
}

/// <summary>Fractional width and height: framing and protection sizes are "fractional pixels".</summary>
public readonly record struct FloatDimensions(double Width, double Height)
{
    /// <summary>True when both sides are zero: the layer is absent.</summary>
    public bool IsZero => Width == 0 && Height == 0;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Width}x{Height}");
}

/// <summary>The top-left corner of a rectangle, in canvas pixels from the canvas top-left.</summary>
public readonly record struct AnchorPoint(double X, double Y)
{
    /// <summary>The canvas origin.</summary>
    public static AnchorPoint Origin => default;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({X}, {Y})");
}
