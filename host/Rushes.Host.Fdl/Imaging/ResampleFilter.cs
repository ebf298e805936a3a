namespace Rushes.Host.Fdl.Imaging;

/// <summary>The reconstruction filter used to scale and de-squeeze.</summary>
public enum ResampleFilter
{
    /// <summary>Lanczos, three lobes: sharp, with little ringing; for deliverables.</summary>
    Lanczos3,

    /// <summary>A triangle (bilinear, widened when shrinking so it still averages): fast, for proxies.</summary>
    Bilinear,
}
