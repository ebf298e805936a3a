namespace Rushes.Colour.Kernel;

/// <summary>The same curve on every channel.</summary>
internal sealed class CurveStage(Curve curve) : Stage
{
    public Curve Curve { get; } = curve;

    public override string Key => "curve " + Curve.Key;

    public override Stage Inverse() => new CurveStage(Curve.Inverse());

    public override void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        Curve.Apply(red);
        Curve.Apply(green);
        Curve.Apply(blue);
    }

    public override void ApplyScalar(Span<float> red, Span<float> green, Span<float> blue)
    {
        Curve.ApplyScalar(red);
        Curve.ApplyScalar(green);
        Curve.ApplyScalar(blue);
    }
}
