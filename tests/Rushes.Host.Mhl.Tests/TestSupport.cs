using Rushes.Host.Mhl.Operations;

namespace Rushes.Host.Mhl.Tests;

/// <summary>A clock that says what it is told.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A temporary folder, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rushes-mhl-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file (folders made as needed) and returns its full path.</summary>
    public string Write(string relative, string content, DateTime? modified = null)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        if (modified is { } m)
        {
            File.SetLastWriteTimeUtc(full, m);
        }

        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class Mhl
{
    public static readonly DateTime CardTime = new(2020, 1, 15, 13, 0, 0, DateTimeKind.Utc);

    /// <summary>The conditions of the shared scenarios (SCENARIO-CONDITIONS.md).</summary>
    public static (MhlService Service, FixedClock Clock) ScenarioService(DateTimeOffset now)
    {
        var clock = new FixedClock(now);
        return (new MhlService(new MhlEnvironment(clock, "myHost.local", "ascmhl.py", "0.3 alpha")), clock);
    }

    /// <summary>Copies a folder with its files' and folders' modification times.</summary>
    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }

        Directory.SetLastWriteTimeUtc(to, Directory.GetLastWriteTimeUtc(from));
    }

    /// <summary>Camera card A002R2EC as the scenarios describe it, every time 2020-01-15 13:00:00 UTC.</summary>
    public static string MakeCard(string parent)
    {
        var card = Path.Combine(parent, "A002R2EC");
        Directory.CreateDirectory(Path.Combine(card, "Clips"));
        WriteAt(Path.Combine(card, "Sidecar.txt"), "BLOREM ipsum dolor sit amet, consetetur sadipscing elitr.\n");
        WriteAt(Path.Combine(card, "Clips", "A002C006_141024_R2EC.mov"), "abcd\n");
        WriteAt(Path.Combine(card, "Clips", "A002C007_141024_R2EC.mov"), "def\n");
        Directory.SetLastWriteTimeUtc(Path.Combine(card, "Clips"), CardTime);
        Directory.SetLastWriteTimeUtc(card, CardTime);
        return card;
    }

    private static void WriteAt(string path, string content)
    {
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, CardTime);
    }

    /// <summary>Every file under a folder, relative, sorted.</summary>
    public static List<string> FilesUnder(string root)
        => [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
