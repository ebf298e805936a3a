using Rushes.Contracts.Metadata;
using static Rushes.Plugins.Containers.Tests.Bytes;
using static Rushes.Plugins.Containers.Tests.Fixtures;
using static Rushes.Plugins.Containers.Tests.MxfBytes;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>
/// RDD 18 acquisition metadata and DMS-1 descriptive sets, which ffmpeg does not write: built here by hand from
/// the keys and local tags in the sources the reader names (RDD 18 via camera-formats.md §1.5; ST 377-1 local sets),
/// and spliced into the ffmpeg fixture after (RDD 18, as cameras write it with the first content package) or into
/// (DMS-1) its header metadata.
/// </summary>
public sealed class AcquisitionMetadataTests : IDisposable
{
    private const string CameraUnitKey = "06.0e.2b.34.02.53.01.01.0c.02.01.01.02.01.00.00";
    private const string LensUnitKey = "06.0e.2b.34.02.53.01.01.0c.02.01.01.01.01.00.00";

    /// <summary>A DMS-1 production framework key (SMPTE ST 380 set in the 0d.01.04.01.01 node).</summary>
    private const string DescriptiveKey = "06.0e.2b.34.02.53.01.01.0d.01.04.01.01.01.01.00";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rdd18_camera_and_lens_sets_after_the_header_are_normalized_with_units_converted()
    {
        var camera = LocalSet(CameraUnitKey,
            (0x8106, Hex("00000018 00000001")),   // capture frame rate 24/1 (Rational: two 32-bit integers)
            (0x8108, Hex("00002A30")),            // shutter angle 10800 sixtieths of a degree = 180°
            (0x810B, Hex("0320")),                // ISO 800
            (0x810E, Hex("15E0")));               // white balance 5600 K
        var lens = LocalSet(LensUnitKey,
            (0x8000, Hex("C000")));               // iris code 49152: F = 2^((1 − 49152/65536)·8) = 2^2 = 4
        var bytes = InsertAfterHeaderMetadata(System.IO.File.ReadAllBytes(File("mpeg2-df.mxf")), [.. camera, .. lens], inside: false);

        using var r = Open(MxfContainer, _temp.Write("rdd18.mxf", bytes));
        Assert.Equal(new Rational(24, 1), N(r, F.CaptureFrameRate).AsRational());
        Assert.Equal(180.0, N(r, F.ShutterAngle).AsDouble());
        Assert.Equal(new Rational(1, 48), N(r, F.ShutterTime).AsRational());   // 180 / 360 / 24
        Assert.Equal(800, N(r, F.ExposureIndex).AsInteger());
        Assert.Equal(5600.0, N(r, F.WhiteBalanceKelvin).AsDouble());
        Assert.Equal(4.0, N(r, F.FStop).AsDouble());
        Assert.Equal(CameraUnitKey, V(r, "MXF:RDD18[0]/Key").AsText());
        Assert.Equal("00002A30", V(r, "MXF:RDD18[0]/8108").AsText());
        Assert.Equal(LensUnitKey, V(r, "MXF:RDD18[1]/Key").AsText());

        // The rest of the clip reads as before, and the document is still valid.
        Assert.Equal("10:00:00;00", N(r, F.TimecodeIn).AsTimecode().ToString());
        _ = Document(r);
    }

    [Fact]
    public void Descriptive_sets_inside_the_header_are_kept_in_the_vendor_set_named_by_the_primer()
    {
        var dms = LocalSet(DescriptiveKey,
            (0x3C0A, Hex("0102030405060708090a0b0c0d0e0f10")),  // InstanceUID: a static tag the primer maps
            (0xFF01, Hex("0041003000300031")));                    // a tag the primer does not map: kept by number
        var bytes = InsertAfterHeaderMetadata(System.IO.File.ReadAllBytes(File("mpeg2-df.mxf")), dms, inside: true);

        using var r = Open(MxfContainer, _temp.Write("dms.mxf", bytes));
        Assert.Equal(DescriptiveKey, V(r, "MXF:Descriptive[0]/Key").AsText());
        // ST 377-1 / RP 210: InstanceUID is 06.0e.2b.34.01.01.01.01.01.01.15.02.00.00.00.00.
        Assert.Equal("0102030405060708090A0B0C0D0E0F10", V(r, "MXF:Descriptive[0]/06.0e.2b.34.01.01.01.01.01.01.15.02.00.00.00.00").AsText());
        Assert.Equal("0041003000300031", V(r, "MXF:Descriptive[0]/ff01").AsText());
        Assert.Equal("A001C003", N(r, F.Reel).AsText());
    }

    [Fact]
    public void An_rdd18_set_claiming_more_than_the_file_holds_is_refused()
    {
        var camera = LocalSet(CameraUnitKey, (0x810B, Hex("0320")));
        camera[17] = 0x7F;   // the 3-byte BER length now claims about 8 MB
        var bytes = InsertAfterHeaderMetadata(System.IO.File.ReadAllBytes(File("mpeg2-df.mxf")), camera, inside: false);
        var path = _temp.Write("bad-rdd18.mxf", bytes);
        var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => MxfContainer.Open(QuickTimeBadInputTests.Location(path)));
        Assert.Contains("truncated or oversized KLV", error.Message, StringComparison.Ordinal);
    }
}
