namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>A scratch folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rushes-vendor-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies a sample file in, optionally rewritten.</summary>
    public string Copy(string source, string name, Func<string, string>? edit = null)
    {
        var target = File(name);
        var text = System.IO.File.ReadAllText(source);
        System.IO.File.WriteAllText(target, edit is null ? text : edit(text));
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
