using System.Security.Cryptography;
using System.Text;

namespace Rushes.Host.Queue;

/// <summary>
/// Ids on the queue. A render's unit and job ids say what is rendered, not where: the same clip, spec
/// and frames delivered to two output folders have the same unit id (each folder's unit store keeps
/// them apart). On a queue they are different work, so the queue's ids also hash the output folder.
/// </summary>
public static class QueueIdentity
{
    /// <summary>32 hex digits: the first 128 bits of SHA-256 over the full output path and the render's id.</summary>
    public static string Of(string output, string renderId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(renderId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Path.GetFullPath(output)}\n{renderId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
