using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Codecs.Tests;

/// <summary>Unpacks what the testkit's BitPacker packs, at every supported width and both byte orders.</summary>
public class PackedSamplesTests
{
    [Theory]
    [InlineData(10, 37, 5)]
    [InlineData(12, 37, 5)]
    [InlineData(14, 37, 5)]
    [InlineData(10, 4, 3)]
    [InlineData(12, 1, 4)]
    [InlineData(14, 300, 7)]
    [InlineData(9, 13, 3)]
    [InlineData(11, 13, 3)]
    [InlineData(13, 13, 3)]
    [InlineData(15, 13, 3)]
    [InlineData(8, 21, 4)]
    [InlineData(16, 21, 4)]
    public void Bit_packed_rows_unpack_exactly(int bits, int samplesPerRow, int rows)
    {
        foreach (var bigEndian in new[] { false, true })
        {
            var samples = TestImages.Uniform(samplesPerRow * rows, bits, seed: bits * samplesPerRow);
            var packed = BitPacker.Pack(samples, samplesPerRow, rows, bits, bigEndian);

            var unpacked = new ushort[samples.Length];
            PackedSamples.Unpack(packed, bits, samplesPerRow, rows, bigEndian, unpacked, "raw.dng");

            Assert.Equal(samples, unpacked);
        }
    }

    [Fact]
    public void Twelve_bit_samples_follow_the_msb_first_layout()
    {
        // 0xABC, 0x123 packed MSB first are the bytes AB C1 23 (TIFF FillOrder 1).
        var unpacked = new ushort[2];
        PackedSamples.Unpack([0xAB, 0xC1, 0x23], 12, 2, 1, bigEndian: false, unpacked, "raw.dng");

        Assert.Equal(new ushort[] { 0xABC, 0x123 }, unpacked);
    }

    [Fact]
    public void Sixteen_bit_samples_follow_the_file_byte_order()
    {
        var unpacked = new ushort[1];
        PackedSamples.Unpack([0x12, 0x34], 16, 1, 1, bigEndian: true, unpacked, "raw.dng");
        Assert.Equal(0x1234, unpacked[0]);

        PackedSamples.Unpack([0x12, 0x34], 16, 1, 1, bigEndian: false, unpacked, "raw.dng");
        Assert.Equal(0x3412, unpacked[0]);
    }

    [Theory]
    [InlineData(12, 10, 4, 59)] // needs 60 bytes
    [InlineData(16, 3, 3, 17)]
    [InlineData(10, 7, 2, 17)] // 70 bits = 9 bytes per row
    public void Too_little_data_is_an_input_error(int bits, int samplesPerRow, int rows, int bytes)
    {
        var error = Assert.Throws<InputException>(() => PackedSamples.Unpack(new byte[bytes], bits, samplesPerRow, rows, false, new ushort[samplesPerRow * rows], "raw.dng"));
        Assert.Equal("raw.dng", error.File);
        Assert.Equal("StripByteCounts", error.Field);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(17)]
    [InlineData(32)]
    public void Unsupported_widths_are_input_errors(int bits)
    {
        var error = Assert.Throws<InputException>(() => PackedSamples.Unpack(new byte[64], bits, 4, 4, false, new ushort[16], "raw.dng"));
        Assert.Equal("BitsPerSample", error.Field);
    }

    [Fact]
    public void A_block_larger_than_the_destination_is_an_input_error()
    {
        Assert.Throws<InputException>(() => PackedSamples.Unpack(new byte[64], 8, 8, 8, false, new ushort[63], "raw.dng"));
    }
}
