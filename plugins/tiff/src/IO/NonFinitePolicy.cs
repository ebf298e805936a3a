namespace Rushes.Plugins.Tiff.IO;

/// <summary>What the writer does with NaN and infinite samples: no integer code can stand for them, and a deliverable should not carry them as floats.</summary>
internal enum NonFinitePolicy
{
    /// <summary>Refuse the frame, naming the pixel and the channel.</summary>
    Reject,

    /// <summary>Integers: NaN and -infinity as code 0, +infinity as the largest code. Floats: NaN as 0, infinities as the largest finite float, keeping the sign.</summary>
    Clamp,
}
