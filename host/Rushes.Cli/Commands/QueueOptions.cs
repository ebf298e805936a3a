using System.CommandLine;
using Rushes.Host.Queue;

namespace Rushes.Cli.Commands;

/// <summary>Options every queue command shares (docs/QUEUE.md).</summary>
internal static class QueueOptions
{
    public static Option<string> Nats() => new("--nats") { Description = "The NATS server (with JetStream), e.g. nats://127.0.0.1:4222.", Required = true };

    public static Option<string> Queue() => new("--queue") { Description = "The queue: one work-queue stream and one durable consumer on the server.", DefaultValueFactory = _ => QueueNames.DefaultQueue };

    public static Option<double?> AckWait() => new("--ack-wait") { Description = "Seconds the server waits for an ack or a heartbeat before it redelivers a unit (sets the queue's consumer; default: as the consumer has it, else 60)." };

    public static Option<int?> MaxDeliver() => new("--max-deliver") { Description = "Deliveries of a unit before it is dead (sets the queue's consumer; default: as the consumer has it, else 5)." };

    /// <summary>The consumer settings asked for on the command line; null keeps the server's.</summary>
    public static QueueSettings? Settings(ParseResult parse, Option<double?> ackWait, Option<int?> maxDeliver)
    {
        var wait = parse.GetValue(ackWait);
        var deliver = parse.GetValue(maxDeliver);
        if (wait is null && deliver is null)
        {
            return null;
        }

        var settings = new QueueSettings
        {
            AckWait = TimeSpan.FromSeconds(wait ?? QueueSettings.Default.AckWait.TotalSeconds),
            MaxDeliver = deliver ?? QueueSettings.Default.MaxDeliver,
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new CliException(ExitCodes.Usage, ex.Message.Split(" (Parameter", 2)[0], field: wait is null ? "--max-deliver" : "--ack-wait", expected: "--ack-wait 1..43200 seconds, --max-deliver 1..100");
        }

        return settings;
    }

    /// <summary>Opens the queue, with a clear error when the server cannot be reached.</summary>
    public static async Task<WorkQueue> OpenAsync(string url, string queue, QueueSettings? settings, CancellationToken cancellationToken)
    {
        try
        {
            return await WorkQueue.OpenAsync(url, queue, settings, cancellationToken);
        }
        catch (NATS.Client.Core.NatsException ex)
        {
            throw new CliException(ExitCodes.Environment, $"The NATS server at '{url}' cannot be used: {ex.Message}", field: "--nats", expected: "a reachable NATS server with JetStream enabled (nats-server -js)");
        }
    }
}
