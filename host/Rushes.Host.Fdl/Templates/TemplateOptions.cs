namespace Rushes.Host.Fdl.Templates;

/// <summary>The names an application gives to what it creates.</summary>
public sealed record TemplateOptions
{
    /// <summary>The new canvas id; a fresh 30-character id when null.</summary>
    public string? NewCanvasId { get; init; }

    /// <summary>The output document uuid; a fresh one when null.</summary>
    public string? DocumentUuid { get; init; }

    /// <summary>The creator written into the output.</summary>
    public string Creator { get; init; } = "Rushes";
}
