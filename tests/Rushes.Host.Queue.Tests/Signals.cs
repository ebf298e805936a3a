using System.Diagnostics;
using System.Globalization;

namespace Rushes.Host.Queue.Tests;

/// <summary>SIGTERM for a worker process (Process.Kill sends SIGKILL), as a container runtime or a farm sends it.</summary>
internal static class Signals
{
    public static void Terminate(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {pid} exited {kill.ExitCode}.");
        }
    }
}
