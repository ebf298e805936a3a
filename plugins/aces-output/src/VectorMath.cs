using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rushes.Plugins.AcesOutput;

/// <summary>
/// Transcendentals on an RGB triple at once (lane 3 unused), through .NET's vectorised log and exp:
/// one vector call instead of three scalar ones where a stage applies the same curve to each channel.
/// </summary>
internal static class VectorMath
{
    public static bool Enabled => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(Vec3 v, double spare = 1) => Vector256.Create(v.X, v.Y, v.Z, spare);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 Store(Vector256<double> v) => new(v[0], v[1], v[2]);

    /// <summary>x^e for x ≥ 0 (0 maps to 0 for e &gt; 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Pow(Vector256<double> x, double e) => Vector256.Exp(Vector256.Create(e) * Vector256.Log(x));
}
