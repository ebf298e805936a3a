using Rushes.Contracts.Plugins;
using Rushes.Plugins.Containers.Common;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>Finds the header partition, chooses the header metadata to read, and collects RDD 18 sets.</summary>
internal static class MxfReader
{
    /// <summary>ST 377-1 §6.5: a run-in before the header partition is at most 65 535 bytes.</summary>
    public const int MaxRunIn = 65535;

    /// <summary>How many KLV packets after the header metadata are searched for RDD 18 sets (the first content packages).</summary>
    private const int PacketsAfterHeader = 256;

    public static ContainerClip Read(FileWindow file, string clipName, CancellationToken cancellationToken)
    {
        var start = FindHeaderPartition(file);
        var headerKlv = Klv.Read(file, start, file.Length, "header partition pack");
        var header = PartitionPack.Read(file, headerKlv);
        if (header.Kind != PartitionPack.Header)
        {
            throw file.Error("header partition pack", $"the first partition is of kind 0x{header.Kind:X2}", "a header partition (kind 0x02)");
        }

        var diagnostics = new List<Diagnostic>();
        var (pack, metadataStart) = (header, headerKlv.End);
        if ((header.IsOpen || !header.IsComplete || header.HeaderByteCount == 0) && header.FooterPartition > 0)
        {
            // An open or incomplete header's metadata may be stale; a closed footer repeats the final one (ST 377-1 §6.2.3).
            var footerKlv = Klv.Read(file, header.FooterPartition, file.Length, "footer partition pack");
            if (PartitionPack.IsPartitionKey(footerKlv.Key) && PartitionPack.Read(file, footerKlv) is { Kind: PartitionPack.Footer, HeaderByteCount: > 0 } footer)
            {
                (pack, metadataStart) = (footer, footerKlv.End);
                diagnostics.Add(Diagnostic.Warning("The header partition is open or incomplete; the footer's header metadata is read.", file.Path));
            }
        }

        metadataStart = SkipFill(file, metadataStart);
        var metadata = HeaderMetadata.Read(file, metadataStart, pack.HeaderByteCount, cancellationToken);
        var rdd18 = metadata.Sets.Where(IsRdd18).ToList();
        rdd18.AddRange(Rdd18After(file, metadataStart + pack.HeaderByteCount, cancellationToken));
        return MxfNormalizer.Normalize(file, clipName, pack, metadata, rdd18, diagnostics);
    }

    public static bool IsRdd18(LocalSet set) => IsRdd18(set.Key);

    private static bool IsRdd18(Ul key) => key.Matches(Labels.Rdd18LensUnit) || key.Matches(Labels.Rdd18CameraUnit) || key.Matches(Labels.Rdd18UserDefined);

    /// <summary>The offset of the header partition pack: at 0, or after a run-in of at most <see cref="MaxRunIn"/> bytes.</summary>
    private static long FindHeaderPartition(FileWindow file)
    {
        var window = file.Read(0, Math.Min(file.Length, MaxRunIn + 16), "run-in");
        for (var at = 0; at + 16 <= window.Length; at++)
        {
            if (window[at] == 0x06 && PartitionPack.IsPartitionKey(Ul.Read(window.AsSpan(at))))
            {
                return at;
            }
        }

        throw file.Error("header partition pack", $"no partition pack key in the first {window.Length} bytes", $"a partition pack key {Labels.PartitionPack} within {MaxRunIn} bytes of the start");
    }

    /// <summary>Skips KLV fill after a partition pack, so that the header byte count starts at the primer pack (ST 377-1 §7.1 "HeaderByteCount").</summary>
    private static long SkipFill(FileWindow file, long offset)
    {
        for (var i = 0; i < 16 && file.Length - offset >= 17; i++)
        {
            var klv = Klv.Read(file, offset, file.Length, $"fill at byte {offset}");
            if (!(klv.Key[8] == 0x03 && klv.Key.StartsWith(Labels.Fill, 12)))
            {
                break;
            }

            offset = klv.End;
        }

        return offset;
    }

    /// <summary>RDD 18 sets among the first packets after the header metadata, up to the next partition.</summary>
    private static List<LocalSet> Rdd18After(FileWindow file, long offset, CancellationToken cancellationToken)
    {
        var sets = new List<LocalSet>();
        for (var i = 0; i < PacketsAfterHeader && file.Length - offset >= 17; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var klv = Klv.Read(file, offset, file.Length, $"packet at byte {offset}");
            if (PartitionPack.IsPartitionKey(klv.Key))
            {
                break;
            }

            if (IsRdd18(klv.Key))
            {
                sets.Add(HeaderMetadata.ReadLocalSet(file, klv));
            }

            offset = klv.End;
        }

        return sets;
    }
}
