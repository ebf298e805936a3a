using System.Globalization;

namespace Rushes.Cli;

/// <summary>
/// The array index a farm gives each task of an array job, so one units file and one command line
/// serve them all (docs/RENDER.md, "Work units").
/// </summary>
public static class FarmIndex
{
    /// <summary>
    /// Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX, from 0), AWS Batch array jobs
    /// (AWS_BATCH_JOB_ARRAY_INDEX, from 0), then OpenCue's frame number (CUE_IFRAME), which a layer's
    /// frame range of 0-(n-1) makes the unit index.
    /// </summary>
    public static IReadOnlyList<string> Variables { get; } = ["JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "CUE_IFRAME"];

    /// <summary>The first variable that is set; a set variable that is not a number is an error, never ignored.</summary>
    public static int? FromEnvironment()
    {
        foreach (var name in Variables)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } text)
            {
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    ? index
                    : throw new CliException(ExitCodes.Usage, $"The environment variable {name} is '{text}'.", field: name, expected: "a unit index: a number from 0");
            }
        }

        return null;
    }
}
