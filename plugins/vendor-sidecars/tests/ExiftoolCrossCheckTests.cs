using System.Globalization;
using Rushes.Plugins.VendorSidecars.Sony;
using Rushes.Testing;
using static Rushes.Plugins.VendorSidecars.Tests.Samples;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>
/// exiftool reads Sony's NRT XML as generic XML (its XMP module names each attribute by its element path,
/// NonRealTimeMetaCameraModelName…; -n keeps its values as written except fractions, which it reduces): our reading of the same file must give the same values. exiftool has no reader
/// for the ARRI, RED or Canon CSVs or the BMD dump (it reports them as plain text), so those are checked by hand.
/// </summary>
public sealed class ExiftoolCrossCheckTests
{
    [Fact]
    public void Sony_xml_attributes_and_items_match_exiftool()
    {
        var xml = Path.Combine(Folder("venice"), "D001C005_210716AGM01.xml");
        var lines = ReferenceTool.Run("exiftool", ["-a", "-S", "-n", xml]).EnsureSuccess("exiftool").StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(": ", 2))
            .Where(p => p.Length == 2 && p[0].StartsWith("NonRealTimeMeta", StringComparison.Ordinal))
            .Select(p => (Tag: p[0]["NonRealTimeMeta".Length..], Value: p[1].TrimEnd('\r')))
            .ToList();
        string First(string tag) => lines.First(l => l.Tag == tag).Value;

        using var reader = Open(new SonyNrtFormat(), Folder("venice"));
        var vendor = reader.Metadata.Vendor;
        var normalized = reader.Metadata.Normalized;
        Assert.Equal(First("DurationValue"), vendor["Sony:Duration@value"].AsText());
        Assert.Equal(First("DurationValue"), normalized["clip.frame_count"].AsInteger()!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(First("LtcChangeTableLtcChangeValue"), vendor["Sony:LtcChangeTable/LtcChange[0]@value"].AsText());
        Assert.Equal(First("VideoFormatVideoFrameVideoCodec"), vendor["Sony:VideoFormat/VideoFrame@videoCodec"].AsText());
        Assert.Equal(First("VideoFormatVideoFrameCaptureFps"), vendor["Sony:VideoFormat/VideoFrame@captureFps"].AsText());
        Assert.Equal(First("VideoFormatVideoLayoutPixel"), normalized["image.width"].AsInteger()!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(First("VideoFormatVideoLayoutNumOfVerticalLine"), normalized["image.height"].AsInteger()!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(First("CameraManufacturer"), normalized["camera.make"].AsText());
        Assert.Equal(First("CameraModelName"), normalized["camera.model"].AsText());
        Assert.Equal(First("CameraSerialNo"), normalized["camera.serial"].AsText());
        Assert.Equal(First("CameraElementSoftware"), normalized["camera.firmware"].AsText());
        Assert.Equal(First("CreationDateValue"), normalized["clip.recorded_at"].AsDateTime()!.Value.ToString("yyyy:MM:dd HH:mm:sszzz", CultureInfo.InvariantCulture));

        // Items come out as name/value pairs in document order.
        var names = lines.Where(l => l.Tag == "AcquisitionRecordGroupItemName").Select(l => l.Value).ToList();
        var values = lines.Where(l => l.Tag == "AcquisitionRecordGroupItemValue").Select(l => l.Value).ToList();
        Assert.Equal(names.Count, values.Count);
        Assert.True(names.Count >= 20, "exiftool lists the AcquisitionRecord items");
        var ours = vendor.Where(e => e.Key.StartsWith("Sony:AcquisitionRecord/", StringComparison.Ordinal)).ToDictionary(e => e.Key[(e.Key.LastIndexOf('/') + 1)..], e => e.Value.AsText());
        for (var i = 0; i < names.Count; i++)
        {
            // exiftool's XMP reader turns a fraction such as "5674/5674" into its value (1) even with -n.
            var same = values[i] == ours[names[i]]
                       || (Rushes.Contracts.Metadata.Rational.TryParse(ours[names[i]], out var fraction) && double.TryParse(values[i], CultureInfo.InvariantCulture, out var number)
                           && Math.Abs(fraction.ToDouble() - number) < 1e-12);
            Assert.True(same, $"{names[i]}: exiftool '{values[i]}', ours '{ours[names[i]]}'");
        }
    }
}
