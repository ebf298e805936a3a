using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Host.Plugins;

namespace Rushes.Host.Clips;

/// <summary>
/// One clip read through several formats' readers (a sidecar format and the media's own). The lead claim gives the
/// info and decodes; the metadata is joined field by field, in the claims' metadata order (<see cref="ClipClaims"/>):
/// the first present value wins, a field is Missing only when every source misses it, and two present values that
/// disagree keep the first and add a warning naming both. Every call into a plugin goes through the guard.
/// </summary>
internal sealed class MergedClipReader : IClipReader
{
    /// <summary>Vendor key prefix recording which format each normalized field came from.</summary>
    internal const string SourcePrefix = "Rushes:Source:";

    /// <summary>
    /// Fields that say what the media file holds: the lead reads the media itself and gives the clip's frames
    /// and decode, so its values come first for these, and the document agrees with the frames rendered. The
    /// timecode is one: an editor's system reads it from the media, so an EDL's source timecodes are the media's.
    /// </summary>
    private static readonly HashSet<string> MediaFields = new([NormalizedField.FrameCount, NormalizedField.Width, NormalizedField.Height, NormalizedField.Codec, NormalizedField.TimecodeIn, "timecode.out", "clip.duration"], StringComparer.Ordinal);

    private readonly PluginGuard _guard;
    private readonly Source[] _sources;
    private readonly Source _lead;

    /// <summary>Joins <paramref name="readers"/>, opened in the order of <paramref name="clip"/>'s claims.</summary>
    public MergedClipReader(DiscoveredClip clip, IReadOnlyList<IClipReader> readers, PluginGuard guard)
    {
        _guard = guard;
        Location = clip.Location;
        _sources = [.. clip.Claims.Select((claim, i) => new Source(claim, readers[i], Call(claim, "Info", () => readers[i].Info)))];
        _lead = _sources.First(s => s.Claim.Format == clip.Format);
        var diagnostics = _sources.SelectMany(s => Call(s.Claim, "Diagnostics", () => s.Reader.Diagnostics)).ToList();
        var metadata = _sources.Select(s => (s.Id, Metadata: Call(s.Claim, "Metadata", () => s.Reader.Metadata))).ToList();
        var (normalized, taken) = Join(metadata.Select(m => (m.Id, m.Metadata.Normalized)).ToList(), diagnostics, _lead.Id);
        Metadata = new ClipMetadata { Normalized = normalized, Vendor = JoinVendor(metadata, taken) };
        Info = _lead.Info with
        {
            FrameRate = _lead.Info.FrameRate ?? _sources.Select(s => s.Info.FrameRate).FirstOrDefault(r => r is not null),
            StartTimecode = _lead.Info.StartTimecode ?? _sources.Select(s => s.Info.StartTimecode).FirstOrDefault(t => t is not null),
        };
        Diagnostics = diagnostics;
    }

    /// <inheritdoc />
    public ClipLocation Location { get; }

    /// <inheritdoc />
    public ClipInfo Info { get; }

    /// <inheritdoc />
    public ClipMetadata Metadata { get; }

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Each source's metadata for the frame at the same offset from its first frame, joined as the clip's are.</summary>
    public FrameMetadata ReadFrameMetadata(long frame)
    {
        var offset = frame - Info.Frames.First;
        var read = _sources
            .Select(s => (s.Id, Frame: s.Info.Frames.Contains(s.Info.Frames.First + offset)
                ? Call(s.Claim, "ReadFrameMetadata", () => s.Reader.ReadFrameMetadata(s.Info.Frames.First + offset))
                : null))
            .Where(f => f.Frame is not null)
            .ToList();
        return new FrameMetadata
        {
            Frame = frame,
            Timecode = read.Select(f => f.Frame!.Timecode).FirstOrDefault(t => t is not null),
            Values = Join([.. read.Select(f => (f.Id, f.Frame!.Values))], conflicts: null).Set,
        };
    }

    /// <summary>Decodes through the lead claim.</summary>
    public DecodedFrame Decode(long frame, DecodeRequest request, CancellationToken cancellationToken = default)
        => Call(_lead.Claim, "Decode", () => _lead.Reader.Decode(frame, request, cancellationToken));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Reader.Dispose();
        }
    }

    /// <summary>
    /// Field by field, the first present value in source order; conflicting present values are reported to
    /// <paramref name="conflicts"/> when given. Returns the joined set and, per field, the source it was taken from.
    /// </summary>
    private (MetadataSet Set, Dictionary<string, string> Taken) Join(List<(string Id, MetadataSet Set)> sets, List<Diagnostic>? conflicts, string? lead = null)
    {
        var joined = MetadataSet.Create();
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in sets.SelectMany(s => s.Set.Select(e => e.Key)).Distinct(StringComparer.Ordinal))
        {
            var ordered = lead is not null && MediaFields.Contains(key) ? sets.OrderByDescending(s => s.Id == lead).ToList() : sets;
            var values = ordered.Where(s => s.Set.ContainsKey(key)).Select(s => (s.Id, Value: s.Set[key])).ToList();
            var present = values.Where(v => v.Value.IsPresent).ToList();
            if (present.Count == 0)
            {
                joined.Set(key, values.Count == 1
                    ? values[0].Value
                    : MetadataValue.Missing(string.Join("; ", values.Select(v => $"{v.Id}: {v.Value.MissingReason}"))));
                continue;
            }

            var (id, value) = present[0];
            joined.Set(key, value);
            taken[key] = id;
            foreach (var (otherId, other) in present.Skip(1).Where(p => !Agree(value, p.Value)))
            {
                conflicts?.Add(new Diagnostic
                {
                    Severity = DiagnosticSeverity.Warning,
                    Code = "clip.merge-conflict",
                    File = Location.Path,
                    Field = key,
                    Message = $"{key} differs between the formats that read this clip: {id} gives {value}, {otherId} gives {other}; {id}'s is kept.",
                });
            }
        }

        return (joined.Build(), taken);
    }

    /// <summary>Every source's vendor fields (a key an earlier source holds with another value is prefixed by the format id), then where each normalized field came from.</summary>
    private static MetadataSet JoinVendor(List<(string Id, ClipMetadata Metadata)> metadata, Dictionary<string, string> taken)
    {
        var seen = new Dictionary<string, MetadataValue>(StringComparer.Ordinal);
        var vendor = MetadataSet.Create();
        foreach (var (id, clip) in metadata)
        {
            foreach (var (key, value) in clip.Vendor)
            {
                if (seen.TryGetValue(key, out var earlier))
                {
                    if (!earlier.Equals(value))
                    {
                        vendor.Set($"{id}/{key}", value);
                    }

                    continue;
                }

                seen[key] = value;
                vendor.Set(key, value);
            }
        }

        foreach (var (field, id) in taken)
        {
            vendor.Set(SourcePrefix + field, MetadataValue.Of(id));
        }

        return vendor.Build();
    }

    /// <summary>Equal values, or numbers of one unit that are equal whatever their kind (1920 and 1920.0, 24 and 24/1).</summary>
    private static bool Agree(MetadataValue a, MetadataValue b)
        => a.Equals(b) || (a.Unit == b.Unit && a.AsDouble() is { } x && b.AsDouble() is { } y && x == y);

    private T Call<T>(ClipClaim claim, string operation, Func<T> call) => _guard.Invoke(claim.Format.Plugin, $"{claim.Format.Format.Id}.{operation}", call);

    private sealed record Source(ClipClaim Claim, IClipReader Reader, ClipInfo Info)
    {
        public string Id => Claim.Format.Format.Id;
    }
}
