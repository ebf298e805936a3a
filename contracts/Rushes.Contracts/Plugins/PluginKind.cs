namespace Rushes.Contracts.Plugins;

/// <summary>The kinds of extension a plugin can provide.</summary>
public enum PluginKind
{
    /// <summary>Finds clips in files, reads their metadata and decodes their frames (<see cref="CameraFormats.ICameraFormat"/>).</summary>
    CameraFormat,

    /// <summary>Compiles colour transforms into pixel processors (<see cref="Colour.IColourTransformProvider"/>).</summary>
    ColourTransform,

    /// <summary>Writes frames as deliverable files (<see cref="Deliverables.IDeliverableType"/>).</summary>
    Deliverable,
}
