namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// MapPolynomial (opcode 8): replaces each value x of the area, normalized to 0…1, by Σ cᵢ·xⁱ (degree up to 8).
/// Results are not clipped: the pipeline is floating point and highlights are handled later.
/// </summary>
public sealed class MapPolynomialOpcode : DngOpcode
{
    private const int MaxDegree = 8;

    private readonly double[] _coefficients;

    internal MapPolynomialOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        Area = OpcodeArea.Read(ref reader, Name);
        var degree = reader.UInt32();
        if (degree > MaxDegree || reader.Remaining != (degree + 1) * 8)
        {
            throw reader.Error($"MapPolynomial has degree {degree} and {reader.Remaining} bytes of coefficients.", $"a degree of 0 to {MaxDegree} and 8 bytes per coefficient (degree + 1 of them)");
        }

        _coefficients = new double[degree + 1];
        for (var i = 0; i < _coefficients.Length; i++)
        {
            _coefficients[i] = reader.Double();
        }
    }

    public OpcodeArea Area { get; }

    /// <summary>c₀ … c_degree.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        var (first, end, step) = Area.Columns(image.Width);
        Area.ForEachRow(image, (plane, _, y) =>
        {
            var row = image.Row(plane, y);
            for (var x = first; x < end; x += step)
            {
                var v = row[x] / sampleScale;
                var sum = 0.0;
                for (var i = _coefficients.Length - 1; i >= 0; i--)
                {
                    sum = (sum * v) + _coefficients[i];
                }

                row[x] = (float)(sum * sampleScale);
            }
        });
    }
}
