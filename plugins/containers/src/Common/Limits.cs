namespace Rushes.Plugins.Containers.Common;

/// <summary>The bounds every size read from a file is checked against before anything is allocated.</summary>
internal static class Limits
{
    /// <summary>
    /// The most metadata read into memory at once (a whole <c>moov</c> atom, or an MXF partition's header
    /// metadata). A two-hour camera clip's <c>moov</c> with per-frame sample tables is a few MiB; 64 MiB leaves
    /// ample room while keeping a corrupt size from costing more than that.
    /// </summary>
    public const int MaxMetadataBytes = 64 * 1024 * 1024;

    /// <summary>Atoms nest a handful deep in practice (moov/trak/mdia/minf/stbl/stsd/tmcd/name is 8); deeper is corrupt or hostile.</summary>
    public const int MaxAtomDepth = 16;

    /// <summary>The most atoms or KLV packets walked in one file, so a file of tiny packets cannot keep us busy.</summary>
    public const int MaxElements = 1_000_000;

    /// <summary>The most sets in one MXF header, and the most entries in one MXF batch or QuickTime table we keep.</summary>
    public const int MaxEntries = 1_000_000;
}
