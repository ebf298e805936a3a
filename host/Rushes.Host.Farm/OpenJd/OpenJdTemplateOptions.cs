namespace Rushes.Host.Farm.OpenJd;

/// <summary>The choices a farm administrator makes about the job template of a planned job.</summary>
public sealed record OpenJdTemplateOptions
{
    /// <summary>The default of the UnitsFile job parameter: the units file as the farm's workers see it.</summary>
    public required string UnitsFile { get; init; }

    /// <summary>The default of the RushesExecutable job parameter: the command the workers run.</summary>
    public string Executable { get; init; } = "rushes";

    /// <summary>The job's name; by default, from the job id.</summary>
    public string? Name { get; init; }

    /// <summary>Seconds a task may run before the farm cancels it and counts it failed; none by default.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>
    /// Seconds between the farm's SIGTERM and its SIGKILL when a task is cancelled. A cancelled render
    /// stops at the next frame and removes its staging folder, which takes far less than this.
    /// </summary>
    public int NotifyPeriodSeconds { get; init; } = 60;
}
