using System.Buffers.Binary;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>Broken files are input errors that name the file and the field: no crash, no hang, no allocation sized by the damage.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static DngFile Good(DngCompression compression = DngCompression.Uncompressed) => new()
    {
        Width = 32,
        Height = 16,
        Samples = Fixtures.Samples(32, 16, 16),
        Compression = compression,
        TileWidth = compression == DngCompression.LosslessJpeg ? 16 : 0,
        TileHeight = compression == DngCompression.LosslessJpeg ? 16 : 0,
    };

    /// <summary>Opens and decodes (mosaic and RGB); returns the input error it must raise, within a time limit.</summary>
    private static InputException Fails(string path)
    {
        var task = Task.Run(() =>
        {
            using var reader = Decoding.Open(path);
            using var mosaic = reader.Decode(reader.Info.Frames.First, new DecodeRequest { Output = DecodeOutput.Mosaic });
            using var rgb = reader.Decode(reader.Info.Frames.First, DecodeRequest.Default);
        });
        try
        {
            Assert.True(task.Wait(TimeSpan.FromSeconds(20)), $"{path}: decoding did not finish in 20 s");
        }
        catch (AggregateException ex)
        {
            return Assert.IsType<InputException>(ex.InnerException, exactMatch: false);
        }

        throw new Xunit.Sdk.XunitException($"{path} decoded without an error.");
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Every_truncation_of_a_file_is_an_input_error()
    {
        var bytes = DngWriter.Write(Good());
        for (var length = 0; length < bytes.Length; length += Math.Max(1, length / 7))
        {
            var path = WriteBytes($"truncated-{length}.dng", bytes[..length]);
            var error = Fails(path);
            Assert.Equal(path, error.File);
        }
    }

    [Fact]
    public void Every_truncation_of_a_lossless_jpeg_file_is_an_input_error()
    {
        var bytes = DngWriter.Write(Good(DngCompression.LosslessJpeg));
        for (var length = bytes.Length - 1; length > 0; length -= Math.Max(1, (bytes.Length - length) / 5))
        {
            Assert.Equal(_folder.File($"lj-{length}.dng"), Fails(WriteBytes($"lj-{length}.dng", bytes[..length])).File);
        }
    }

    [Theory]
    [InlineData(0x0100, "ImageWidth")]
    [InlineData(0x0101, "ImageWidth")]
    public void A_100000_pixel_side_is_refused_before_any_allocation(ushort tag, string field)
    {
        var dng = Good();
        dng.ExtraRawFields[tag] = TiffValue.Long(100_000);
        if (tag == 0x0100)
        {
            dng.ExtraRawFields[0x0101] = TiffValue.Long(100_000);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Fails(_folder.Write($"huge-{tag}.dng", dng));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(field, error.Field);
        Assert.True(allocated < 64L << 20, $"refusing the size allocated {allocated} bytes");
    }

    [Fact]
    public void Strip_offsets_and_byte_counts_past_the_end_are_refused()
    {
        var offsets = Good();
        offsets.ExtraRawFields[0x0111] = TiffValue.Long(1_000_000);
        Assert.Equal("StripOffsets", Fails(_folder.Write("offset.dng", offsets)).Field);

        var counts = Good();
        counts.ExtraRawFields[0x0117] = TiffValue.Long(4_000_000_000);
        Assert.Equal("StripOffsets", Fails(_folder.Write("count.dng", counts)).Field);

        var shortStrip = Good();
        shortStrip.ExtraRawFields[0x0117] = TiffValue.Long(100);
        Assert.Equal("StripByteCounts", Fails(_folder.Write("short.dng", shortStrip)).Field);
    }

    [Fact]
    public void A_corrupt_lossless_jpeg_stream_is_an_input_error()
    {
        var bytes = DngWriter.Write(Good(DngCompression.LosslessJpeg));
        // Damage the entropy-coded data of every tile: the SOI marker of a tile is where its offset points.
        var file = WriteBytes("lj.dng", bytes);
        var raw = Rushes.Plugins.Dng.Raw.RawImage.Select(Rushes.Plugins.Dng.Tiff.TiffReader.Read(file));
        foreach (var block in raw.Blocks)
        {
            for (var i = (int)block.Offset + 2; i < block.Offset + block.ByteCount; i += 3)
            {
                bytes[i] ^= 0x5A;
            }
        }

        var error = Fails(WriteBytes("lj-corrupt.dng", bytes));
        Assert.Equal(_folder.File("lj-corrupt.dng"), error.File);
    }

    [Fact]
    public void An_IFD_chain_that_loops_is_refused()
    {
        var bytes = DngWriter.Write(new DngFile { Width = 32, Height = 16, Samples = Fixtures.Samples(32, 16, 16), RawInSubIfd = false });
        var ifd0 = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(ifd0));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(ifd0 + 2 + (count * 12)), (uint)ifd0);

        var error = Fails(WriteBytes("loop.dng", bytes));
        Assert.Contains("loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_IFD_with_too_many_entries_is_refused()
    {
        var bytes = DngWriter.Write(Good());
        var ifd0 = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(ifd0), 60_000);

        Assert.Equal("IFD0", Fails(WriteBytes("entries.dng", bytes)).Field);
    }

    [Theory]
    [InlineData((ushort)0x0100, "ImageWidth")]
    [InlineData((ushort)0x0103, "Compression")]
    [InlineData((ushort)0xC61A, "BlackLevel")]
    public void A_tag_of_the_wrong_type_is_refused_by_name(ushort tag, string field)
    {
        var dng = Good();
        dng.ExtraRawFields[tag] = TiffValue.Ascii("wrong");
        Assert.Equal(field, Fails(_folder.Write($"type-{tag}.dng", dng)).Field);
    }

    [Fact]
    public void A_colour_matrix_of_the_wrong_type_is_refused_by_name()
    {
        var dng = Good();
        dng.ExtraIfd0Fields[0xC621] = TiffValue.Ascii("not a matrix");
        Assert.Equal("ColorMatrix1", Fails(_folder.Write("matrix.dng", dng)).Field);
    }

    [Theory]
    [InlineData(52546, "JPEG XL")]
    [InlineData(9, "VC-5")]
    [InlineData(34892, "lossy JPEG")]
    public void JPEG_XL_VC5_and_lossy_JPEG_are_unsupported_compression(int compression, string name)
    {
        var dng = Good();
        dng.ExtraRawFields[0x0103] = TiffValue.Short((ushort)compression);
        var error = Fails(_folder.Write($"compression-{compression}.dng", dng));

        Assert.Equal("Compression", error.Field);
        Assert.StartsWith("Unsupported compression", error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_never_throws_and_needs_DNGVersion()
    {
        var format = Decoding.Format;
        var dng = DngWriter.Write(Good());
        Assert.Equal(DetectionConfidence.Certain, format.Detect(dng, "x.bin"));
        Assert.Equal(DetectionConfidence.Certain, format.Detect(DngWriter.Write(new DngFile { Width = 4, Height = 4, Samples = new ushort[16], BigEndian = true }), "x"));
        var plain = (byte[])dng.Clone();
        var ifd0 = (int)BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(4));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(plain.AsSpan(ifd0));
        for (var i = 0; i < count; i++)
        {
            var at = ifd0 + 2 + (i * 12);
            if (BinaryPrimitives.ReadUInt16LittleEndian(plain.AsSpan(at)) == 0xC612)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(plain.AsSpan(at), 0xC5FF);
            }
        }

        Assert.Equal(DetectionConfidence.None, format.Detect(plain, "plain.tif"));
        Assert.Equal(DetectionConfidence.None, format.Detect(plain, "plain.dng"));
        Assert.Equal(DetectionConfidence.Possible, format.Detect(dng.AsSpan(0, 8), "short.dng"));
        Assert.Equal(DetectionConfidence.None, format.Detect(dng.AsSpan(0, 8), "short.tif"));
        var random = new Random(3);
        for (var n = 0; n < 2000; n++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (bytes.Length > 4)
            {
                bytes[0] = bytes[1] = (byte)(n % 2 == 0 ? 'I' : 'M');
            }

            _ = format.Detect(bytes, "fuzz.dng");
        }
    }

    public void Dispose() => _folder.Dispose();
}
