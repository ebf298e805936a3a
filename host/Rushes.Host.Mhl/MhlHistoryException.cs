namespace Rushes.Host.Mhl;

/// <summary>What is wrong with a history folder.</summary>
public enum MhlProblem
{
    /// <summary>The folder has no <c>ascmhl/</c> history (or an empty one) where one is needed.</summary>
    NoHistory,

    /// <summary><c>ascmhl/</c> exists without <c>ascmhl_chain.xml</c>.</summary>
    MissingChain,

    /// <summary>The chain's sequence numbers do not run 1, 2, 3... without gaps or repeats.</summary>
    ChainGap,

    /// <summary>The chain names a manifest that is not there.</summary>
    MissingManifest,

    /// <summary>A manifest's C4 ID differs from the chain's: it was changed after it was written.</summary>
    ModifiedManifest,

    /// <summary>A manifest in <c>ascmhl/</c> is not in the chain.</summary>
    UnchainedManifest,

    /// <summary>A manifest or chain is not well-formed XML or does not validate against the ASC MHL XSD.</summary>
    InvalidDocument,

    /// <summary>A parent manifest's reference to a nested manifest does not match it.</summary>
    BrokenReference,
}

/// <summary>A history that cannot be trusted: the chain of custody is broken or a document is invalid.</summary>
public sealed class MhlHistoryException(MhlProblem problem, string path, string message) : Exception(message)
{
    /// <summary>What is wrong.</summary>
    public MhlProblem Problem { get; } = problem;

    /// <summary>The file or folder at fault.</summary>
    public string Path { get; } = path;
}
