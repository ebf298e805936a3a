using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Host.Routing;

namespace Rushes.Host.Clips;

/// <summary>One camera format's claim on a clip: the format and the location it grouped.</summary>
public sealed record ClipClaim(RoutedFormat Format, ClipLocation Location);

/// <summary>
/// Joins the claims that several formats make on one media file into one clip. Routing gives every file to one
/// format, so a file is claimed twice only when a sidecar format lists, as its media, a file another format read
/// itself (an ARRI CSV beside its .mov, a Sony M01.XML beside its .mxf). The rule looks at the locations and the
/// declared capabilities only, never at a format's id:
/// <list type="bullet">
/// <item>claims whose media files overlap, directly or through a third, are one clip;</item>
/// <item>metadata order: claims that read sidecars come first (a vendor sidecar carries the camera's own reel, lens
/// and exposure), then the claims that read the media alone; ties by format id, ordinal;</item>
/// <item>the lead, which gives the clip's info and decodes it: a format that declares <c>decode</c>, else one that
/// reads the media itself (no sidecars), else the first in metadata order; ties by format id, ordinal.</item>
/// </list>
/// </summary>
internal static class ClipClaims
{
    /// <summary>The clips with overlapping claims joined, in the order their first claim was found.</summary>
    public static List<DiscoveredClip> Merge(IReadOnlyList<DiscoveredClip> clips)
    {
        var root = Enumerable.Range(0, clips.Count).ToArray();
        int Find(int i)
        {
            while (root[i] != i)
            {
                i = root[i] = root[root[i]];
            }

            return i;
        }

        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < clips.Count; i++)
        {
            foreach (var media in clips[i].Location.MediaFiles)
            {
                if (owner.TryGetValue(media, out var other))
                {
                    root[Find(i)] = Find(other);
                }
                else
                {
                    owner[media] = i;
                }
            }
        }

        var groups = new Dictionary<int, List<DiscoveredClip>>();
        var order = new List<int>();
        for (var i = 0; i < clips.Count; i++)
        {
            var at = Find(i);
            if (!groups.TryGetValue(at, out var group))
            {
                groups[at] = group = [];
                order.Add(at);
            }

            group.Add(clips[i]);
        }

        return [.. order.Select(g => groups[g] is [var single] ? single : Join(groups[g]))];
    }

    private static DiscoveredClip Join(List<DiscoveredClip> clips)
    {
        var claims = clips.SelectMany(c => c.Claims)
            .OrderBy(c => ReadsSidecars(c) ? 0 : 1)
            .ThenBy(c => c.Format.Format.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Location.Path, StringComparer.Ordinal)
            .ToList();
        var lead = claims
            .OrderBy(c => c.Format.Format.Capabilities.Supports(CapabilityNames.Decode) ? 0 : 1)
            .ThenBy(c => ReadsSidecars(c) ? 1 : 0)
            .ThenBy(c => c.Format.Format.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Location.Path, StringComparer.Ordinal)
            .First();

        // The lead's media files first: it reads the media itself, so its order is the frame order.
        var media = lead.Location.MediaFiles.Concat(claims.SelectMany(c => c.Location.MediaFiles)).Distinct(StringComparer.Ordinal).ToList();
        var sidecars = claims.SelectMany(c => c.Location.Sidecars).Distinct(StringComparer.Ordinal).Except(media, StringComparer.Ordinal).ToList();
        var location = lead.Location with
        {
            Layout = sidecars.Count > 0 ? ClipLayout.FileWithSidecars : lead.Location.Layout,
            MediaFiles = media,
            Sidecars = sidecars,
            Diagnostics = [.. claims.SelectMany(c => c.Location.Diagnostics)],
        };
        return new DiscoveredClip(lead.Format, location) { Claims = claims };
    }

    private static bool ReadsSidecars(ClipClaim claim) => claim.Location.Sidecars.Count > 0;
}
