using System.Security.Cryptography;
using Rushes.Contracts.Colour;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Processing;

/// <summary>
/// Turns an op list into a processor: adjacent affine ops (matrices, non-clamping ranges) fuse into
/// one matrix, identities drop out, and the cache id is a hash of the ops' values.
/// </summary>
internal static class LookCompiler
{
    public static LookProcessor Compile(IReadOnlyList<LookOp> ops, string salt = "")
    {
        var stages = new List<Stage>();
        ColourMatrix? pending = null;
        foreach (var op in ops)
        {
            if (AsAffine(op) is { } matrix)
            {
                pending = pending is null ? matrix : ColourMatrix.Compose(pending, matrix);
                continue;
            }

            Flush(stages, ref pending);
            switch (op)
            {
                case CdlOp cdl when cdl.IsIdentityValues && cdl.Style is CdlStyle.FwdNoClamp or CdlStyle.RevNoClamp:
                    break;
                case CdlOp cdl:
                    stages.Add(new CdlStage(cdl));
                    break;
                case RangeOp range:
                    stages.Add(new RangeStage(range));
                    break;
                case Lut1DOp { HalfDomain: true } half:
                    stages.Add(new HalfDomainLut1DStage(half));
                    break;
                case Lut1DOp lut:
                    stages.Add(new Lut1DStage(lut));
                    break;
                case InverseLut1DOp inverse:
                    stages.Add(new InverseLut1DStage(inverse.Forward));
                    break;
                case Lut3DOp lut3:
                    stages.Add(new Lut3DStage(lut3));
                    break;
                case LogOp log:
                    stages.Add(new LogStage(log));
                    break;
                case ExponentOp exponent when exponent.Exponent.All(g => g == 1) && (!exponent.IsMonCurve || exponent.Offset.All(k => k == 0)):
                    break;
                case ExponentOp exponent:
                    stages.Add(new ExponentStage(exponent));
                    break;
                default:
                    throw new InvalidOperationException($"No stage for {op.Kind}.");
            }
        }

        Flush(stages, ref pending);
        return new LookProcessor(CacheId(ops, salt), stages);
    }

    /// <summary>The op as an affine matrix when it is exactly one.</summary>
    private static ColourMatrix? AsAffine(LookOp op) => op switch
    {
        MatrixOp m => new ColourMatrix(m.Coefficients, m.Offset),
        RangeOp { Clamp: false } r => new ColourMatrix([r.Scale, 0, 0, 0, r.Scale, 0, 0, 0, r.Scale], [r.Offset, r.Offset, r.Offset]),
        _ => null,
    };

    private static void Flush(List<Stage> stages, ref ColourMatrix? pending)
    {
        if (pending is not null && !pending.IsIdentity)
        {
            stages.Add(new MatrixStage(pending));
        }

        pending = null;
    }

    /// <summary>A SHA-256 over every op's kind and values, so equal looks share one processor.</summary>
    private static string CacheId(IReadOnlyList<LookOp> ops, string salt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text + "\n"));
        Add(salt);
        foreach (var op in ops)
        {
            switch (op)
            {
                case Lut1DOp lut:
                    Add($"LUT1D {lut.Size} {lut.HalfDomain}");
                    hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(lut.Values.AsSpan()));
                    break;
                case InverseLut1DOp inverse:
                    Add($"InverseLUT1D {inverse.Forward.Size}");
                    hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(inverse.Forward.Values.AsSpan()));
                    break;
                case Lut3DOp lut3:
                    Add($"LUT3D {lut3.Size} {lut3.Interpolation}");
                    hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(lut3.Values.AsSpan()));
                    break;
                default:
                    Add(op.Summary());
                    break;
            }
        }

        return "looks:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
