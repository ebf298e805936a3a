namespace Rushes.Colour.Kernel;

/// <summary>
/// A one-dimensional transfer function, evaluated in double precision. Curves with a closed vector
/// form override <see cref="ApplyVector"/>; the others run on the scalar path.
/// </summary>
internal abstract class Curve
{
    /// <summary>What the curve computes, with its constants, for cache ids.</summary>
    public abstract string Key { get; }

    /// <summary>The value of the curve at <paramref name="x"/>.</summary>
    public abstract double Evaluate(double x);

    /// <summary>The curve that undoes this one.</summary>
    public abstract Curve Inverse();

    /// <summary>Transforms a run in place.</summary>
    public void Apply(Span<float> values)
    {
        var done = ApplyVector(values);
        ApplyScalar(values[done..]);
    }

    /// <summary>Transforms a run in place one element at a time.</summary>
    public void ApplyScalar(Span<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)Evaluate(values[i]);
        }
    }

    /// <summary>The SIMD path over a prefix of whole vectors; returns how many elements it did.</summary>
    protected virtual int ApplyVector(Span<float> values) => 0;
}

/// <summary>A curve given by a pair of functions, each the other's inverse, with no vector form.</summary>
internal sealed class FunctionCurve(string key, Func<double, double> forward, Func<double, double> inverse, string inverseKey) : Curve
{
    public override string Key => key;

    public override double Evaluate(double x) => forward(x);

    public override Curve Inverse() => new FunctionCurve(inverseKey, inverse, forward, key);
}
