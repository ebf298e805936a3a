namespace Rushes.Host.Editorial.Matching;

/// <summary>
/// How editors' lists spell a reel compared with how cameras name clips: case differs, spaces become
/// underscores, Premiere and Resolve append the media extension, and CMX3600 lists cut reels to 8
/// characters.
/// </summary>
public static class ReelName
{
    /// <summary>The reel field's width in a strict CMX3600 list.</summary>
    public const int CmxWidth = 8;

    // Extensions of camera media that clip names in EDL comments carry.
    private static readonly string[] MediaExtensions =
        [".mov", ".mxf", ".mp4", ".r3d", ".ari", ".arx", ".braw", ".crm", ".dng", ".mts", ".mlv", ".exr", ".dpx", ".avi", ".wav"];

    /// <summary>Upper case, spaces as underscores, a media extension and any folder removed.</summary>
    public static string Normalize(string name) => Bare(name).Replace(' ', '_').ToUpperInvariant();

    /// <summary>The name without its folder and media extension, as written otherwise.</summary>
    public static string Bare(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim();
        var slash = n.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            n = n[(slash + 1)..];
        }

        var ext = MediaExtensions.FirstOrDefault(e => n.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        return ext is not null && n.Length > ext.Length ? n[..^ext.Length] : n;
    }

    /// <summary>True when two names are the same reel once normalized.</summary>
    public static bool Same(string? a, string? b) => a is not null && b is not null && Normalize(a) == Normalize(b);

    /// <summary>True when <paramref name="edlReel"/> is a CMX3600 8-character cut of <paramref name="name"/>.</summary>
    public static bool Truncates(string edlReel, string? name)
    {
        if (name is null)
        {
            return false;
        }

        var reel = Normalize(edlReel);
        var full = Normalize(name);
        return reel.Length == CmxWidth && full.Length > CmxWidth && full.StartsWith(reel, StringComparison.Ordinal);
    }
}
