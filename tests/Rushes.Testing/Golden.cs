using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rushes.Testing;

/// <summary>
/// Golden-file approval with Verify's conventions: the approved output lives in
/// <c>&lt;TestFile&gt;.&lt;name&gt;.verified.&lt;ext&gt;</c> beside the test source; on a mismatch the
/// actual output is written to <c>….received.&lt;ext&gt;</c> and the assertion fails with a diff.
/// Set <c>RUSHES_ACCEPT=1</c> (or <c>VERIFY_AUTOVERIFY</c>) to accept received output as the new golden file.
/// </summary>
public static class Golden
{
    /// <summary>The environment variable that accepts received output.</summary>
    public const string AcceptVariable = "RUSHES_ACCEPT";

    /// <summary>True when this run accepts new output instead of failing.</summary>
    public static bool Accepting
        => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true"
           || Environment.GetEnvironmentVariable("VERIFY_AUTOVERIFY") is "1" or "true";

    /// <summary>Approves text (line endings normalized to LF, one trailing newline).</summary>
    public static void VerifyText(string actual, string name, string extension = "txt", [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        Approve(Encoding.UTF8.GetBytes(normalized), name, extension, sourceFile, (expected, received) =>
        {
            var expectedText = Encoding.UTF8.GetString(expected).Replace("\r\n", "\n", StringComparison.Ordinal);
            var receivedText = Encoding.UTF8.GetString(received);
            return expectedText == receivedText ? null : TextDiff.FirstDifference(expectedText, receivedText);
        });
    }

    /// <summary>Approves JSON, re-indented so that formatting never matters; members compare in order.</summary>
    public static void VerifyJson(string json, string name, [CallerFilePath] string sourceFile = "")
    {
        var node = JsonNode.Parse(json) ?? throw new ArgumentException("The JSON is null.", nameof(json));
        VerifyText(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), name, "json", sourceFile);
    }

    /// <summary>Approves an image by numeric tolerance, not bytes; the golden file is a float PFM.</summary>
    public static void VerifyImage(FloatImage actual, string name, ImageTolerance tolerance, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(tolerance);
        Approve(Pfm.Write(actual), name, "pfm", sourceFile, (expected, _) =>
        {
            var comparison = ImageComparison.Compare(Pfm.Read(expected), actual);
            return tolerance.Accepts(comparison) ? null : $"{comparison} exceeds {tolerance}";
        });
    }

    private static void Approve(byte[] received, string name, string extension, string sourceFile, Func<byte[], byte[], string?> compare)
    {
        var directory = Path.GetDirectoryName(sourceFile) ?? throw new ArgumentException("No source file path.", nameof(sourceFile));
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{name}");
        var verifiedPath = $"{stem}.verified.{extension}";
        var receivedPath = $"{stem}.received.{extension}";

        if (File.Exists(verifiedPath))
        {
            var problem = compare(File.ReadAllBytes(verifiedPath), received);
            if (problem is null)
            {
                File.Delete(receivedPath);
                return;
            }

            if (!Accepting)
            {
                File.WriteAllBytes(receivedPath, received);
                throw new GoldenMismatchException($"{Path.GetFileName(verifiedPath)} does not match: {problem}. The output is in {receivedPath}; set {AcceptVariable}=1 to accept it.");
            }
        }
        else if (!Accepting)
        {
            File.WriteAllBytes(receivedPath, received);
            throw new GoldenMismatchException($"No golden file {verifiedPath}. The output is in {receivedPath}; review it and set {AcceptVariable}=1 to accept it.");
        }

        File.WriteAllBytes(verifiedPath, received);
        File.Delete(receivedPath);
    }
}

/// <summary>A golden file did not match.</summary>
public sealed class GoldenMismatchException(string message) : Exception(message);
