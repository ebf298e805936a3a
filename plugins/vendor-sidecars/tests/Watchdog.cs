using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>Bad media must fail fast with a clear error: the call runs on a worker and must end within the limit.</summary>
internal static class Watchdog
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static InputException Throws(Action action)
    {
        var task = Task.Run(action);
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(Limit), $"did not finish within {Limit.TotalSeconds} s");
        return Assert.IsType<InputException>(task.Exception?.InnerException, exactMatch: false);
    }
}
