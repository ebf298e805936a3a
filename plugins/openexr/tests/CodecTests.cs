using Rushes.Contracts.Time;
using Rushes.Plugins.OpenExr.Compression;
using Rushes.Plugins.OpenExr.Deliverable;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>The codecs on their own: lossless on awkward data, and the timecode packing.</summary>
public sealed class CodecTests
{
    public static TheoryData<string> Patterns() => ["zeros", "constant", "ramp", "noise", "sparse"];

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Every_codec_is_lossless(string pattern)
    {
        foreach (var (width, lines) in new[] { (1, 1), (3, 1), (17, 16), (64, 32), (33, 7) })
        {
            foreach (var bytes in new[] { new[] { 2, 2, 2 }, new[] { 4, 4, 4, 4 }, new[] { 2, 4 } })
            {
                var layout = new ChunkLayout(width, lines, bytes);
                var raw = Fill(pattern, layout.Bytes);
                foreach (var compression in new[] { ExrCompression.Rle, ExrCompression.Zips, ExrCompression.Zip, ExrCompression.Piz })
                {
                    var packed = new byte[raw.Length];
                    var length = ChunkCodec.Compress(compression, raw, layout, packed, 4);
                    var stored = length < 0 ? raw : packed[..length];
                    var back = new byte[raw.Length];
                    ChunkCodec.Decompress(compression, new ArraySegment<byte>(stored), layout, back, "test", "chunk");
                    Assert.True(raw.AsSpan().SequenceEqual(back), $"{compression} {pattern} {width}x{lines} [{string.Join(',', bytes)}]");
                    if (pattern is "zeros" or "constant" && raw.Length >= 256)
                    {
                        Assert.True(length > 0 && length < raw.Length / 4, $"{compression} should shrink {pattern} data ({length} of {raw.Length}).");
                    }
                }
            }
        }
    }

    [Fact]
    public void Rle_encodes_runs_and_literals_as_openexr_does()
    {
        byte[] data = [5, 5, 5, 5, 1, 2, 3, 9, 9, 9];
        var packed = new byte[data.Length];
        var length = RleCodec.Encode(data, packed);
        // Run of four (count 3), three literals (count -3), run of three (count 2).
        Assert.Equal(new byte[] { 3, 5, 0xfd, 1, 2, 3, 2, 9 }, packed[..length]);
    }

    [Theory]
    [InlineData("01:02:03:04", 24, 1, 0x01020304u)]
    [InlineData("23:59:59:23", 24, 1, 0x23595923u)]
    [InlineData("10:00:00;02", 30000, 1001, 0x10000042u)]
    [InlineData("00:00:01:49", 50, 1, 0x00008124u)]
    public void Timecodes_pack_as_smpte_bcd(string text, int numerator, int denominator, uint packed)
    {
        var rate = new FrameRate(numerator, denominator);
        Assert.Equal(packed, TimecodePacking.Pack(Timecode.Parse(text, rate)));
    }

    private static byte[] Fill(string pattern, int length)
    {
        var random = new Random(length);
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = pattern switch
            {
                "zeros" => 0,
                "constant" => (byte)(i % 2 == 0 ? 0x3c : 0x00),
                "ramp" => (byte)(i / 3),
                "noise" => (byte)random.Next(256),
                _ => random.Next(50) == 0 ? (byte)random.Next(256) : (byte)0,
            };
        }

        return data;
    }
}
