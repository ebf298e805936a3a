using Microsoft.Extensions.Logging;
using Rushes.Host.Clips;
using Rushes.Host.Colour;
using Rushes.Host.Plugins;
using Rushes.Host.Specs;

namespace Rushes.Host.Render;

/// <summary>What a render works with: the host's plugin services and the show's spec folders.</summary>
public sealed record RenderServices(
    PluginManager Plugins,
    PluginGuard Guard,
    ClipDiscovery Clips,
    ColourTransformRegistry Transforms,
    ColourProcessorCompiler Compiler,
    SpecLibrary Specs,
    ILogger Logger);
