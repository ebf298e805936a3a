using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Plugins.Dng.TestKit;
using Rushes.Testing;
using Xunit.Abstractions;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>
/// LibRaw (dcraw_emu from libraw-bin) decodes the same files: unprocessed_raw's stored values are our stored mosaic, dcraw_emu's
/// black- and white-scaled photosites without interpolation (-disinterp, unit multipliers) are our normalized mosaic, and its bilinear
/// demosaic of camera RGB (-q 0) is ours.
/// </summary>
public sealed class LibRawTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    // Debian's LibRaw 0.20 cannot unpack Deflate DNGs ("Corrupted data") and on two-component lossless JPEG CFA tiles
    // agrees with the writer and with us only on each tile's first row, so those two layouts are checked against the writer's samples alone
    // (CompressedDecodeTests) and, for the JPEG streams, by the codecs' FFmpeg cross-check.
    public static TheoryData<string> Kinds() => ["uncompressed-16", "packed-12", "packed-10-be", "lj92-tiled"];

    private static DngFile Fixture(string kind, ushort[] samples, int bits) => new()
    {
        Width = 64,
        Height = 48,
        Samples = samples,
        BitsPerSample = bits,
        BigEndian = kind.EndsWith("-be", StringComparison.Ordinal),
        Compression = kind switch
        {
            "lj92-tiled" => DngCompression.LosslessJpeg,
            _ => DngCompression.Uncompressed,
        },
        TileWidth = kind.Contains("tile", StringComparison.Ordinal) ? 32 : 0,
        TileHeight = kind.Contains("tile", StringComparison.Ordinal) ? 16 : 0,
        BlackLevel = [bits == 16 ? 2048 : bits == 12 ? 256 : 64],
        WhiteLevel = [(uint)((1 << bits) - 1)],
    };

    private static int BitsOf(string kind) => kind switch { "packed-12" => 12, "packed-10-be" => 10, "lj92-tiled" => 14, _ => 16 };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Our_stored_and_scaled_mosaics_match_LibRaw_exactly(string kind)
    {
        var bits = BitsOf(kind);
        var samples = Fixtures.Samples(64, 48, bits);
        var fixture = Fixture(kind, samples, bits);
        var path = _folder.Write(kind + ".dng", fixture);

        // unprocessed_raw writes the raw values as stored, before any black subtraction, as FILE.pgm.
        ReferenceTool.Run("unprocessed_raw", ["-q", path]).EnsureSuccess($"unprocessed_raw {path}");
        var raw = Pnm.Read(path + ".pgm");
        Assert.Equal((64, 48, 1), (raw.Width, raw.Height, raw.Channels));
        Assert.Equal(samples, raw.Samples);

        using var mosaic = Decoding.Mosaic(path);
        var black = fixture.BlackLevel[0];
        var white = fixture.WhiteLevel[0];
        var ours = mosaic.Samples.ToArray();
        // Back in code values, our normalized mosaic is LibRaw's raw mosaic, photosite for photosite.
        Assert.Equal(raw.Samples, ours.Select(v => (ushort)Math.Round((v * (white - black)) + black)).ToArray());

        // dcraw_emu without interpolation: each photosite, black-subtracted and scaled to the white level, in its colour's channel.
        var scaled = Run(path, "scaled", "-disinterp", "-4", "-o", "0", "-r", "1", "1", "1", "1", "-c", "0", "-t", "0");
        var worst = 0.0;
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var channel = (int)mosaic.Pattern.ColourAt(x, y);
                var expected = Math.Clamp(mosaic.GetRow(y)[x], 0, 1) * 65535;
                worst = Math.Max(worst, Math.Abs(expected - scaled.Samples[(((y * 64) + x) * 3) + channel]));
            }
        }

        output.WriteLine($"{kind}: max |ours·65535 − dcraw_emu -disinterp| = {worst:F3} code values");
        // LibRaw scales by a float multiplier and rounds to 16 bits; one code value covers that.
        Assert.True(worst <= 1.0, $"{kind}: the scaled mosaic differs from LibRaw's by {worst:F3} code values");
    }

    [Fact]
    public void Our_bilinear_camera_rgb_matches_LibRaws()
    {
        // Above the black level: LibRaw clips below-black photosites to 0 before interpolating, we keep them signed.
        var samples = Fixtures.Samples(64, 48, 16, minimum: 2048);
        var path = _folder.Write("bilinear.dng", Fixture("uncompressed-16", samples, 16));
        var libraw = Run(path, "q0", "-4", "-o", "0", "-r", "1", "1", "1", "1", "-c", "0", "-t", "0", "-q", "0", "-H", "1");
        using var frame = Decoding.Rgb(path, ResolutionLevel.Full, ("debayer", "bilinear"), ("output-space", "camera-linear"), ("white-balance", "multipliers"), ("multipliers", "1,1,1"), ("highlights", "preserve"));
        var ours = Assert.IsType<PlanarImage>(frame.Image);

        var worst = 0.0;
        for (var y = 1; y < 47; y++)
        {
            for (var x = 1; x < 63; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var expected = libraw.Samples[(((y * 64) + x) * 3) + c] / 65535.0;
                    worst = Math.Max(worst, Math.Abs(Math.Clamp(ours.GetRow(c, y)[x], 0, 1) - expected));
                }
            }
        }

        output.WriteLine($"bilinear: max |ours − dcraw_emu -q 0| = {worst * 65535:F2} code values");
        // LibRaw rounds to 16-bit integers after scaling and again after interpolating; two code values cover both.
        Assert.True(worst <= 2.0 / 65535, $"bilinear differs from LibRaw's by {worst * 65535:F2} code values");
    }

    private static (int Width, int Height, int Channels, ushort[] Samples) Run(string dng, string name, params string[] options)
    {
        var target = Path.ChangeExtension(dng, $".{name}.pnm");
        ReferenceTool.Run("dcraw_emu", [.. options, "-Z", target, dng]).EnsureSuccess($"dcraw_emu {string.Join(' ', options)} {dng}");
        return Pnm.Read(target);
    }

    public void Dispose() => _folder.Dispose();
}
