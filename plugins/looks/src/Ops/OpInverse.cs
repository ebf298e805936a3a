using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Processing;

namespace Rushes.Plugins.Looks.Ops;

/// <summary>Inverts op lists: the ops in reverse order, each replaced by its exact inverse.</summary>
internal static class OpInverse
{
    public static IReadOnlyList<LookOp> Invert(IReadOnlyList<LookOp> ops, string source)
        => [.. ops.Reverse().Select(op => Invert(op, source))];

    private static LookOp Invert(LookOp op, string source) => op switch
    {
        MatrixOp m => InvertMatrix(m, source),
        RangeOp r => new RangeOp(r.MinOut, r.MaxOut, r.MinIn, r.MaxIn, r.Clamp),
        CdlOp c => c with
        {
            Style = c.Style switch
            {
                CdlStyle.Fwd => CdlStyle.Rev,
                CdlStyle.Rev => CdlStyle.Fwd,
                CdlStyle.FwdNoClamp => CdlStyle.RevNoClamp,
                _ => CdlStyle.FwdNoClamp,
            },
        },
        LogOp l => l with
        {
            Style = l.Style switch
            {
                LogStyle.Log10 => LogStyle.AntiLog10,
                LogStyle.AntiLog10 => LogStyle.Log10,
                LogStyle.Log2 => LogStyle.AntiLog2,
                LogStyle.AntiLog2 => LogStyle.Log2,
                LogStyle.LinToLog => LogStyle.LogToLin,
                LogStyle.LogToLin => LogStyle.LinToLog,
                LogStyle.CameraLinToLog => LogStyle.CameraLogToLin,
                _ => LogStyle.CameraLinToLog,
            },
        },
        // Fwd and Rev styles alternate in the enum.
        ExponentOp e => e with { Style = (int)e.Style % 2 == 0 ? e.Style + 1 : e.Style - 1 },
        Lut1DOp lut when Lut1DTables.IsMonotonic(lut) => new InverseLut1DOp(lut),
        Lut1DOp => throw new InputException($"{source}: a LUT1D that is not monotonic (or has a half domain) has no inverse.", source, "LUT1D", "a monotonic 1D LUT"),
        InverseLut1DOp inverse => inverse.Forward,
        Lut3DOp => throw new InputException($"{source}: a 3D LUT has no exact inverse; compile it forward only.", source, "LUT3D", "forward direction"),
        _ => throw new InvalidOperationException($"No inverse for {op.Kind}."),
    };

    private static MatrixOp InvertMatrix(MatrixOp m, string source)
    {
        try
        {
            var inverse = new ColourMatrix(m.Coefficients, m.Offset).Invert();
            return new MatrixOp([.. inverse.Coefficients], [.. inverse.Offset]);
        }
        catch (InvalidOperationException e)
        {
            throw new InputException($"{source}: the matrix {m.Summary()} is singular and has no inverse.", source, "Matrix", "an invertible matrix", e);
        }
    }
}
