namespace Rushes.Host.Catalog.Storage;

/// <summary>One schema version: its number, what it does, and its SQL statements in order, applied in one transaction.</summary>
internal sealed record Migration(int Version, string Description, IReadOnlyList<string> Steps);
