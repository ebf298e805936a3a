using System.Text.RegularExpressions;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Queue;

/// <summary>
/// The names a queue uses on the server (docs/QUEUE.md): one work-queue stream and one durable pull
/// consumer per queue, and buckets and subjects shared by every queue.
/// </summary>
public sealed partial record QueueNames
{
    /// <summary>The bucket of each unit's last state, keyed <c>JOB.UNIT</c>.</summary>
    public const string UnitsBucket = "rushes-units";

    /// <summary>The bucket of submitted jobs, keyed by job id.</summary>
    public const string JobsBucket = "rushes-jobs";

    /// <summary>The stream that keeps dead letters (units that exhausted their deliveries) for people to look at.</summary>
    public const string DeadStream = "rushes-dead";

    /// <summary>The one durable consumer of a queue's stream: a work-queue stream takes no overlapping consumers.</summary>
    public const string Consumer = "workers";

    /// <summary>The durable consumer of a queue's kept advisories, shared by every worker of the queue.</summary>
    public const string Undertakers = "undertakers";

    public const string DefaultQueue = "default";

    private QueueNames(string queue) => Queue = queue;

    public string Queue { get; }

    public string Stream => $"rushes-units-{Queue}";

    public string Subject => $"rushes.units.{Queue}";

    public string DeadSubject => $"rushes.dead.{Queue}";

    /// <summary>The work-queue stream that keeps this queue's max-deliveries advisories until a worker has buried their units.</summary>
    public string AdvisoryStream => $"rushes-advisories-{Queue}";

    /// <summary>Every progress report of this queue (a subscriber's wildcard).</summary>
    public string ProgressWildcard => $"rushes.progress.{Queue}.*";

    /// <summary>The server's advisory when a message of this queue's consumer used its last delivery (nats-server's JetStream advisories).</summary>
    public string MaxDeliveriesAdvisory => $"$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.{Stream}.{Consumer}";

    /// <summary>Checks a queue name: it becomes part of stream names and subjects, so no dots, spaces or wildcards.</summary>
    public static QueueNames For(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return Valid().IsMatch(queue)
            ? new QueueNames(queue)
            : throw new InputException($"The queue name '{queue}' is not valid.", null, "--queue", "1 to 64 letters, digits, '-' or '_'");
    }

    public string Progress(string unitId) => $"rushes.progress.{Queue}.{unitId}";

    /// <summary>The key of a unit in <see cref="UnitsBucket"/>.</summary>
    public static string UnitKey(string jobId, string queueId) => $"{jobId}.{queueId}";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Valid();
}
