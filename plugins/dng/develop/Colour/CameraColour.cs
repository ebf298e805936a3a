using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// The colour solution for one DNG frame, computed per the DNG specification's "Mapping Camera Color Space to
/// CIE XYZ Space" (DNG 1.6, chapter 6) as the DNG SDK does it (dng_color_spec): the scene white, the camera
/// neutral, the white-balance multipliers for the mosaic, and the matrices to XYZ D50 and to ACES 2065-1.
/// </summary>
public sealed class CameraColour
{
    // The SDK stops after 30 passes at 1e-7; profiles whose two matrices differ strongly converge only linearly and
    // slowly, so this goes on to 1e-10, which keeps a given neutral and the solved white consistent to 1e-9.
    private const int MaxIterations = 1000;

    private CameraColour()
    {
    }

    /// <summary>The scene white.</summary>
    public Chromaticity White { get; private init; }

    /// <summary>The scene white's correlated colour temperature (kelvin).</summary>
    public double Kelvin { get; private init; }

    /// <summary>The scene white's tint (DNG SDK scale).</summary>
    public double Tint { get; private init; }

    /// <summary>The camera's response to the scene white, largest channel 1.</summary>
    public IReadOnlyList<double> CameraNeutral { get; private init; } = [];

    /// <summary>Per camera channel (R, G, B), the gain that makes the white neutral: 1/neutral, smallest 1.</summary>
    public IReadOnlyList<double> Multipliers { get; private init; } = [];

    /// <summary>XYZ to camera at the scene white: AnalogBalance · CameraCalibration · ColorMatrix, interpolated.</summary>
    public ColourMatrix XyzToCamera { get; private init; } = ColourMatrix.Identity;

    /// <summary>Camera RGB (not white-balanced) to XYZ D50; the camera neutral maps to the D50 white with Y = 1.</summary>
    public ColourMatrix CameraToXyzD50 { get; private init; } = ColourMatrix.Identity;

    /// <summary>Camera RGB (not white-balanced) to ACES 2065-1, exposure included: D50 to the ACES white by Bradford, then XYZ to AP0.</summary>
    public ColourMatrix CameraToAces { get; private init; } = ColourMatrix.Identity;

    /// <summary>White-balanced camera RGB (the mosaic multiplied by <see cref="Multipliers"/>, then demosaiced) to ACES 2065-1.</summary>
    public ColourMatrix BalancedCameraToAces { get; private init; } = ColourMatrix.Identity;

    /// <summary>True when the ForwardMatrix path was used (every calibration has one), false for the ColorMatrix path.</summary>
    public bool UsedForwardMatrix { get; private init; }

    /// <summary>Solves the colour of a frame.</summary>
    /// <param name="profile">The file's colour tags.</param>
    /// <param name="whiteBalance">As shot, Kelvin and tint, or multipliers.</param>
    /// <param name="exposureStops">Exposure applied in the ACES matrices, in stops: typically BaselineExposure plus the user's offset.</param>
    /// <exception cref="InputException">The tags are inconsistent: no calibration, singular matrices, or a non-positive neutral.</exception>
    public static CameraColour Solve(DngColourProfile profile, WhiteBalance whiteBalance, double exposureStops = 0)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(whiteBalance);
        var model = new Model(profile);
        // A neutral given (as shot, or by multipliers) is kept exactly; the white is solved from it.
        var givenNeutral = whiteBalance switch
        {
            WhiteBalance.MultipliersWhiteBalance m => Reciprocal(m.Red, m.Green, m.Blue),
            WhiteBalance.AsShotWhiteBalance when profile.AsShotNeutral is { } asShot => [.. asShot],
            _ => null,
        };
        var white = whiteBalance switch
        {
            WhiteBalance.KelvinWhiteBalance k => ColourTemperature.ToChromaticity(k.Temperature, k.Tint),
            WhiteBalance.MultipliersWhiteBalance => model.NeutralToWhite(givenNeutral!, "white balance multipliers"),
            _ when givenNeutral is not null => model.NeutralToWhite(givenNeutral, "AsShotNeutral"),
            _ when profile.AsShotWhite is { } xy => xy,
            _ => Chromaticity.D50,
        };
        if (!(white.Y > 0) || !double.IsFinite(white.X))
        {
            throw new InputException($"The scene white ({white.X}, {white.Y}) is not a chromaticity.", field: "AsShotWhiteXY", expected: "x and y between 0 and 1", file: null);
        }

        var (kelvin, tint) = ColourTemperature.FromChromaticity(white);
        var xyzToCamera = model.XyzToCamera(kelvin);
        var neutral = Normalize(givenNeutral ?? Matrices.Apply(xyzToCamera, white.ToXyz()), "the camera response to the white");

        ColourMatrix cameraToD50;
        var balance = model.Balance(kelvin);
        if (model.Forward(kelvin) is { } forward)
        {
            // DNG: CameraToXYZ_D50 = FM · D · (AB·CC)⁻¹, D = diag(1 / ((AB·CC)⁻¹ · neutral)).
            var balanceInverse = Invert(balance, "AnalogBalance · CameraCalibration");
            var reference = Matrices.Apply(balanceInverse, neutral);
            cameraToD50 = Matrices.Multiply(forward, Matrices.Multiply(Matrices.Diagonal(1 / reference[0], 1 / reference[1], 1 / reference[2]), balanceInverse));
        }
        else
        {
            // DNG: PCS → camera = XYZtoCamera · CA(D50 → white), scaled so the camera's largest response to
            // the PCS white is 1; CameraToXYZ_D50 is its inverse.
            var pcsToCamera = Matrices.Multiply(xyzToCamera, Bradford.Adapt(Chromaticity.D50, white));
            var scale = Matrices.Apply(pcsToCamera, Chromaticity.D50.ToXyz()).Max();
            cameraToD50 = Invert(Matrices.Scale(pcsToCamera, 1 / scale), "ColorMatrix");
        }

        var gain = Math.Pow(2, exposureStops);
        var toAces = Matrices.Scale(Matrices.Multiply(Aces.XyzToAp0, Matrices.Multiply(Bradford.Adapt(Chromaticity.D50, Chromaticity.Aces), cameraToD50)), gain);
        double[] multipliers = [1 / neutral[0], 1 / neutral[1], 1 / neutral[2]];
        return new CameraColour
        {
            White = white,
            Kelvin = kelvin,
            Tint = tint,
            CameraNeutral = neutral,
            Multipliers = multipliers,
            XyzToCamera = xyzToCamera,
            CameraToXyzD50 = cameraToD50,
            CameraToAces = toAces,
            BalancedCameraToAces = Matrices.Multiply(toAces, Matrices.Diagonal(1 / multipliers[0], 1 / multipliers[1], 1 / multipliers[2])),
            UsedForwardMatrix = model.HasForwardMatrices,
        };
    }

    private static double[] Reciprocal(double r, double g, double b)
    {
        if (!(r > 0 && g > 0 && b > 0) || !double.IsFinite(r + g + b))
        {
            throw new InputException($"White balance multipliers ({r}, {g}, {b}) must be positive.", file: null, field: "white balance", expected: "three positive multipliers");
        }

        return [1 / r, 1 / g, 1 / b];
    }

    private static double[] Normalize(double[] v, string what)
    {
        var max = v.Max();
        if (!(max > 0) || v.Any(x => !(x > 0) || !double.IsFinite(x)))
        {
            throw new InputException($"{what} ({string.Join(", ", v)}) is not positive in every channel.", file: null, field: "ColorMatrix", expected: "a camera matrix under which white has a positive response in every channel");
        }

        return [v[0] / max, v[1] / max, v[2] / max];
    }

    private static ColourMatrix Invert(ColourMatrix m, string what)
    {
        try
        {
            return m.Invert();
        }
        catch (InvalidOperationException e)
        {
            throw new InputException($"{what} is singular and cannot be inverted.", file: null, field: what, expected: "an invertible 3×3 matrix", inner: e);
        }
    }

    /// <summary>The calibrations, normalized and ordered by temperature, with interpolation by inverse temperature.</summary>
    private sealed class Model
    {
        private readonly (double Kelvin, ColourMatrix Cm, ColourMatrix Cc, ColourMatrix? Fm)[] _calibrations;
        private readonly ColourMatrix _analogBalance;

        public Model(DngColourProfile profile)
        {
            if (profile.Calibrations.Count is < 1 or > 3)
            {
                throw new InputException($"A DNG camera profile has 1 to 3 calibrations (ColorMatrix1 to 3); this one has {profile.Calibrations.Count}.", file: null, field: "ColorMatrix1", expected: "1 to 3 colour matrices");
            }

            var d50 = Chromaticity.D50.ToXyz();
            _calibrations = profile.Calibrations
                .Select(c => (c.Kelvin, NormalizeColorMatrix(c.ColorMatrix, d50), c.CameraCalibration ?? ColourMatrix.Identity, c.ForwardMatrix is null ? null : NormalizeForwardMatrix(c.ForwardMatrix, d50)))
                .OrderBy(c => c.Kelvin)
                .ToArray();
            var ab = profile.AnalogBalance ?? [1.0, 1.0, 1.0];
            if (ab.Count != 3 || ab.Any(v => !(v > 0)))
            {
                throw new InputException($"AnalogBalance ({string.Join(", ", ab)}) must be three positive values.", file: null, field: "AnalogBalance", expected: "three positive values");
            }

            _analogBalance = Matrices.Diagonal(ab);
            HasForwardMatrices = _calibrations.All(c => c.Fm is not null);
        }

        public bool HasForwardMatrices { get; }

        /// <summary>AB · CC(T) · CM(T).</summary>
        public ColourMatrix XyzToCamera(double kelvin)
            => Matrices.Multiply(Balance(kelvin), Interpolate(kelvin, c => c.Cm));

        /// <summary>AB · CC(T).</summary>
        public ColourMatrix Balance(double kelvin) => Matrices.Multiply(_analogBalance, Interpolate(kelvin, c => c.Cc));

        public ColourMatrix? Forward(double kelvin) => HasForwardMatrices ? Interpolate(kelvin, c => c.Fm!) : null;

        /// <summary>
        /// The white whose camera response is <paramref name="neutral"/> (DNG SDK NeutralToXY): from D50, repeat
        /// white → temperature → XYZtoCamera → XYZ = XYZtoCamera⁻¹·neutral → white until it moves less than 1e-10
        /// (the SDK stops at 1e-7);
        /// if it still oscillates at the pass limit, the mean of the last two.
        /// </summary>
        public Chromaticity NeutralToWhite(IReadOnlyList<double> neutral, string what)
        {
            if (neutral.Count != 3 || neutral.Any(v => !(v > 0) || !double.IsFinite(v)))
            {
                throw new InputException($"{what} ({string.Join(", ", neutral)}) must be three positive values.", file: null, field: what, expected: "three positive values");
            }

            var last = Chromaticity.D50;
            for (var pass = 0; pass < MaxIterations; pass++)
            {
                var (kelvin, _) = ColourTemperature.FromChromaticity(last);
                var xyz = Matrices.Apply(Invert(XyzToCamera(kelvin), "ColorMatrix"), neutral);
                var next = Chromaticity.FromXyz(xyz[0], xyz[1], xyz[2]);
                if (Math.Abs(next.X - last.X) + Math.Abs(next.Y - last.Y) < 1e-10)
                {
                    return next;
                }

                last = pass == MaxIterations - 1 ? new Chromaticity((last.X + next.X) / 2, (last.Y + next.Y) / 2) : next;
            }

            return last;
        }

        /// <summary>
        /// The matrix at a temperature: between the two calibrations that bracket it, weighted linearly in
        /// inverse temperature, g = (1/T − 1/T₂)/(1/T₁ − 1/T₂); held at the nearest calibration outside their range.
        /// A calibration of unknown temperature (0) is used alone, as the DNG SDK does.
        /// </summary>
        private ColourMatrix Interpolate(double kelvin, Func<(double Kelvin, ColourMatrix Cm, ColourMatrix Cc, ColourMatrix? Fm), ColourMatrix> pick)
        {
            var c = _calibrations;
            // Sorted by temperature, an unknown (0) calibration comes first.
            if (c.Length == 1 || !(c[0].Kelvin > 0) || kelvin <= c[0].Kelvin)
            {
                return pick(c[0]);
            }

            for (var i = 1; i < c.Length; i++)
            {
                if (kelvin <= c[i].Kelvin)
                {
                    if (c[i].Kelvin == c[i - 1].Kelvin)
                    {
                        return pick(c[i - 1]);
                    }

                    var g = ((1 / kelvin) - (1 / c[i].Kelvin)) / ((1 / c[i - 1].Kelvin) - (1 / c[i].Kelvin));
                    return Matrices.Lerp(pick(c[i - 1]), pick(c[i]), Math.Clamp(g, 0, 1));
                }
            }

            return pick(c[^1]);
        }

        // The DNG SDK scales each ColorMatrix so that the camera's largest response to the D50 white is 1.
        private static ColourMatrix NormalizeColorMatrix(ColourMatrix m, (double X, double Y, double Z) d50)
        {
            var max = Matrices.Apply(m, d50).Max();
            return max > 0 ? Matrices.Scale(m, 1 / max) : m;
        }

        // The DNG SDK scales each ForwardMatrix's rows so that camera (1, 1, 1) maps exactly to the D50 white.
        private static ColourMatrix NormalizeForwardMatrix(ColourMatrix m, (double X, double Y, double Z) d50)
        {
            var xyz = Matrices.Apply(m, [1.0, 1.0, 1.0]);
            if (xyz.Any(v => !(v > 0)))
            {
                throw new InputException($"ForwardMatrix maps camera white to ({string.Join(", ", xyz)}).", file: null, field: "ForwardMatrix1", expected: "a matrix mapping (1, 1, 1) to a positive XYZ");
            }

            return Matrices.Multiply(Matrices.Diagonal(d50.X / xyz[0], d50.Y / xyz[1], d50.Z / xyz[2]), m);
        }
    }
}
