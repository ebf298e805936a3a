using System.Text.Json.Nodes;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Queue.Tests;

/// <summary>A render job of the demo card through a small EXR sequence spec, planned into units by <c>rushes plan</c>.</summary>
public sealed class QueueJob
{
    /// <summary>One half-float EXR a frame, no sidecars: every byte of a unit's output is the render's.</summary>
    private const string Spec = """
        spec: 1
        name: queue-plates
        deliverables:
          - name: plate
            type: openexr
            options:
              compression: zip
              pixel-type: half
            naming: "{shot}/{shot}.{frame:0000}.exr"
            sidecars: []
        """;

    private QueueJob(string folder, string jobFile, string output)
    {
        Folder = folder;
        JobFile = jobFile;
        Output = output;
    }

    public string Folder { get; }

    public string JobFile { get; }

    public string Output { get; }

    public string UnitsFile => Path.Combine(Folder, "units.json");

    public UnitSet Units => UnitSetFile.Read(UnitsFile);

    /// <summary>Writes the job into its own folder (a test's own output folder keeps its queue ids apart from other tests') and plans it.</summary>
    public static async Task<QueueJob> PlanAsync(string root, string clip, string name, int chunk)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        var spec = Path.Combine(folder, "spec.yaml");
        await File.WriteAllTextAsync(spec, Spec);
        var output = Path.Combine(folder, "out");
        var jobFile = Path.Combine(folder, "job.json");
        await File.WriteAllTextAsync(jobFile, new JsonObject
        {
            ["clip"] = clip,
            ["spec"] = spec,
            ["variables"] = new JsonObject { ["shot"] = "SH010" },
            ["output"] = output,
        }.ToJsonString());
        var job = new QueueJob(folder, jobFile, output);
        await Cli.RunOkAsync("plan", "--job", jobFile, "--chunk", chunk.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", job.UnitsFile);
        return job;
    }

    /// <summary>Every delivered file of a single <c>rushes render --job</c> of the whole job into <paramref name="reference"/>, with its hash.</summary>
    public async Task<SortedDictionary<string, string>> RenderWholeAsync(string reference)
    {
        var job = JsonNode.Parse(await File.ReadAllTextAsync(JobFile))!;
        job["output"] = reference;
        var file = Path.Combine(Folder, "reference.json");
        await File.WriteAllTextAsync(file, job.ToJsonString());
        await Cli.RunOkAsync("render", "--job", file, "--progress", "none");
        return Cli.Tree(reference);
    }
}
