using Rushes.Demo;

namespace Rushes.Host.Queue.Tests;

/// <summary>One nats-server and one demo card (a 512×288 CinemaDNG clip of 12 frames) for the queue tests.</summary>
public sealed class QueueFixture : IDisposable
{
    public const int Frames = 12;

    private readonly Lock _gate = new();
    private Task<SortedDictionary<string, string>>? _reference;

    public QueueFixture()
    {
        Server = new NatsServer();
        Clip = DemoCard.Create(Folder["card"], new DemoCardOptions { Width = 512, Height = 288, Frames = Frames });
    }

    public NatsServer Server { get; }

    public TempFolder Folder { get; } = new();

    public string Clip { get; }

    /// <summary>Every test's job renders the same frames to its own folder: one single-process render of the whole job is the reference for all.</summary>
    public Task<SortedDictionary<string, string>> ReferenceAsync()
    {
        lock (_gate)
        {
            return _reference ??= RenderReferenceAsync();
        }
    }

    private async Task<SortedDictionary<string, string>> RenderReferenceAsync()
    {
        var job = await QueueJob.PlanAsync(Folder.Path, Clip, "reference", chunk: Frames);
        return await job.RenderWholeAsync(Folder["reference-out"]);
    }

    public void Dispose()
    {
        Server.Dispose();
        Folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class QueueCollection : ICollectionFixture<QueueFixture>
{
    public const string Name = "queue";
}
