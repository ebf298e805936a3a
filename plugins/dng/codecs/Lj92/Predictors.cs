namespace Rushes.Plugins.Dng.Codecs.Lj92;

/// <summary>
/// The seven lossless predictors of ITU-T T.81 Table H.1 from the reconstructed neighbours a (left),
/// b (above) and c (above left). Each is a struct so the scan loop is compiled once per predictor.
/// </summary>
internal interface IPredictor
{
    static abstract int Predict(int a, int b, int c);
}

internal readonly struct PredictA : IPredictor
{
    public static int Predict(int a, int b, int c) => a;
}

internal readonly struct PredictB : IPredictor
{
    public static int Predict(int a, int b, int c) => b;
}

internal readonly struct PredictC : IPredictor
{
    public static int Predict(int a, int b, int c) => c;
}

internal readonly struct PredictABC : IPredictor
{
    public static int Predict(int a, int b, int c) => a + b - c;
}

internal readonly struct PredictAHalfBC : IPredictor
{
    public static int Predict(int a, int b, int c) => a + ((b - c) >> 1);
}

internal readonly struct PredictBHalfAC : IPredictor
{
    public static int Predict(int a, int b, int c) => b + ((a - c) >> 1);
}

internal readonly struct PredictMeanAB : IPredictor
{
    public static int Predict(int a, int b, int c) => (a + b) >> 1;
}
