using Rushes.Host.Mhl.Model;

namespace Rushes.Host.Mhl.History;

/// <summary>One manifest of a history, checked against its chain entry.</summary>
/// <param name="Number">The sequence number.</param>
/// <param name="FilePath">The manifest's full path.</param>
/// <param name="C4">The C4 ID of its bytes.</param>
/// <param name="Manifest">Its content.</param>
public sealed record Generation(int Number, string FilePath, string C4, Manifest Manifest)
{
    /// <summary>The file name.</summary>
    public string FileName => Path.GetFileName(FilePath);
}
