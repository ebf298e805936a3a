namespace Rushes.Plugins.Looks.Clf;

/// <summary>CLF bit depths. They only scale parameters: processing is always 32-bit float.</summary>
internal static class BitDepth
{
    public static readonly string[] Names = ["8i", "10i", "12i", "16i", "16f", "32f"];

    /// <summary>The largest code value of a depth: 2ⁿ − 1 for integers, 1 for floats (CLF v3 §Bit depth).</summary>
    public static double Scale(string depth) => depth switch
    {
        "8i" => 255,
        "10i" => 1023,
        "12i" => 4095,
        "16i" => 65535,
        _ => 1,
    };
}
