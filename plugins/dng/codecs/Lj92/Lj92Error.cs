using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Codecs.Lj92;

/// <summary>The errors of a malformed or unsupported lossless JPEG stream, each naming the part at fault.</summary>
internal static class Lj92Error
{
    public static InputException Malformed(string file, string field, string expected, string problem)
        => new($"Lossless JPEG data in '{file}' is malformed: {problem}", file, "LJ92 " + field, expected);

    public static InputException Unsupported(string file, string field, string expected, string problem)
        => new($"Lossless JPEG data in '{file}' uses a variant DNG readers need not support: {problem}", file, "LJ92 " + field, expected);

    public static InputException Truncated(string file)
        => Malformed(file, "entropy-coded data", "enough coded data for every sample of the frame", "the coded data ends before the last sample.");
}
