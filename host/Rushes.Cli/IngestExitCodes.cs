namespace Rushes.Cli;

/// <summary>
/// The exit codes of <c>rushes ingest</c>, beyond <see cref="ExitCodes"/>. A card refused for its ASC MHL history ends
/// with the <see cref="MhlExitCodes"/> code of the finding (no history 14, corrupt history 13, a failed hash 10,
/// missing files 11, unknown files 12), and nothing is stored.
/// </summary>
public static class IngestExitCodes
{
    /// <summary>Every clip was stored (or was already stored unchanged).</summary>
    public const int Ingested = ExitCodes.Ok;

    /// <summary>Some clips or files failed and are listed with the reason; the others were stored.</summary>
    public const int PartialFailure = 20;
}
