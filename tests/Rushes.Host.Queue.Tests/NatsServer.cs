using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rushes.Host.Queue.Tests;

/// <summary>
/// A real nats-server (the Debian package; CI installs it through .ci/run) with JetStream, on a free
/// loopback port and a temporary store, for the tests of one class.
/// </summary>
public sealed class NatsServer : IDisposable
{
    private readonly Process _process;
    private readonly TempFolder _store = new();

    public NatsServer()
    {
        var port = FreePort();
        Url = $"nats://127.0.0.1:{port}";
        var info = new ProcessStartInfo("nats-server") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", _store.Path })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("nats-server did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("nats-server is not on PATH: install the Debian package nats-server (apt-get install nats-server), as .ci/run does.", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitForPort(port);
    }

    public string Url { get; }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _store.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitForPort(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nats-server exited with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"nats-server did not listen on port {port} within 20 s.");
    }
}
