namespace Rushes.Plugins.Dpx.IO;

/// <summary>What the writer does with NaN and infinite samples, which no integer code can stand for.</summary>
internal enum NonFinitePolicy
{
    /// <summary>Refuse the frame, naming the pixel and the channel.</summary>
    Reject,

    /// <summary>Write NaN and -infinity as code 0 and +infinity as the largest code.</summary>
    Clamp,
}
