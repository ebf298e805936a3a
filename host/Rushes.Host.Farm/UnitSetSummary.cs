namespace Rushes.Host.Farm;

/// <summary>
/// What a farm needs to know of a planned job (a <c>rushes plan</c> units file): its id, how many units
/// it has, and what they render. A farm task carries only a unit index; the worker reads the unit
/// itself from the same file.
/// </summary>
public sealed record UnitSetSummary
{
    /// <summary>The job's content-derived id.</summary>
    public required string JobId { get; init; }

    /// <summary>The number of units; their indices are 0 to <c>UnitCount - 1</c>.</summary>
    public required int UnitCount { get; init; }

    /// <summary>The distinct clips the units render, in unit order.</summary>
    public IReadOnlyList<string> Clips { get; init; } = [];

    /// <summary>The distinct specs the units render, in unit order.</summary>
    public IReadOnlyList<string> Specs { get; init; } = [];
}
