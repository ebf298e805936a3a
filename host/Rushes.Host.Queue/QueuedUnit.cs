using System.Text.Json;
using System.Text.Json.Serialization;
using Rushes.Host.Render;

namespace Rushes.Host.Queue;

/// <summary>
/// A unit as it travels on the queue: everything a worker needs to run it, so workers stay stateless
/// and share nothing but the server and the media storage.
/// </summary>
public sealed record QueuedUnit
{
    /// <summary>The job's id on the queue (<see cref="QueueIdentity"/>).</summary>
    [JsonPropertyName("jobId")]
    public required string JobId { get; init; }

    [JsonPropertyName("index")]
    public required int Index { get; init; }

    /// <summary>The unit's content-derived id, as its render names it (its lock and completion record).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its id on the queue: <see cref="Id"/> within its output folder; the message id that JetStream deduplicates.</summary>
    [JsonPropertyName("queueId")]
    public required string QueueId { get; init; }

    [JsonPropertyName("frames")]
    public required string Frames { get; init; }

    /// <summary>The render job narrowed to this unit, run as <c>rushes render --job</c> runs it.</summary>
    [JsonPropertyName("job")]
    public required RenderJob Job { get; init; }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, QueueJson.Options);

    /// <summary>Reads a message body; null when it is not a unit (a foreign or torn message).</summary>
    public static QueuedUnit? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize<QueuedUnit>(body, QueueJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
