namespace Rushes.Cli;

/// <summary>
/// The exit codes of <c>rushes mhl</c>, beyond <see cref="ExitCodes"/>: one per finding, so that scripts can
/// tell a damaged file from an incomplete copy or a broken chain of custody. When several apply, the
/// worst wins: corrupt history, then failed, then missing, then unknown.
/// </summary>
public static class MhlExitCodes
{
    /// <summary>Every file verified (create: every file recorded).</summary>
    public const int Verified = ExitCodes.Ok;

    /// <summary>A file's hash (or, with --fail-fast, its size or date) differs from its record.</summary>
    public const int Failed = 10;

    /// <summary>Files recorded in the history are missing from disk.</summary>
    public const int Missing = 11;

    /// <summary>Files on disk are not recorded in the history (verify and diff).</summary>
    public const int Unknown = 12;

    /// <summary>The history is corrupt: chain missing or with a gap, a manifest missing, modified or invalid.</summary>
    public const int CorruptHistory = 13;

    /// <summary>The folder has no ASC MHL history (verify, diff, info, flatten).</summary>
    public const int NoHistory = 14;
}
