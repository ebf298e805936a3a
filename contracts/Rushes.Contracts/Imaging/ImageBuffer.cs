using System.Buffers;

namespace Rushes.Contracts.Imaging;

/// <summary>
/// Pixels in pooled memory. Dispose a buffer as soon as its frame is done: the memory goes back
/// to the pool for the next frame, which keeps a render's footprint flat.
/// </summary>
public abstract class ImageBuffer : IDisposable
{
    private float[]? _data;

    /// <summary>Rents storage for <paramref name="samples"/> floats.</summary>
    protected ImageBuffer(int width, int height, long samples)
    {
        ImageLimits.Check(width, height);
        if (samples > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), $"{samples} samples do not fit in one buffer.");
        }

        Width = width;
        Height = height;
        SampleCount = (int)samples;
        _data = ArrayPool<float>.Shared.Rent(SampleCount);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>How many floats the buffer holds.</summary>
    public int SampleCount { get; }

    /// <summary>All samples, in the layout the subclass defines.</summary>
    public Span<float> Samples => (_data ?? throw new ObjectDisposedException(GetType().Name)).AsSpan(0, SampleCount);

    /// <summary>All samples as memory, for work split across threads.</summary>
    public Memory<float> SampleMemory => (_data ?? throw new ObjectDisposedException(GetType().Name)).AsMemory(0, SampleCount);

    /// <summary>Sets every sample to zero (pooled memory arrives with old contents).</summary>
    public void Clear() => Samples.Clear();

    /// <summary>Returns the memory to the pool.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns the memory to the pool.</summary>
    protected virtual void Dispose(bool disposing)
    {
        var data = Interlocked.Exchange(ref _data, null);
        if (data is not null)
        {
            ArrayPool<float>.Shared.Return(data);
        }
    }
}
