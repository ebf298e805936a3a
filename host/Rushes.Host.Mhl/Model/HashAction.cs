namespace Rushes.Host.Mhl.Model;

/// <summary>What a recorded file hash says about the file (the XSD's <c>action</c> attribute).</summary>
public enum HashAction
{
    /// <summary>The first hash of the file in this history.</summary>
    Original,

    /// <summary>Matched an earlier record (or was added in a new format after one matched).</summary>
    Verified,

    /// <summary>Did not match the earlier record.</summary>
    Failed,
}

/// <summary>How a generation came about (the XSD's <c>process</c> element).</summary>
public enum ProcessType
{
    /// <summary>Files hashed where they are.</summary>
    InPlace,

    /// <summary>Files hashed while being copied.</summary>
    Transfer,

    /// <summary>A standalone manifest collected from a history.</summary>
    Flatten,
}

/// <summary>The XML spellings of the enumerations.</summary>
public static class MhlNames
{
    /// <summary>The action attribute value.</summary>
    public static string Name(this HashAction action) => action switch
    {
        HashAction.Original => "original",
        HashAction.Verified => "verified",
        HashAction.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The process element value.</summary>
    public static string Name(this ProcessType process) => process switch
    {
        ProcessType.InPlace => "in-place",
        ProcessType.Transfer => "transfer",
        ProcessType.Flatten => "flatten",
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, null),
    };

    /// <summary>Parses an action attribute value (the XSD has validated it).</summary>
    public static HashAction ParseAction(string text) => text switch
    {
        "original" => HashAction.Original,
        "verified" => HashAction.Verified,
        _ => HashAction.Failed,
    };

    /// <summary>Parses a process element value (the XSD has validated it).</summary>
    public static ProcessType ParseProcess(string text) => text switch
    {
        "transfer" => ProcessType.Transfer,
        "flatten" => ProcessType.Flatten,
        _ => ProcessType.InPlace,
    };
}
