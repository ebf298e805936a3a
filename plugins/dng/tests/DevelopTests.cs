using System.Buffers.Binary;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.TestKit;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>Decoding to RGB through the whole pipeline: golden images, the colour of a neutral, exposure, parameters and opcodes.</summary>
public sealed class DevelopTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A flat grey card: every photosite is the camera's response to a neutral (AsShotNeutral) at a quarter of the range.</summary>
    private static DngFile GreyCard(int samplesPerPixel = 1) => new()
    {
        Width = 16,
        Height = 12,
        SamplesPerPixel = samplesPerPixel,
        Samples = [.. Enumerable.Range(0, 16 * 12 * samplesPerPixel).Select(i =>
        {
            var colour = samplesPerPixel == 3 ? i % 3 : "RGGB"[((i / 16 % 2) * 2) + (i % 2)] switch { 'R' => 0, 'G' => 1, _ => 2 };
            return (ushort)Math.Round(1000 + ((new[] { 0.5, 1, 0.75 }[colour] * 0.25) * (61000 - 1000)));
        })],
        BlackLevel = [.. Enumerable.Repeat(1000.0, samplesPerPixel)],
        WhiteLevel = [.. Enumerable.Repeat(61000u, samplesPerPixel)],
        AsShotNeutral = [0.5, 1, 0.75],
        BaselineExposure = 0.5,
    };

    [Theory]
    [InlineData("edge-directed", ResolutionLevel.Full)]
    [InlineData("malvar-he-cutler", ResolutionLevel.Full)]
    [InlineData("bilinear", ResolutionLevel.Half)]
    public void Decoded_ACES_matches_the_golden_image(string method, ResolutionLevel resolution)
    {
        var path = _folder.Write("golden.dng", Fixtures.Camera(48, 32, 14, DngCompression.LosslessJpeg) is var dng
            ? new DngFile
            {
                Width = 48,
                Height = 32,
                BitsPerSample = 14,
                Compression = DngCompression.LosslessJpeg,
                TileWidth = 32,
                TileHeight = 32,
                Samples = dng.Samples,
                BlackLevel = [64],
                WhiteLevel = [16383],
                ColorMatrix1 = dng.ColorMatrix1,
                ColorMatrix2 = dng.ColorMatrix2,
                AsShotNeutral = dng.AsShotNeutral,
                BaselineExposure = 0.5,
                ActiveArea = [2, 2, 32, 46],
                DefaultCropOrigin = [2, 2],
                DefaultCropSize = [40, 26],
            }
            : null!);

        using var frame = Decoding.Rgb(path, resolution, ("debayer", method));

        Assert.Equal("ACES2065-1", frame.ColourEncoding);
        Assert.Equal("urn:rushes:transformId:IDT.Rushes.DNG_CameraColour_to_ACES2065-1.a1.v1", frame.AppliedInputTransformId);
        var image = Assert.IsType<PlanarImage>(frame.Image);
        Assert.Equal(resolution == ResolutionLevel.Full ? (40, 26) : (20, 13), (image.Width, image.Height));
        Golden.VerifyImage(FloatImage.FromPlanar(image), $"{method}-{resolution}", new ImageTolerance(1e-5, 100));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_grey_card_develops_to_neutral_grey_with_the_baseline_exposure(int samplesPerPixel)
    {
        var path = _folder.Write($"grey-{samplesPerPixel}.dng", GreyCard(samplesPerPixel));

        using var linear = Decoding.Rgb(path, ResolutionLevel.Full, ("output-space", "camera-linear"));
        using var aces = Decoding.Rgb(path);
        using var brighter = Decoding.Rgb(path, ResolutionLevel.Full, ("exposure", "1"));

        // White-balanced camera RGB: 0.25 of the range in every channel, times 2^BaselineExposure.
        var expected = 0.25 * Math.Pow(2, 0.5);
        var camera = Assert.IsType<PlanarImage>(linear.Image);
        var acesImage = Assert.IsType<PlanarImage>(aces.Image);
        var brighterImage = Assert.IsType<PlanarImage>(brighter.Image);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(expected, camera.GetRow(c, 6)[8], 2e-4);
            // A neutral lands on the ACES white: equal AP0 components.
            Assert.Equal(acesImage.GetRow(1, 6)[8], acesImage.GetRow(c, 6)[8], 1e-4);
            Assert.Equal(2 * acesImage.GetRow(c, 6)[8], brighterImage.GetRow(c, 6)[8], 1e-4);
        }

        Assert.Equal("camera-linear", linear.ColourEncoding);
        Assert.Null(linear.AppliedInputTransformId);
    }

    [Fact]
    public void Kelvin_and_multiplier_white_balance_change_the_colour()
    {
        var path = _folder.Write("wb.dng", GreyCard());
        using var warm = Decoding.Rgb(path, ResolutionLevel.Full, ("white-balance", "kelvin"), ("kelvin", "3200"));
        using var cool = Decoding.Rgb(path, ResolutionLevel.Full, ("white-balance", "kelvin"), ("kelvin", "9000"));
        using var multiplied = Decoding.Rgb(path, ResolutionLevel.Full, ("white-balance", "multipliers"), ("multipliers", "2,1,1.3333333"), ("output-space", "camera-linear"));

        float Ratio(DecodedFrame f) => ((PlanarImage)f.Image).GetRow(0, 6)[8] / ((PlanarImage)f.Image).GetRow(2, 6)[8];
        // Balancing a grey for a lower temperature than its light makes it bluer, for a higher one redder.
        Assert.True(Ratio(warm) < Ratio(cool), $"red/blue {Ratio(warm)} at 3200 K is not below {Ratio(cool)} at 9000 K");
        Assert.Equal(1, Ratio(multiplied), 1e-3);
    }

    [Theory]
    [InlineData("debayer", "ahd", "debayer")]
    [InlineData("exposure", "99", "exposure")]
    [InlineData("multipliers", "1,2", "multipliers")]
    [InlineData("colour", "x", "colour")]
    public void Bad_parameters_are_input_errors_naming_the_parameter(string name, string value, string field)
    {
        var path = _folder.Write("params.dng", GreyCard());
        var error = Assert.Throws<InputException>(() => Decoding.Rgb(path, ResolutionLevel.Full, (name, value)).Dispose());
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_unknown_optional_opcode_is_skipped_with_a_warning_and_a_mandatory_one_refused()
    {
        var optional = GreyCard();
        optional.ExtraRawFields[0xC741] = TiffValue.Undefined(OpcodeList(id: 99, flags: 1));
        using (var frame = Decoding.Rgb(_folder.Write("optional.dng", optional)))
        {
            var warning = Assert.Single(frame.Diagnostics);
            Assert.Equal("dng.opcode-skipped", warning.Code);
        }

        var mandatory = GreyCard();
        mandatory.ExtraRawFields[0xC741] = TiffValue.Undefined(OpcodeList(id: 99, flags: 0));
        Assert.Equal("OpcodeList2", Assert.Throws<InputException>(() => Decoding.Rgb(_folder.Write("mandatory.dng", mandatory)).Dispose()).Field);
    }

    [Fact]
    public void The_mosaic_output_has_the_pattern_of_the_active_area()
    {
        var dng = GreyCard();
        var path = _folder.Write("mosaic.dng", new DngFile { Width = 16, Height = 12, Samples = dng.Samples, ActiveArea = [1, 1, 11, 15], CfaPattern = "RGGB" });

        using var mosaic = Decoding.Mosaic(path);

        Assert.Equal((14, 10), (mosaic.Width, mosaic.Height));
        Assert.Equal(CfaPattern.Rggb, mosaic.Pattern);
    }

    // DNG opcode list: big-endian count, then id, DNG version, flags and parameter size (DNG 1.7.1 chapter 7).
    private static byte[] OpcodeList(uint id, uint flags)
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 1);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), id);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 0x01030000);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), flags);
        return bytes;
    }

    public void Dispose() => _folder.Dispose();
}
