using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Queue;

/// <summary>A submitted job, the value under its id in the jobs bucket.</summary>
public sealed record JobRecord
{
    [JsonPropertyName("jobId")]
    public required string JobId { get; init; }

    [JsonPropertyName("queue")]
    public required string Queue { get; init; }

    [JsonPropertyName("units")]
    public required int Units { get; init; }

    [JsonPropertyName("frames")]
    public required long Frames { get; init; }

    [JsonPropertyName("output")]
    public string? Output { get; init; }

    [JsonPropertyName("submitted")]
    public DateTimeOffset Submitted { get; init; }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, QueueJson.Options);

    public static JobRecord? Parse(ReadOnlySpan<byte> value)
    {
        try
        {
            return value.IsEmpty ? null : JsonSerializer.Deserialize<JobRecord>(value, QueueJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
