using Rushes.Contracts.Colour;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Host.Colour;

/// <summary>A plugin's processor, called so that a failure takes the plugin out of service and reports it.</summary>
internal sealed class GuardedProcessor(IPixelProcessor inner, PluginRecord plugin, PluginGuard guard) : IPixelProcessor
{
    public IPixelProcessor Inner { get; } = inner;

    public string CacheId => Inner.CacheId;

    public bool IsIdentity => Inner.IsIdentity;

    public ColourMatrix? AsMatrix => Inner.AsMatrix;

    public void Apply(Span<float> red, Span<float> green, Span<float> blue)
    {
        try
        {
            Inner.Apply(red, green, blue);
        }
        catch (Exception ex) when (ex is not (InputException or OperationCanceledException or ArgumentException))
        {
            throw guard.Fault(plugin, $"{CacheId}.Apply", ex);
        }
    }

    public void ApplyInterleaved(Span<float> pixels, int channels)
    {
        try
        {
            Inner.ApplyInterleaved(pixels, channels);
        }
        catch (Exception ex) when (ex is not (InputException or OperationCanceledException or ArgumentException))
        {
            throw guard.Fault(plugin, $"{CacheId}.ApplyInterleaved", ex);
        }
    }
}
