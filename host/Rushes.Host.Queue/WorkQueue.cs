using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace Rushes.Host.Queue;

/// <summary>
/// One queue on a NATS server: its work-queue stream and durable pull consumer, the units and jobs
/// buckets and the dead-letter stream, made (or updated) when opened, so submitters and workers may
/// start in any order.
/// </summary>
public sealed class WorkQueue : IAsyncDisposable
{
    private WorkQueue(NatsConnection connection, QueueNames names, QueueSettings settings, INatsJSConsumer consumer, INatsJSConsumer advisories, INatsKVStore units, INatsKVStore jobs)
    {
        Advisories = advisories;
        Connection = connection;
        Names = names;
        Settings = settings;
        Consumer = consumer;
        Units = new UnitBoard(units, connection, names);
        Jobs = jobs;
        JetStream = new NatsJSContext(connection);
    }

    public NatsConnection Connection { get; }

    public NatsJSContext JetStream { get; }

    public QueueNames Names { get; }

    /// <summary>The consumer's settings as the server holds them.</summary>
    public QueueSettings Settings { get; }

    public INatsJSConsumer Consumer { get; }

    /// <summary>The kept max-deliveries advisories of the queue's consumer (<see cref="DeadLetters"/>).</summary>
    public INatsJSConsumer Advisories { get; }

    public UnitBoard Units { get; }

    public INatsKVStore Jobs { get; }

    /// <summary>
    /// Connects and makes the queue's server objects. <paramref name="settings"/> null keeps an existing
    /// consumer's settings (or makes it with the defaults); given, it updates them.
    /// </summary>
    public static async Task<WorkQueue> OpenAsync(string url, string queue, QueueSettings? settings, CancellationToken cancellationToken)
    {
        var names = QueueNames.For(queue);
        settings?.Validate();
        var connection = new NatsConnection(new NatsOpts { Url = url, Name = $"rushes-{Environment.MachineName}-{Environment.ProcessId}" });
        try
        {
            await connection.ConnectAsync();
            var js = new NatsJSContext(connection);
            await js.CreateOrUpdateStreamAsync(
                new StreamConfig(names.Stream, [names.Subject])
                {
                    Retention = StreamConfigRetention.Workqueue,
                    Storage = StreamConfigStorage.File,
                    // A job submitted twice within this window has its units dropped as duplicates of their ids.
                    DuplicateWindow = TimeSpan.FromMinutes(10),
                },
                cancellationToken);
            await js.CreateOrUpdateStreamAsync(new StreamConfig(QueueNames.DeadStream, ["rushes.dead.>"]) { Storage = StreamConfigStorage.File }, cancellationToken);

            // The server publishes an advisory once, to whoever listens then; a stream keeps it for a worker
            // that starts later, so a unit whose workers all died is buried even when none was running.
            await js.CreateOrUpdateStreamAsync(
                new StreamConfig(names.AdvisoryStream, [names.MaxDeliveriesAdvisory]) { Retention = StreamConfigRetention.Workqueue, Storage = StreamConfigStorage.File },
                cancellationToken);
            var advisories = await js.CreateOrUpdateConsumerAsync(
                names.AdvisoryStream,
                new ConsumerConfig(QueueNames.Undertakers) { AckPolicy = ConsumerConfigAckPolicy.Explicit, AckWait = TimeSpan.FromSeconds(30) },
                cancellationToken);

            var held = await ExistingSettings(js, names, cancellationToken);
            var wanted = settings ?? held ?? QueueSettings.Default;
            var consumer = held == wanted
                ? await js.GetConsumerAsync(names.Stream, QueueNames.Consumer, cancellationToken)
                : await js.CreateOrUpdateConsumerAsync(
                    names.Stream,
                    new ConsumerConfig(QueueNames.Consumer)
                    {
                        AckPolicy = ConsumerConfigAckPolicy.Explicit,
                        AckWait = wanted.AckWait,
                        MaxDeliver = wanted.MaxDeliver,
                        Backoff = wanted.MaxDeliver > 1 ? [.. wanted.Backoff()] : null,
                        FilterSubject = names.Subject,
                    },
                    cancellationToken);

            var kv = new NatsKVContext(js);
            var units = await kv.CreateOrUpdateStoreAsync(new NatsKVConfig(QueueNames.UnitsBucket) { History = 1, Storage = NatsKVStorageType.File }, cancellationToken);
            var jobs = await kv.CreateOrUpdateStoreAsync(new NatsKVConfig(QueueNames.JobsBucket) { History = 1, Storage = NatsKVStorageType.File }, cancellationToken);
            return new WorkQueue(connection, names, wanted, consumer, advisories, units, jobs);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>The consumer settings of <paramref name="queue"/> on this server (a job's units may be on another queue than this one); null when it has no consumer.</summary>
    public async Task<QueueSettings?> SettingsOfAsync(string queue, CancellationToken cancellationToken)
        => queue == Names.Queue ? Settings : await ExistingSettings(JetStream, QueueNames.For(queue), cancellationToken);

    private static async Task<QueueSettings?> ExistingSettings(NatsJSContext js, QueueNames names, CancellationToken cancellationToken)
    {
        try
        {
            var consumer = await js.GetConsumerAsync(names.Stream, QueueNames.Consumer, cancellationToken);
            var config = consumer.Info.Config;
            return new QueueSettings { AckWait = config.AckWait, MaxDeliver = (int)config.MaxDeliver };
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            return null;
        }
    }
}
