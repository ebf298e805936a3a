namespace Rushes.Plugins.Looks.Ops;

/// <summary>
/// One colour operation of a look, with its parameters normalised to 32-bit float scale (CLF's
/// bit depths only scale parameters, so every reader rescales on parse and the rest of the plugin
/// never sees a bit depth). Ops are immutable values; processors are compiled from lists of them.
/// </summary>
internal abstract record LookOp
{
    /// <summary>The CLF element name of the op.</summary>
    public abstract string Kind { get; }

    /// <summary>A one-line summary of the parameters, for golden files and logs.</summary>
    public abstract string Summary();
}

/// <summary>out = M·in + offset, row-major 3×3 with a 3-element offset (CLF Matrix, 3×3 or 3×4).</summary>
internal sealed record MatrixOp(double[] Coefficients, double[] Offset) : LookOp
{
    public override string Kind => "Matrix";

    public bool HasOffset => Offset.Any(o => o != 0);

    public bool IsIdentity
        => Coefficients.Select((c, i) => c == (i % 4 == 0 ? 1.0 : 0.0)).All(b => b) && !HasOffset;

    public static MatrixOp Scale(double[] scale, double[] offset)
        => new([scale[0], 0, 0, 0, scale[1], 0, 0, 0, scale[2]], offset);

    public override string Summary() => $"Matrix {Text.Join(Coefficients)} offset {Text.Join(Offset)}";
}

/// <summary>
/// A 1D LUT: <see cref="Size"/> entries per channel, stored channel-interleaved (R,G,B per entry).
/// Normal LUTs map [0,1] onto the entries; a half-domain LUT has 65536 entries indexed by the
/// half-float bit pattern of the input (CLF §LUT1D).
/// </summary>
internal sealed record Lut1DOp(float[] Values, int Size, bool HalfDomain) : LookOp
{
    public override string Kind => "LUT1D";

    public override string Summary()
        => $"LUT1D {Size} entries{(HalfDomain ? " half-domain" : string.Empty)}, first {Text.Join(Values.Take(3))}, last {Text.Join(Values.Skip(Values.Length - 3))}";
}

/// <summary>A 1D LUT applied backwards (the inverse of a monotonic <see cref="Lut1DOp"/>).</summary>
internal sealed record InverseLut1DOp(Lut1DOp Forward) : LookOp
{
    public override string Kind => "InverseLUT1D";

    public override string Summary() => $"inverse of {Forward.Summary()}";
}

/// <summary>3D LUT interpolation (CLF Appendix A).</summary>
internal enum Interpolation
{
    Trilinear,
    Tetrahedral,
}

/// <summary>
/// A 3D LUT over [0,1]³ with <see cref="Size"/> points per axis, in CLF order: the blue index
/// changes fastest, then green, then red; RGB per point.
/// </summary>
internal sealed record Lut3DOp(float[] Values, int Size, Interpolation Interpolation) : LookOp
{
    public override string Kind => "LUT3D";

    public override string Summary()
        => $"LUT3D {Size}x{Size}x{Size} {Interpolation.ToString().ToLowerInvariant()}, first {Text.Join(Values.Take(3))}, last {Text.Join(Values.Skip(Values.Length - 3))}";
}

/// <summary>
/// CLF Range: a linear scale between the in and out ranges, clamped to the out range unless
/// <see cref="Clamp"/> is false; with only a min or only a max pair it is a one-sided clamp.
/// </summary>
internal sealed record RangeOp(double? MinIn, double? MaxIn, double? MinOut, double? MaxOut, bool Clamp) : LookOp
{
    public override string Kind => "Range";

    public bool HasMin => MinIn is not null;

    public bool HasMax => MaxIn is not null;

    /// <summary>The slope between the ranges; 1 for a one-sided clamp.</summary>
    public double Scale => HasMin && HasMax ? (MaxOut!.Value - MinOut!.Value) / (MaxIn!.Value - MinIn!.Value) : 1;

    /// <summary>The intercept of the linear part.</summary>
    public double Offset => HasMin && HasMax ? MinOut!.Value - (MinIn!.Value * Scale) : 0;

    public override string Summary()
        => $"Range in [{Text.Of(MinIn)}, {Text.Of(MaxIn)}] out [{Text.Of(MinOut)}, {Text.Of(MaxOut)}] {(Clamp ? "Clamp" : "noClamp")}";
}

/// <summary>ASC CDL styles (CLF ASC_CDL @style).</summary>
internal enum CdlStyle
{
    Fwd,
    Rev,
    FwdNoClamp,
    RevNoClamp,
}

/// <summary>An ASC CDL v1.2 correction: slope, offset, power per channel and one saturation.</summary>
internal sealed record CdlOp(double[] Slope, double[] Offset, double[] Power, double Saturation, CdlStyle Style) : LookOp
{
    public override string Kind => "ASC_CDL";

    public static CdlOp Identity(CdlStyle style) => new([1, 1, 1], [0, 0, 0], [1, 1, 1], 1, style);

    public bool IsIdentityValues
        => Slope.All(v => v == 1) && Offset.All(v => v == 0) && Power.All(v => v == 1) && Saturation == 1;

    public override string Summary()
        => $"ASC_CDL {Style} slope {Text.Join(Slope)} offset {Text.Join(Offset)} power {Text.Join(Power)} sat {Text.Of(Saturation)}";
}

/// <summary>CLF Log styles.</summary>
internal enum LogStyle
{
    Log10,
    Log2,
    AntiLog10,
    AntiLog2,
    LinToLog,
    LogToLin,
    CameraLinToLog,
    CameraLogToLin,
}

/// <summary>
/// The parameters of one channel of a CLF Log (CLF §Log, LogParams). <see cref="LinSideBreak"/> is set
/// only for the camera styles; <see cref="LinearSlope"/> only when the file gives it.
/// </summary>
internal sealed record LogParams(double Base, double LogSideSlope, double LogSideOffset, double LinSideSlope, double LinSideOffset, double? LinSideBreak, double? LinearSlope)
{
    public static LogParams Default { get; } = new(2, 1, 0, 1, 0, null, null);

    public string Summary()
        => $"base {Text.Of(Base)} logSlope {Text.Of(LogSideSlope)} logOffset {Text.Of(LogSideOffset)} linSlope {Text.Of(LinSideSlope)} linOffset {Text.Of(LinSideOffset)}"
           + (LinSideBreak is { } b ? $" linBreak {Text.Of(b)}" : string.Empty) + (LinearSlope is { } s ? $" linearSlope {Text.Of(s)}" : string.Empty);
}

/// <summary>A CLF Log op with one set of parameters per channel.</summary>
internal sealed record LogOp(LogStyle Style, LogParams[] Channels) : LookOp
{
    public override string Kind => "Log";

    public override string Summary()
        => $"Log {Text.CamelStyle(Style.ToString())}" + (Style is LogStyle.Log10 or LogStyle.Log2 or LogStyle.AntiLog10 or LogStyle.AntiLog2
            ? string.Empty
            : Channels.Distinct().Count() == 1 ? $" {Channels[0].Summary()}" : $" R: {Channels[0].Summary()}; G: {Channels[1].Summary()}; B: {Channels[2].Summary()}");
}

/// <summary>CLF Exponent styles.</summary>
internal enum ExponentStyle
{
    BasicFwd,
    BasicRev,
    BasicMirrorFwd,
    BasicMirrorRev,
    BasicPassThruFwd,
    BasicPassThruRev,
    MonCurveFwd,
    MonCurveRev,
    MonCurveMirrorFwd,
    MonCurveMirrorRev,
}

/// <summary>A CLF Exponent op: an exponent and (moncurve styles) an offset per channel.</summary>
internal sealed record ExponentOp(ExponentStyle Style, double[] Exponent, double[] Offset) : LookOp
{
    public override string Kind => "Exponent";

    public bool IsMonCurve => Style >= ExponentStyle.MonCurveFwd;

    public override string Summary()
        => $"Exponent {Text.CamelStyle(Style.ToString())} exponent {Text.Join(Exponent)}" + (IsMonCurve ? $" offset {Text.Join(Offset)}" : string.Empty);
}
