namespace Rushes.Host.Fdl.Model;

/// <summary>The document's <c>version</c> object. FDL 2.0.1 files still say 2.0: the patch is not written.</summary>
public sealed record FdlVersion(int Major, int Minor)
{
    /// <summary>The version Rushes writes.</summary>
    public static FdlVersion Current { get; } = new(2, 0);

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}";
}
