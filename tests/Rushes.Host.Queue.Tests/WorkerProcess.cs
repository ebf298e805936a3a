using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Rushes.Host.Queue.Tests;

/// <summary>A <c>rushes worker --json</c> process, its events read as they come.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<JsonNode> _events = [];
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;
    private (Func<JsonNode, bool> Match, Action Act)? _at;

    private WorkerProcess(Process process)
    {
        _process = process;
        _stdout = Task.Run(ReadEventsAsync);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static WorkerProcess Start(string url, string queue, params string[] extra)
        => new(RushesProcess.Start(["worker", "--nats", url, "--queue", queue, "--json", .. extra]));

    public int Id => _process.Id;

    public IReadOnlyList<JsonNode> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Lines of stdout that are not JSON events (OpenJD's).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The units this worker reported with <paramref name="kind"/> (done, failed, released...).</summary>
    public IReadOnlyList<JsonNode> Of(string kind) => [.. Events.Where(e => e["event"]!.GetValue<string>() == kind)];

    /// <summary>Waits for the first event that matches.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> match, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (Events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (_process.HasExited && _stdout.IsCompleted)
            {
                break;
            }

            await Task.Delay(20);
        }

        // Its log is the only witness of why: end the worker so that all of it can be read.
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        throw new TimeoutException($"The worker never reported {what} ({clock.Elapsed.TotalSeconds:0} s); it wrote: {string.Join('\n', Events.Select(e => e.ToJsonString()))}\n{await _stderr}");
    }

    /// <summary>
    /// Kills the worker (SIGKILL) the moment it reports an event that matches, from the thread that
    /// reads its output: a test that waited for the event, then killed, could find the unit finished meanwhile.
    /// </summary>
    public void KillAt(Func<JsonNode, bool> match) => At(match, _process.Kill);

    /// <summary>Sends the worker SIGTERM the moment it reports an event that matches, as <see cref="KillAt"/> kills.</summary>
    public void TerminateAt(Func<JsonNode, bool> match) => At(match, () => Signals.Terminate(_process.Id));

    /// <summary>Sends SIGTERM as soon as the worker reports a unit running, so that the signal finds the unit begun.</summary>
    public void TerminateOnceRunning() => TerminateAt(IsRunning);

    /// <summary>
    /// Kills the worker as soon as it reports a unit running: the unit is delivered and not acked, and its render
    /// has its planning and every frame still ahead, the widest margin a loaded machine can have against the kill.
    /// </summary>
    public void KillOnceRunning() => KillAt(IsRunning);

    /// <summary>Waits for the worker to report a unit running.</summary>
    public Task<JsonNode> RunningAsync() => WaitForAsync(IsRunning, "a unit running");

    private static bool IsRunning(JsonNode e) => e["event"]!.GetValue<string>() == "running";

    private void At(Func<JsonNode, bool> match, Action act)
    {
        lock (_gate)
        {
            if (_events.Any(match))
            {
                throw new InvalidOperationException("The worker reported the event before the signal was set.");
            }

            _at = (match, act);
        }
    }

    /// <summary>Waits for the process to end and returns its exit code; its log joins a failing assertion's message.</summary>
    public async Task<int> ExitAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await _process.WaitForExitAsync(limit.Token);
        await _stdout;
        return _process.ExitCode;
    }

    public async Task<string> LogAsync() => await _stderr;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('{'))
            {
                var node = JsonNode.Parse(line)!;
                lock (_gate)
                {
                    if (_at is { } at && at.Match(node))
                    {
                        at.Act();
                        _at = null;
                    }

                    _events.Add(node);
                }
            }
            else
            {
                lock (_gate)
                {
                    _lines.Add(line);
                }
            }
        }
    }
}
