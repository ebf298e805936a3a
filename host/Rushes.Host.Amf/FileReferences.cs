using System.Security.Cryptography;
using Rushes.Contracts.Plugins;
using Rushes.Host.Amf.Model;

namespace Rushes.Host.Amf;

/// <summary>
/// AMF <c>file</c> references: bare names relative to the AMF's folder (the handbook's advice). Absolute
/// paths, <c>..</c>, URLs and anything else that could reach outside the AMF's folder are refused.
/// </summary>
public static class FileReferences
{
    /// <summary>Why a reference is refused, or null when it is safe.</summary>
    public static string? Problem(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = reference.Trim();
        if (text.Length == 0)
        {
            return "is empty";
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || (text.Length > 1 && text[1] == ':'))
        {
            return "is a URL or a drive path; expected a file name relative to the AMF's folder";
        }

        if (text.StartsWith('/') || text.StartsWith('\\') || Path.IsPathRooted(text))
        {
            return "is an absolute path; expected a file name relative to the AMF's folder";
        }

        if (text.Split('/', '\\').Any(segment => segment == ".."))
        {
            return "climbs out with '..'; expected a file inside the AMF's folder";
        }

        return text.Contains('\0', StringComparison.Ordinal) ? "contains a NUL character" : null;
    }

    /// <summary>The full path of a reference inside the AMF's folder; it must exist, and match its hash when one is given.</summary>
    public static string Resolve(string amfPath, AmfTransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        var reference = transform.File ?? throw new ArgumentException("The transform has no file reference.", nameof(transform));
        if (Problem(reference) is { } problem)
        {
            throw new InputException($"file reference '{reference}' {problem}.", amfPath, $"line {transform.Line}: file", "a file name relative to the AMF's folder");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(amfPath))!;
        var full = Path.GetFullPath(Path.Combine(folder, reference));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InputException($"file reference '{reference}' resolves outside the AMF's folder.", amfPath, $"line {transform.Line}: file", "a file inside the AMF's folder");
        }

        if (!File.Exists(full))
        {
            throw new InputException($"the referenced file '{reference}' is not in {folder}.", amfPath, $"line {transform.Line}: file", $"{reference} beside the AMF");
        }

        if (transform.Hash is { } hash)
        {
            CheckHash(amfPath, transform, full, hash);
        }

        return full;
    }

    private static void CheckHash(string amfPath, AmfTransform transform, string full, AmfHash hash)
    {
        // SHA-1 and MD5 are what the AMF schema allows for integrity (not security): they stay.
#pragma warning disable CA5350, CA5351
        using HashAlgorithm algorithm = hash.Algorithm switch
        {
            "http://www.w3.org/2001/04/xmlenc#sha256" => SHA256.Create(),
            "http://www.w3.org/2000/09/xmldsig#sha1" => SHA1.Create(),
            "http://www.w3.org/2001/04/xmldsig-more#md5" => MD5.Create(),
            _ => throw new InputException($"hash algorithm '{hash.Algorithm}' is not one AMF allows.", amfPath, $"line {transform.Line}: hash/@algorithm", "sha256, sha1 or md5 by their W3C URIs"),
        };
#pragma warning restore CA5350, CA5351
        using var stream = File.OpenRead(full);
        var digest = algorithm.ComputeHash(stream);

        // base64Binary by the schema; hexadecimal digests are common in practice and accepted too.
        var matches = hash.Value == Convert.ToBase64String(digest) || string.Equals(hash.Value, Convert.ToHexString(digest), StringComparison.OrdinalIgnoreCase);
        if (!matches)
        {
            throw new InputException($"'{transform.File}' does not match its {hash.Algorithm.Split('#')[^1]} hash.", amfPath, $"line {transform.Line}: hash", $"the file whose digest is {hash.Value}");
        }
    }
}
