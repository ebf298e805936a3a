namespace Rushes.Host.Catalog;

/// <summary>A catalog that cannot be used: unreachable, unreadable, or written by a newer Rushes.</summary>
public sealed class CatalogException(string message, string catalog, string expected, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The catalog, as shown to users (never with a password).</summary>
    public string Catalog { get; } = catalog;

    /// <summary>What was expected instead.</summary>
    public string Expected { get; } = expected;
}
