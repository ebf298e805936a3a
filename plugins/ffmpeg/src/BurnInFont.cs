using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// The font file burn-ins are drawn with: the option, else the plugin setting, else the first standard Debian
/// font that exists. Checked when the writer is created, so a missing font is not an ffmpeg failure mid-movie.
/// </summary>
internal static class BurnInFont
{
    /// <summary>Debian's fonts-dejavu-core: a monospaced face first, so the running timecode does not jitter.</summary>
    public static readonly IReadOnlyList<string> Standard =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    public const string Expected = "a TrueType or OpenType font file: install Debian's fonts-dejavu-core package, or set the option 'burn-in-font' or the setting Plugins:Settings:org.rushes.ffmpeg:burn-in-font to its path";

    public static string Resolve(string? option, string? setting) => Resolve(option, setting, Standard);

    /// <summary>As <see cref="Resolve(string?, string?)"/>, falling back to the first of <paramref name="standard"/> that exists.</summary>
    public static string Resolve(string? option, string? setting, IReadOnlyList<string> standard)
    {
        var (wanted, from) = option is not null ? (option, "the option 'burn-in-font'")
            : setting is not null ? (setting, "the setting 'burn-in-font'")
            : (null, null);
        if (wanted is null)
        {
            return standard.FirstOrDefault(File.Exists) ?? throw new InputException(
                $"Burn-ins need a font, and none of the standard fonts exists ({string.Join(", ", standard)}).",
                field: "burn-in-font", expected: Expected);
        }

        if (!File.Exists(wanted))
        {
            throw new InputException($"The burn-in font '{wanted}' (from {from}) does not exist.", field: "burn-in-font", expected: Expected);
        }

        if (!IsFont(wanted))
        {
            throw new InputException($"The burn-in font '{wanted}' (from {from}) cannot be read as a TrueType or OpenType font.", field: "burn-in-font", expected: Expected);
        }

        return Path.GetFullPath(wanted);
    }

    /// <summary>The sfnt version tag that opens every TrueType/OpenType file or collection (OpenType spec, "Organization of an OpenType Font").</summary>
    private static bool IsFont(string path)
    {
        Span<byte> tag = stackalloc byte[4];
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.ReadAtLeast(tag, 4, throwOnEndOfStream: false) < 4)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return tag.SequenceEqual(new byte[] { 0, 1, 0, 0 }) || tag.SequenceEqual("OTTO"u8) || tag.SequenceEqual("true"u8) || tag.SequenceEqual("ttcf"u8);
    }
}
