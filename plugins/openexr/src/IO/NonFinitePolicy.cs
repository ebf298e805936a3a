namespace Rushes.Plugins.OpenExr.IO;

/// <summary>
/// What the writer does with a sample it cannot store as a finite value: NaN, ±infinity, or (for half
/// channels) a magnitude of 65520 or more, which rounds to infinity in half precision.
/// </summary>
internal enum NonFinitePolicy
{
    /// <summary>Refuse the frame, naming the pixel and the channel.</summary>
    Reject,

    /// <summary>Write NaN as 0 and clamp the rest to the largest finite value of the channel's type, keeping the sign.</summary>
    Clamp,
}
