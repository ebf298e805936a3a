namespace Rushes.Host.Amf.Model;

/// <summary>Element names and namespaces of the AMF schema.</summary>
public static class AmfElements
{
    /// <summary>The AMF v2.0 namespace.</summary>
    public const string NamespaceV2 = "urn:ampas:aces:amf:v2.0";

    /// <summary>The AMF v1.0 namespace.</summary>
    public const string NamespaceV1 = "urn:ampas:aces:amf:v1.0";

    /// <summary>The ASC CDL namespace used for inline CDLs.</summary>
    public const string CdlNamespace = "urn:ASC:CDL:v1.01";

    /// <summary><c>inputTransform</c>.</summary>
    public const string InputTransform = "inputTransform";

    /// <summary><c>lookTransform</c>.</summary>
    public const string LookTransform = "lookTransform";

    /// <summary><c>outputTransform</c>.</summary>
    public const string OutputTransform = "outputTransform";

    /// <summary><c>workingLocation</c>, the empty marker among looks.</summary>
    public const string WorkingLocation = "workingLocation";

    /// <summary><c>cdlWorkingSpace</c>.</summary>
    public const string CdlWorkingSpace = "cdlWorkingSpace";

    /// <summary><c>toCdlWorkingSpace</c>.</summary>
    public const string ToCdlWorkingSpace = "toCdlWorkingSpace";

    /// <summary><c>fromCdlWorkingSpace</c>.</summary>
    public const string FromCdlWorkingSpace = "fromCdlWorkingSpace";
}
