using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Queue.Tests;

public sealed class QueueSettingsTests
{
    [Fact]
    public void Backoff_starts_at_the_ack_wait_doubles_and_has_fewer_steps_than_deliveries()
    {
        var settings = new QueueSettings { AckWait = TimeSpan.FromSeconds(10), MaxDeliver = 3 };
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], settings.Backoff());
        Assert.Equal(4, (settings with { MaxDeliver = 100 }).Backoff().Count);
        Assert.Empty((settings with { MaxDeliver = 1 }).Backoff());
        Assert.Equal(TimeSpan.FromSeconds(10) / 3, settings.Heartbeat);
    }

    [Fact]
    public void A_running_record_is_stalled_once_its_last_heartbeat_is_older_than_the_ack_wait()
    {
        var now = new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero);
        var record = new UnitRecord { JobId = "j", UnitId = "u", QueueId = "q", Queue = "default", Frames = "1-4", State = UnitState.Running, Updated = now.AddSeconds(-7.3) };
        var late = JobStatus.Heartbeat(record, now, TimeSpan.FromSeconds(6));
        Assert.Equal((true, 7.3), (late.Stalled, late.LastHeartbeat));
        var fresh = JobStatus.Heartbeat(record, now, TimeSpan.FromSeconds(9));
        Assert.Equal((false, 7.3), (fresh.Stalled, fresh.LastHeartbeat));
    }

    [Fact]
    public void Retry_delays_double_up_to_the_ack_wait()
    {
        var settings = new QueueSettings { AckWait = TimeSpan.FromSeconds(10), MaxDeliver = 5 };
        Assert.Equal([2.0, 4.0, 8.0, 10.0, 10.0], new ulong[] { 1, 2, 3, 4, 40 }.Select(a => settings.RetryDelay(a).TotalSeconds));
    }

    [Fact]
    public void Failures_are_sorted_by_what_a_retry_would_change()
    {
        Assert.Equal(FailureClass.Deterministic, Failures.Sort(new InputException("bad DNG", "a.dng", "tile", "LJ92")));
        Assert.Equal(FailureClass.Deterministic, Failures.Sort(new PluginFaultException("cinemadng", "Decode", "faulted")));
        Assert.Equal(FailureClass.Transient, Failures.Sort(new RenderOutputException("held", "/out")));
        Assert.Equal(FailureClass.Transient, Failures.Sort(new IOException("No space left on device")));
        Assert.Equal(FailureClass.Transient, Failures.Sort(new UnauthorizedAccessException("read-only")));
        Assert.Equal(FailureClass.Crash, Failures.Sort(new InvalidOperationException("bug")));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("plates_4K-night")]
    public void Queue_names_become_stream_and_subject_names(string queue)
    {
        var names = QueueNames.For(queue);
        Assert.Equal($"rushes-units-{queue}", names.Stream);
        Assert.Equal($"rushes.units.{queue}", names.Subject);
        Assert.Equal($"rushes.progress.{queue}.abc", names.Progress("abc"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a b")]
    [InlineData("a*")]
    [InlineData(">")]
    public void Queue_names_that_would_break_subjects_are_refused(string queue)
        => Assert.Equal("--queue", Assert.Throws<InputException>(() => QueueNames.For(queue)).Field);
}
