using Microsoft.Extensions.Logging;
using Rushes.Contracts.Plugins;

namespace Rushes.Host.Plugins;

/// <summary>
/// Every call into plugin code goes through here, so that one failing plugin is reported and
/// isolated and never breaks the others (the Serilog safe-sink model). Input errors and
/// cancellation pass through untouched; anything else marks the plugin Malfunctioned.
/// </summary>
public sealed class PluginGuard(ILogger<PluginGuard> logger)
{
    /// <summary>Runs a call into a plugin.</summary>
    public T Invoke<T>(PluginRecord plugin, string operation, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(call);
        if (!plugin.IsLoaded)
        {
            throw new PluginFaultException(plugin.Id, operation, $"it is {plugin.Status}: {plugin.Reason}");
        }

        try
        {
            return call();
        }
        catch (Exception ex) when (ex is InputException or OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Fault(plugin, operation, ex);
        }
    }

    /// <summary>
    /// Takes a plugin out of service for an exception it threw, and returns the fault to throw. For calls
    /// that cannot go through <see cref="Invoke{T}"/>, such as those that take spans.
    /// </summary>
    public PluginFaultException Fault(PluginRecord plugin, string operation, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(exception);
        var reason = $"threw {exception.GetType().Name} in {operation}: {exception.Message}";
        if (plugin.MarkFaulted(reason))
        {
            logger.LogError(exception, "Plugin {Plugin} {Reason}; it is taken out of service for the rest of this run", plugin.Id, reason);
        }

        return new PluginFaultException(plugin.Id, operation, $"{exception.GetType().Name}: {exception.Message}", exception);
    }

    /// <summary>Runs a call into a plugin that returns nothing.</summary>
    public void Invoke(PluginRecord plugin, string operation, Action call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Invoke(plugin, operation, () =>
        {
            call();
            return true;
        });
    }
}
