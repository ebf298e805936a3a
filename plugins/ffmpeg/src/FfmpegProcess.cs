using System.ComponentModel;
using System.Diagnostics;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// A running ffmpeg: frames go to its stdin, its stderr is drained on a background task into a bounded
/// tail (so a chatty ffmpeg never blocks on a full stderr pipe while we block on a full stdin pipe).
/// </summary>
internal sealed class FfmpegProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _drain;

    private FfmpegProcess(Process process)
    {
        _process = process;
        // stdout is drained too: nothing ffmpeg prints may reach the host's stdout, which carries --json documents.
        // Each on a thread of its own (LongRunning), so a thread pool busy with Parallel.For never delays them.
        _drain = Task.WhenAll(
            Task.Factory.StartNew(() => Drain(process.StandardError), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            Task.Factory.StartNew(() => Drain(process.StandardOutput), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    public StderrTail Tail { get; } = new();

    public Stream Input => _process.StandardInput.BaseStream;

    public static FfmpegProcess Start(string executable, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return new FfmpegProcess(Process.Start(info) ?? throw new Win32Exception($"{executable} did not start"));
        }
        catch (Win32Exception ex)
        {
            throw new InputException($"ffmpeg could not be started from '{executable}': {ex.Message}.", field: "ffmpeg", expected: FfmpegLocator.Expected, inner: ex);
        }
    }

    /// <summary>Closes stdin (end of the frames) and waits for ffmpeg to finish; cancellation kills it. Returns the exit code.</summary>
    public int Finish(CancellationToken cancellationToken)
    {
        try
        {
            Input.Close();
        }
        catch (IOException)
        {
            // ffmpeg already left; its exit code and stderr say why.
        }

        try
        {
            _process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        return ExitCode();
    }

    /// <summary>The exit code once ffmpeg has exited (waiting briefly for it), with stderr fully drained.</summary>
    public int ExitCode()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            Kill();
        }

        _process.WaitForExit();
        // Its pipes close when it exits; the drains end right after.
        _drain.Wait(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _drain.Wait(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void Drain(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                Tail.Add(line);
            }
        }
    }
}
