namespace Rushes.Host.Render.Units;

/// <summary>The output folder cannot be written, or another process holds the unit: an environment problem, not bad input.</summary>
public sealed class RenderOutputException(string message, string? path = null, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The path at fault.</summary>
    public string? Path { get; } = path;
}
