using System.Globalization;
using System.Text.RegularExpressions;

namespace Rushes.Host;

/// <summary>A SemVer 2.0 version; build metadata is kept but ignored in comparisons.</summary>
public sealed partial record SemanticVersion(int Major, int Minor, int Patch, string PreRelease = "", string Build = "") : IComparable<SemanticVersion>
{
    /// <summary>Parses <c>1.2.3</c>, <c>1.2.3-beta.1+sha</c>; also <c>1.2</c> as 1.2.0.</summary>
    public static SemanticVersion Parse(string text)
        => TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a semantic version; expected MAJOR.MINOR.PATCH such as 1.0.0.");

    /// <summary>Parses a version; see <see cref="Parse"/>.</summary>
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = new SemanticVersion(0, 0, 0);
        var m = text is null ? null : Pattern().Match(text.Trim());
        if (m is null || !m.Success)
        {
            return false;
        }

        if (!int.TryParse(m.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(m.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        var patch = 0;
        if (m.Groups["patch"].Success && !int.TryParse(m.Groups["patch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, m.Groups["pre"].Value, m.Groups["build"].Value);
        return true;
    }

    /// <summary>Orders by major, minor, patch, then pre-release (a release is newer than its pre-releases).</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c == 0) { c = Minor.CompareTo(other.Minor); }
        if (c == 0) { c = Patch.CompareTo(other.Patch); }
        if (c != 0) { return c; }
        return (PreRelease.Length == 0, other.PreRelease.Length == 0) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(PreRelease, other.PreRelease),
        };
    }

    /// <summary>Ordering.</summary>
    public static bool operator <(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) >= 0;

    /// <summary><c>1.2.3-pre+build</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
           + (PreRelease.Length > 0 ? "-" + PreRelease : string.Empty)
           + (Build.Length > 0 ? "+" + Build : string.Empty);

    [GeneratedRegex(@"^(?<major>\d{1,9})\.(?<minor>\d{1,9})(\.(?<patch>\d{1,9}))?(-(?<pre>[0-9A-Za-z.-]+))?(\+(?<build>[0-9A-Za-z.-]+))?$")]
    private static partial Regex Pattern();
}
