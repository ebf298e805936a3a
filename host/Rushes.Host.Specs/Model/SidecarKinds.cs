namespace Rushes.Host.Specs.Model;

/// <summary>The sidecars a deliverable may ask for.</summary>
public static class SidecarKinds
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "amf", "cdl", "cc", "fdl", "provenance", "mhl",
    };
}
