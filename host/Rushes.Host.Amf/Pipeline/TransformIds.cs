using Rushes.Contracts.Colour;

namespace Rushes.Host.Amf.Pipeline;

/// <summary>ACES transformId conventions used when planning.</summary>
public static class TransformIds
{
    /// <summary>The ACES 2.0 SDR video output, Netflix's default viewing transform (Academy registry).</summary>
    public const string DefaultViewingOutput = "urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1";

    /// <summary>The ASC CDL look, provided by the looks plugin; its parameters are slope-, offset- and power- per channel (red, green, blue) and saturation.</summary>
    public const string Cdl = "org.rushes.look.cdl";

    /// <summary>A file-based look, by the file's extension (the looks plugin's ids).</summary>
    public static string ForFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".clf" or ".ctf" => "org.rushes.look.clf",
        ".cube" => "org.rushes.look.cube",
        ".cc" or ".ccc" or ".cdl" => Cdl,
        var other => $"org.rushes.look{other}",
    };

    /// <summary>
    /// An inverse id in the registry's spelling (<c>InvODT.…</c>, <c>InvRRT.…</c>, <c>InvRRTODT.…</c>,
    /// <c>InvOutput.…</c>) as its forward transform run backwards, which is how providers declare them.
    /// </summary>
    public static (string Id, TransformDirection Direction) Canonical(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var colon = id.LastIndexOf(':');
        var name = id[(colon + 1)..];
        return name.StartsWith("Inv", StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3])
            ? (id[..(colon + 1)] + name[3..], TransformDirection.Inverse)
            : (id, TransformDirection.Forward);
    }
}
