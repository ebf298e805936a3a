using Rushes.Contracts.Imaging;

namespace Rushes.Contracts.Tests;

public class PlanarImageTests
{
    private static PlanarImage Numbered(int width, int height, int channels = 3)
    {
        var image = new PlanarImage(width, height, channels);
        var samples = image.Samples;
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = i;
        }

        return image;
    }

    [Fact]
    public void Sizes()
    {
        using var rgb = new PlanarImage(4, 3);
        using var rgba = new PlanarImage(4, 3, 4);

        Assert.Equal(4, rgb.Width);
        Assert.Equal(3, rgb.Height);
        Assert.Equal(3, rgb.Channels);
        Assert.False(rgb.HasAlpha);
        Assert.Equal(12, rgb.PlaneLength);
        Assert.Equal(36, rgb.SampleCount);
        Assert.Equal(36, rgb.Samples.Length);
        Assert.Equal(36, rgb.SampleMemory.Length);
        Assert.True(rgba.HasAlpha);
        Assert.Equal(48, rgba.SampleCount);
    }

    [Fact]
    public void Planes_follow_one_another()
    {
        using var image = Numbered(4, 3);

        Assert.Equal(12, image.GetPlane(0).Length);
        Assert.Equal(0, image.GetPlane(0)[0]);
        Assert.Equal(12, image.GetPlane(1)[0]);
        Assert.Equal(24, image.GetPlane(2)[0]);
        Assert.Equal(35, image.GetPlane(2)[11]);
    }

    [Fact]
    public void Rows_are_addressed_within_a_plane()
    {
        using var image = Numbered(4, 3);

        var row = image.GetRow(2, 1);

        Assert.Equal(4, row.Length);
        Assert.Equal([28f, 29f, 30f, 31f], row.ToArray());
        Assert.Equal(8, image.GetRow(0, 2)[0]);
        Assert.Equal(23, image.GetRow(1, 2)[3]);
    }

    [Fact]
    public void Rows_write_through_to_the_samples()
    {
        using var image = Numbered(4, 3);

        image.GetRow(1, 2)[1] = -7;

        Assert.Equal(-7, image.Samples[12 + 8 + 1]);
        Assert.Equal(-7, image.GetPlane(1)[9]);
    }

    [Fact]
    public void Addressing_outside_the_image_throws()
    {
        using var image = new PlanarImage(4, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => image.GetPlane(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.GetPlane(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.GetRow(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.GetRow(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.GetRow(3, 0));
    }

    [Fact]
    public void CopyTo_copies_every_sample()
    {
        using var source = Numbered(5, 2, 4);
        using var destination = new PlanarImage(5, 2, 4);
        destination.Clear();

        source.CopyTo(destination);

        Assert.Equal(source.Samples.ToArray(), destination.Samples.ToArray());
        Assert.Equal(39, destination.Samples[39]);
        Assert.Equal(30, destination.GetPlane(3)[0]);
    }

    [Fact]
    public void CopyTo_rejects_another_shape()
    {
        using var source = new PlanarImage(4, 3);
        using var wider = new PlanarImage(5, 3);
        using var rgba = new PlanarImage(4, 3, 4);
        using var taller = new PlanarImage(4, 4);

        Assert.Throws<ArgumentException>(() => source.CopyTo(wider));
        Assert.Throws<ArgumentException>(() => source.CopyTo(rgba));
        Assert.Throws<ArgumentException>(() => source.CopyTo(taller));
        Assert.Throws<ArgumentNullException>(() => source.CopyTo(null!));
    }

    [Fact]
    public void Clear_zeroes_every_sample()
    {
        using var image = Numbered(3, 3);

        image.Clear();

        Assert.All(image.Samples.ToArray(), s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Access_after_dispose_throws()
    {
        var image = new PlanarImage(4, 3);
        image.Dispose();

        Assert.Throws<ObjectDisposedException>(() => image.Samples.Length);
        Assert.Throws<ObjectDisposedException>(() => image.SampleMemory);
        Assert.Throws<ObjectDisposedException>(() => image.GetPlane(0).Length);
        Assert.Throws<ObjectDisposedException>(() => image.GetRow(0, 0).Length);
        Assert.Throws<ObjectDisposedException>(image.Clear);
        Assert.Equal(4, image.Width);

        image.Dispose(); // A second dispose is harmless.
    }

    [Fact]
    public void CopyTo_a_disposed_image_throws()
    {
        using var source = new PlanarImage(2, 2);
        var destination = new PlanarImage(2, 2);
        destination.Dispose();

        Assert.Throws<ObjectDisposedException>(() => source.CopyTo(destination));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(-3)]
    public void Channels_other_than_3_or_4_are_rejected(int channels)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanarImage(4, 4, channels));
        Assert.Equal("channels", ex.ParamName);
    }

    [Fact]
    public void A_huge_size_is_rejected_before_allocating()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanarImage(100_000, 100_000));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("width", ex.ParamName);
        Assert.Contains("100000 × 100000", ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated while rejecting the size");
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(-1, 10)]
    [InlineData(65_537, 1)]
    [InlineData(16_385, 16_384)]
    public void Sizes_outside_the_limits_are_rejected(int width, int height)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PlanarImage(width, height));
}
