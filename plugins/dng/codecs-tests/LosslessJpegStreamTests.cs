using Rushes.Plugins.Dng.TestKit;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>Stream features the testkit's encoder does not write itself: point transform, several tables, extra segments, third-party streams.</summary>
public class LosslessJpegStreamTests
{
    // A valid DC table (lengths 2,2,3,3,...,9,9,10; Kraft sum below 1) listing the 17 categories in reverse order.
    private static byte[] Decoy => [0xFF, 0xC4, 0x00, 0x24, 0x00, 0, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

    [Theory]
    [InlineData(16, 4, 1)]
    [InlineData(14, 2, 7)]
    [InlineData(12, 1, 4)]
    public void The_point_transform_shifts_the_decoded_samples_left(int precision, int pt, int predictor)
    {
        // Pt > 0 codes samples shifted right by Pt, with the initial prediction 2^(P-Pt-1) (T.81 H.1.1, H.1.2.1).
        // The same prediction arises from coding the shifted samples at precision P-Pt; then the headers say P and Pt.
        const int width = 21, height = 6;
        var coded = TestImages.Samples(width, height, 2, precision - pt, seed: pt);
        var stream = Lj92Encoder.Encode(coded, width, height, 2, precision - pt, predictor);
        stream[JpegSegments.Find(stream, 0xC3) + 4] = (byte)precision;
        stream[JpegSegments.EntropyStart(stream) - 1] = (byte)pt;

        var decoded = new ushort[coded.Length];
        var frame = LosslessJpeg.Decode(stream, decoded, "pt.dng");

        Assert.Equal(precision, frame.Precision);
        Assert.Equal(coded.Select(v => (ushort)(v << pt)), decoded);
    }

    [Fact]
    public void Each_component_uses_the_table_its_scan_header_selects()
    {
        // Table 1 is the encoder's; table 0 is a different, valid table. Decoding is exact only through table 1.
        var samples = TestImages.Samples(16, 5, 2, 12, seed: 8);
        var stream = Lj92Encoder.Encode(samples, 16, 5, 2, 12, 1);
        var dht = JpegSegments.Find(stream, 0xC4);
        stream[dht + 4] = 0x01;
        var decoy = Decoy;
        stream = JpegSegments.InsertBefore(stream, 0xC4, decoy);
        var entropy = JpegSegments.EntropyStart(stream);
        stream[entropy - 6] = 0x10; // component 1: DC table 1
        stream[entropy - 4] = 0x10; // component 2: DC table 1

        var decoded = new ushort[samples.Length];
        LosslessJpeg.Decode(stream, decoded, "tables.dng");

        Assert.Equal(samples, decoded);
    }

    [Fact]
    public void Two_tables_in_one_segment_and_a_later_redefinition_are_read()
    {
        var samples = TestImages.Samples(16, 5, 1, 12, seed: 8);
        var stream = Lj92Encoder.Encode(samples, 16, 5, 1, 12, 1);
        var dht = JpegSegments.Find(stream, 0xC4);
        var length = (stream[dht + 2] << 8) | stream[dht + 3];
        var table = stream[(dht + 4)..(dht + 2 + length)];

        // One DHT holding table 2 and then table 0 (both the encoder's), after a DHT that set table 0 to a decoy.
        var decoy = Decoy;
        byte[] both = [0xFF, 0xC4, (byte)((2 + (2 * table.Length)) >> 8), (byte)(2 + (2 * table.Length)), 0x02, .. table[1..], .. table];
        stream = JpegSegments.Remove(stream, 0xC4);
        stream = JpegSegments.InsertBefore(stream, 0xDA, [.. decoy, .. both]);

        var decoded = new ushort[samples.Length];
        LosslessJpeg.Decode(stream, decoded, "tables.dng");

        Assert.Equal(samples, decoded);
    }

    [Fact]
    public void Application_segments_comments_and_fill_bytes_are_skipped()
    {
        var samples = TestImages.Samples(9, 9, 1, 16, seed: 4);
        var stream = Lj92Encoder.Encode(samples, 9, 9, 1, 16, 7, restartRows: 4);
        byte[] app1 = [0xFF, 0xE1, 0x00, 0x06, (byte)'E', (byte)'x', (byte)'i', (byte)'f'];
        byte[] comment = [0xFF, 0xFF, 0xFF, 0xFE, 0x00, 0x04, (byte)'h', (byte)'i'];
        stream = JpegSegments.InsertBefore(stream, 0xC3, app1);
        stream = JpegSegments.InsertBefore(stream, 0xDA, comment);

        // Fill bytes before each restart marker and before EOI (T.81 B.1.1.2).
        var padded = new List<byte>();
        for (var i = 0; i < stream.Length; i++)
        {
            if (i > JpegSegments.EntropyStart(stream) && stream[i] == 0xFF && stream[i + 1] is >= 0xD0 and <= 0xD9)
            {
                padded.AddRange([0xFF, 0xFF]);
            }

            padded.Add(stream[i]);
        }

        var decoded = new ushort[samples.Length];
        LosslessJpeg.Decode([.. padded], decoded, "segments.dng");

        Assert.Equal(samples, decoded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ffmpeg_lossless_jpeg_streams_decode_as_ffmpeg_decodes_them(int ffmpegPredictor)
    {
        // A third-party encoder and decoder: FFmpeg's ljpeg codes BGR as 3 components of 9 bits, 1×1 sampled, with
        // separate tables for the first and the other two (and the unused AC tables of motion JPEG). Its components
        // are a reversible colour transform of B, G, R (libavcodec ljpegenc.c): Y = (B + 2G + R) >> 2,
        // Cb = B - G + 256, Cr = R - G + 256, which the test inverts to compare with FFmpeg's own decode.
        const int width = 66, height = 44;
        WithFfmpegStream(width, height, "bgr24", ffmpegPredictor, (jpeg, reference) =>
        {
            var decoded = new ushort[width * height * 3];
            var frame = LosslessJpeg.Decode(jpeg, decoded, "ffmpeg.jpg");

            Assert.Equal(new Lj92Frame(width, height, 3, 9, ffmpegPredictor), frame);
            for (var i = 0; i < width * height; i++)
            {
                int y = decoded[3 * i], cb = decoded[(3 * i) + 1], cr = decoded[(3 * i) + 2];
                var g = y - ((cb + cr - 512) >> 2);
                Assert.Equal(reference[(3 * i) + 0], cb - 256 + g);
                Assert.Equal(reference[(3 * i) + 1], g);
                Assert.Equal(reference[(3 * i) + 2], cr - 256 + g);
            }
        });
    }

    [Fact]
    public void Ffmpeg_streams_with_multi_sample_blocks_are_refused_as_unsupported()
    {
        // FFmpeg codes 4:4:4 YUV with 1×2 sampling factors, so each MCU holds two lines of every component: valid
        // T.81, but no DNG writer does that, and the decoder says so rather than misreading it.
        WithFfmpegStream(64, 48, "yuvj444p", 1, (jpeg, _) =>
        {
            var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => LosslessJpeg.Decode(jpeg, new ushort[64 * 48 * 3], "ffmpeg.jpg"));
            Assert.Equal("LJ92 SOF3 sampling factors", error.Field);
        });
    }

    private static void WithFfmpegStream(int width, int height, string pixelFormat, int predictor, Action<byte[], byte[]> check)
    {
        var folder = Directory.CreateTempSubdirectory("rushes-lj92-").FullName;
        try
        {
            var jpeg = Path.Combine(folder, "frame.jpg");
            var pixels = Path.Combine(folder, "frame.raw");
            ReferenceTool.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}", "-frames:v", "1", "-pix_fmt", pixelFormat,
                "-c:v", "ljpeg", "-pred", $"{predictor}", "-f", "image2", jpeg], TimeSpan.FromSeconds(60)).EnsureSuccess("ffmpeg ljpeg encode");
            ReferenceTool.Run("ffmpeg", ["-v", "error", "-y", "-i", jpeg, "-f", "rawvideo", "-pix_fmt", pixelFormat, pixels], TimeSpan.FromSeconds(60))
                .EnsureSuccess("ffmpeg ljpeg decode");
            check(File.ReadAllBytes(jpeg), File.ReadAllBytes(pixels));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
