using System.Globalization;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;
using K = Rushes.Plugins.Containers.Mxf.Labels.SetKind;

namespace Rushes.Plugins.Containers.Mxf;

/// <summary>The vendor set of an MXF file: the header metadata values read, namespaced "MXF:".</summary>
internal static class MxfVendor
{
    public static MetadataSet Build(PartitionPack pack, HeaderMetadata h, LocalSet? identification, LocalSet? material, IReadOnlyList<LocalSet> sources, LocalSet? picture, Timecode? timecode, IReadOnlyList<LocalSet> rdd18)
    {
        var set = MetadataSet.Create();
        void Text(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                set.Set(key, MetadataValue.Of(value));
            }
        }

        void Integer(string key, long? value)
        {
            if (value is { } v)
            {
                set.Set(key, MetadataValue.Of(v, MetadataUnit.None));
            }
        }

        Text("MXF:Partition/Version", $"{pack.MajorVersion}.{pack.MinorVersion}");
        Text("MXF:Partition/OperationalPattern", pack.OperationalPattern.ToString());
        Text("MXF:Partition/EssenceContainers", string.Join(' ', pack.EssenceContainers));
        Integer("MXF:Partition/KAGSize", pack.KagSize);
        if (identification is not null)
        {
            Text("MXF:Identification/CompanyName", identification.Text(Tags.CompanyName));
            Text("MXF:Identification/ProductName", identification.Text(Tags.ProductName));
            Text("MXF:Identification/VersionString", identification.Text(Tags.VersionString));
            Text("MXF:Identification/Platform", identification.Text(Tags.Platform));
        }

        Text("MXF:MaterialPackage/PackageName", material?.Text(Tags.PackageName));
        Text("MXF:MaterialPackage/PackageUID", Hex(material, Tags.PackageUid));
        for (var i = 0; i < sources.Count; i++)
        {
            Text($"MXF:SourcePackage[{i}]/PackageName", sources[i].Text(Tags.PackageName));
            Text($"MXF:SourcePackage[{i}]/PackageUID", Hex(sources[i], Tags.PackageUid));
            Text($"MXF:SourcePackage[{i}]/Descriptor", MxfNormalizer.Descriptor(h, sources[i]) is { } d ? SetName(d.Key) : null);
        }

        if (timecode is { } tc)
        {
            Text("MXF:TimecodeComponent/StartTimecode", tc.ToString());
            Integer("MXF:TimecodeComponent/StartFrames", tc.FrameOfDay);
            Integer("MXF:TimecodeComponent/RoundedTimecodeBase", tc.Rate.TimecodeBase);
            set.Set("MXF:TimecodeComponent/DropFrame", MetadataValue.Of(tc.DropFrame));
        }

        if (picture is not null)
        {
            Text("MXF:PictureDescriptor/Kind", SetName(picture.Key));
            foreach (var (tag, name) in new[]
                     {
                         (Tags.StoredWidth, "StoredWidth"), (Tags.StoredHeight, "StoredHeight"), (Tags.SampledWidth, "SampledWidth"), (Tags.SampledHeight, "SampledHeight"),
                         (Tags.DisplayWidth, "DisplayWidth"), (Tags.DisplayHeight, "DisplayHeight"), (Tags.ComponentDepth, "ComponentDepth"), (Tags.ContainerDuration, "ContainerDuration"),
                     })
            {
                Integer($"MXF:PictureDescriptor/{name}", picture.Integer(tag));
            }

            foreach (var (tag, name) in new[] { (Tags.SampleRate, "SampleRate"), (Tags.AspectRatio, "AspectRatio") })
            {
                if (picture.Fraction(tag) is { } r)
                {
                    set.Set($"MXF:PictureDescriptor/{name}", MetadataValue.Of(r, MetadataUnit.None));
                }
            }

            foreach (var (tag, name) in new[] { (Tags.PictureEssenceCoding, "PictureEssenceCoding"), (Tags.TransferCharacteristic, "TransferCharacteristic"), (Tags.ColorPrimaries, "ColorPrimaries") })
            {
                Text($"MXF:PictureDescriptor/{name}", picture.Label(tag)?.ToString());
            }
        }

        // Descriptive (DMS-1) and RDD 18 sets: every property, by its UL where the primer has one, as hex.
        var descriptive = h.Sets.Where(s => s.Key.StartsWith(Labels.DescriptiveSet, 12)).ToList();
        for (var i = 0; i < descriptive.Count; i++)
        {
            Properties($"MXF:Descriptive[{i}]", descriptive[i]);
        }

        for (var i = 0; i < rdd18.Count; i++)
        {
            Properties($"MXF:RDD18[{i}]", rdd18[i]);
        }

        return set.Build();

        void Properties(string prefix, LocalSet s)
        {
            Text($"{prefix}/Key", s.Key.ToString());
            foreach (var (tag, value) in s.Properties.OrderBy(p => p.Key))
            {
                var name = h.Primer.TryGetValue(tag, out var ul) ? ul.ToString() : tag.ToString("x4", CultureInfo.InvariantCulture);
                Text($"{prefix}/{name}", Convert.ToHexString(value));
            }
        }
    }

    private static string? Hex(LocalSet? set, ushort tag) => set is not null && set.Properties.TryGetValue(tag, out var v) ? Convert.ToHexString(v) : null;

    /// <summary>A structural set's name by byte 14 of its key (ST 377-1 Annex A), for the vendor set.</summary>
    private static string SetName(Ul key) => HeaderMetadata.IsStructural(key, K.CdciDescriptor) ? "CDCIEssenceDescriptor"
        : HeaderMetadata.IsStructural(key, K.RgbaDescriptor) ? "RGBAEssenceDescriptor"
        : HeaderMetadata.IsStructural(key, K.Mpeg2VideoDescriptor) ? "MPEG2VideoDescriptor"
        : HeaderMetadata.IsStructural(key, K.MultipleDescriptor) ? "MultipleDescriptor"
        : HeaderMetadata.IsStructural(key, K.TapeDescriptor) ? "TapeDescriptor"
        : HeaderMetadata.IsStructural(key, K.ImportDescriptor) ? "ImportDescriptor"
        : key.ToString();
}
