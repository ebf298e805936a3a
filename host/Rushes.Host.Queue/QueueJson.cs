using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rushes.Host.Queue;

internal static class QueueJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
