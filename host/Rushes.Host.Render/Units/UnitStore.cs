using System.Text.Json;
using Rushes.Contracts.Deliverables;
using Rushes.Host.Mhl.Hashing;

namespace Rushes.Host.Render.Units;

/// <summary>
/// A work unit's place in the output folder. Writers write into <c>OUT/.rushes-staging/UNIT/</c>
/// (each file under a temporary name, renamed when whole); a deliverable whose frames are all written
/// gets a record there; when every deliverable has one, each file is renamed into its place in OUT
/// (one atomic rename per file: same file system) and the unit's manifest is written to
/// <c>OUT/.rushes-units/UNIT.json</c>. A rerun finds the manifest and does nothing, or finds the
/// staging and completes only what is missing. A lock held while the unit runs (released by the
/// kernel when a process dies) keeps two processes off one unit.
/// </summary>
public sealed class UnitStore : IDisposable
{
    /// <summary>The staging folder's name under the output folder.</summary>
    public const string StagingFolder = ".rushes-staging";

    /// <summary>The folder of completed units' manifests.</summary>
    public const string UnitsFolder = ".rushes-units";

    private const string DoneFolder = ".rushes-done";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly FileStream _lock;

    private UnitStore(string output, string unitId, FileStream lockStream)
    {
        Output = output;
        UnitId = unitId;
        Staging = System.IO.Path.Combine(output, StagingFolder, unitId);
        _lock = lockStream;
    }

    /// <summary>The output folder, as a full path.</summary>
    public string Output { get; }

    public string UnitId { get; }

    /// <summary>This unit's staging folder.</summary>
    public string Staging { get; }

    /// <summary>Where writers write.</summary>
    public IOutputTarget StagingTarget => new DirectoryOutputTarget(Staging);

    private string ManifestPath => System.IO.Path.Combine(Output, UnitsFolder, UnitId + ".json");

    /// <summary>Opens (making it if needed) the output folder for a unit, takes its lock and clears a killed run's temporaries.</summary>
    public static UnitStore Open(string output, string unitId)
    {
        var full = System.IO.Path.GetFullPath(output);
        FileStream lockStream;
        try
        {
            Directory.CreateDirectory(System.IO.Path.Combine(full, StagingFolder, unitId));
            var lockPath = System.IO.Path.Combine(full, StagingFolder, unitId + ".lock");
            lockStream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new RenderOutputException($"The output folder '{full}' cannot be written: {ex.Message}", full, ex);
        }
        catch (IOException ex) when (Directory.Exists(System.IO.Path.Combine(full, StagingFolder, unitId)))
        {
            throw new RenderOutputException($"Another process is rendering unit {unitId} into '{full}' (its lock is held): {ex.Message}", full, ex);
        }
        catch (IOException ex)
        {
            throw new RenderOutputException($"The output folder '{full}' cannot be written: {ex.Message}", full, ex);
        }

        var store = new UnitStore(full, unitId, lockStream);
        foreach (var leftover in Directory.EnumerateFiles(store.Staging, DirectoryOutputTarget.TemporaryPrefix + "*", SearchOption.AllDirectories))
        {
            File.Delete(leftover);
        }

        return store;
    }

    /// <summary>True when a per-frame file is already staged (committed whole by an earlier run).</summary>
    public bool IsStaged(string relativePath) => File.Exists(System.IO.Path.Combine(Staging, relativePath));

    /// <summary>The full path of a staged file.</summary>
    public string StagedPath(string relativePath) => System.IO.Path.Combine(Staging, relativePath);

    /// <summary>A deliverable's record, when an earlier run finished writing it.</summary>
    public DeliverableResult? ReadDone(string deliverable) => ReadJson<DeliverableResult>(System.IO.Path.Combine(Staging, DoneFolder, deliverable + ".json"));

    /// <summary>Records that a deliverable's files are all staged.</summary>
    public void WriteDone(DeliverableResult result) => WriteJson(System.IO.Path.Combine(Staging, DoneFolder, result.Name + ".json"), result);

    /// <summary>The manifest of a completed unit, if its files are all still there at their sizes.</summary>
    public RenderResult? ReadCompleted()
    {
        var manifest = ReadJson<RenderResult>(ManifestPath);
        return manifest is not null && manifest.Deliverables.SelectMany(d => d.Files).All(f => new FileInfo(System.IO.Path.Combine(Output, f.Path)) is { Exists: true } info && info.Length == f.Size)
            ? manifest
            : null;
    }

    /// <summary>Renames every staged media and sidecar file of a deliverable into place, checking files a killed run already moved.</summary>
    public void Publish(DeliverableResult deliverable)
    {
        foreach (var file in deliverable.Files)
        {
            var staged = StagedPath(file.Path);
            var final = System.IO.Path.Combine(Output, file.Path);
            if (File.Exists(staged))
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(final)!);
                File.Move(staged, final, overwrite: true);
            }
            else if (!File.Exists(final) || HashOf(final) != file.Xxh128)
            {
                throw new RenderOutputException($"'{file.Path}' is neither staged nor in place with its recorded hash; delete '{Staging}' and render again.", final);
            }
        }
    }

    /// <summary>Records the completed unit.</summary>
    public void WriteCompleted(RenderResult result) => WriteJson(ManifestPath, result);

    /// <summary>Removes the staging folder once the unit is complete (or abandoned after an error that a rerun would repeat).</summary>
    public void ClearStaging()
    {
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }

    /// <summary>The xxh128 of a file, as ASC MHL writes it.</summary>
    public static string HashOf(string path) => FileHasher.Hash(path, [HashFormat.Xxh128])[HashFormat.Xxh128];

    public void Dispose()
    {
        _lock.Dispose();
        var root = System.IO.Path.Combine(Output, StagingFolder);
        try
        {
            // Leave no empty staging folder behind; another unit's staging keeps it.
            if (Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
        catch (IOException)
        {
        }
    }

    private static T? ReadJson<T>(string path)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException)
        {
            // Written by temporary and rename, so never torn; unreadable means foreign: redo the work.
            return null;
        }
    }

    private static void WriteJson<T>(string path, T value)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        using var file = new DirectoryOutputTarget(folder).Create(System.IO.Path.GetFileName(path));
        JsonSerializer.Serialize(file.Stream, value, Json);
        file.Commit();
    }
}
