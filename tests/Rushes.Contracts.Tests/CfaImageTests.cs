using Rushes.Contracts.Imaging;

namespace Rushes.Contracts.Tests;

public class CfaImageTests
{
    [Fact]
    public void One_sample_per_photosite()
    {
        using var mosaic = new CfaImage(4, 2, CfaPattern.Rggb, 14);

        Assert.Equal(4, mosaic.Width);
        Assert.Equal(2, mosaic.Height);
        Assert.Equal(8, mosaic.SampleCount);
        Assert.Equal(14, mosaic.BitDepth);
        Assert.Equal(CfaPattern.Rggb, mosaic.Pattern);
    }

    [Fact]
    public void Rows_address_the_samples()
    {
        using var mosaic = new CfaImage(4, 2, CfaPattern.Rggb, 12);
        for (var i = 0; i < 8; i++)
        {
            mosaic.Samples[i] = i;
        }

        Assert.Equal([4f, 5f, 6f, 7f], mosaic.GetRow(1).ToArray());

        mosaic.GetRow(0)[3] = 42;
        Assert.Equal(42, mosaic.Samples[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => mosaic.GetRow(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => mosaic.GetRow(-1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void BitDepth_is_1_to_32(int bitDepth)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new CfaImage(2, 2, CfaPattern.Rggb, bitDepth));

    [Fact]
    public void Pattern_is_required()
        => Assert.Throws<ArgumentNullException>(() => new CfaImage(2, 2, null!, 12));

    [Fact]
    public void Access_after_dispose_throws()
    {
        var mosaic = new CfaImage(2, 2, CfaPattern.Bggr, 16);
        mosaic.Dispose();

        Assert.Throws<ObjectDisposedException>(() => mosaic.GetRow(0).Length);
        Assert.Throws<ObjectDisposedException>(() => mosaic.Samples.Length);
    }

    [Fact]
    public void A_huge_mosaic_is_rejected_before_allocating()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<ArgumentOutOfRangeException>(() => new CfaImage(100_000, 100_000, CfaPattern.Rggb, 14));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }
}
