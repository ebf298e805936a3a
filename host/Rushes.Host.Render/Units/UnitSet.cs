using System.Text.Json.Serialization;

namespace Rushes.Host.Render.Units;

/// <summary>
/// A render job split into work units (docs/RENDER.md, "Work units"): each unit is itself a complete
/// render job, so any runner (a queue worker, a farm task, a Kubernetes index) runs it as
/// <c>rushes render --job</c> would, and the units together deliver what one run of the job delivers.
/// </summary>
public sealed record UnitSet
{
    /// <summary>The format of this file.</summary>
    public const string SchemaId = "rushes.units/1";

    [JsonPropertyName("schema")]
    public string Schema { get; init; } = SchemaId;

    /// <summary>Derived from the whole job's unit id and the chunk size: the same job planned again gets the same id.</summary>
    [JsonPropertyName("jobId")]
    public required string JobId { get; init; }

    /// <summary>The most frames a unit of an image sequence renders.</summary>
    [JsonPropertyName("chunk")]
    public required int Chunk { get; init; }

    /// <summary>The job as planned, its paths made absolute.</summary>
    [JsonPropertyName("job")]
    public required RenderJob Job { get; init; }

    [JsonPropertyName("units")]
    public required IReadOnlyList<WorkUnit> Units { get; init; }
}

/// <summary>One unit of a <see cref="UnitSet"/>.</summary>
public sealed record WorkUnit
{
    /// <summary>Its place in the set, from 0: what a farm's array index selects.</summary>
    [JsonPropertyName("index")]
    public required int Index { get; init; }

    /// <summary>The unit id its render will have (UnitIdentity): the name of its lock and its completion record.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its source frames, A-B.</summary>
    [JsonPropertyName("frames")]
    public required string Frames { get; init; }

    /// <summary>The render job of this unit alone.</summary>
    [JsonPropertyName("job")]
    public required RenderJob Job { get; init; }
}
