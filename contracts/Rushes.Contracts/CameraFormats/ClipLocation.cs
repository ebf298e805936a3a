using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.CameraFormats;

/// <summary>Where a clip is: its files, in frame order, and its sidecars.</summary>
public sealed record ClipLocation
{
    /// <summary>The clip's name (file name without extension, or the sequence's base name).</summary>
    public required string Name { get; init; }

    /// <summary>The path that identifies the clip: its file, or its sequence folder.</summary>
    public required string Path { get; init; }

    /// <summary>How the clip is laid out.</summary>
    public required ClipLayout Layout { get; init; }

    /// <summary>The media files, in frame order.</summary>
    public required IReadOnlyList<string> MediaFiles { get; init; }

    /// <summary>Sidecar files that belong to the clip.</summary>
    public IReadOnlyList<string> Sidecars { get; init; } = [];

    /// <summary>What grouping found wrong (gaps, duplicates), for the user.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
