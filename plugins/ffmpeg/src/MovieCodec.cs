namespace Rushes.Plugins.Ffmpeg;

/// <summary>
/// One codec a movie deliverable offers, with the ffmpeg encoder and settings that make it. Profile numbers
/// and names are ffmpeg's (libavcodec prores_ks: 3 = HQ, 4 = 4444; dnxhd: dnxhr_hqx = 10-bit 4:2:2 HQX).
/// </summary>
internal sealed record MovieCodec(
    string Name,
    string Label,
    string Encoder,
    string[] Arguments,
    string PixelFormat,
    string? AlphaPixelFormat,
    int BitDepth,
    int ChromaDivisorX,
    int ChromaDivisorY,
    int MinimumWidth,
    int MinimumHeight)
{
    public static readonly MovieCodec ProRes422Hq = new("prores-422-hq", "Apple ProRes 422 HQ (10-bit 4:2:2)", "prores_ks", ["-profile:v", "3"], "yuv422p10le", null, 10, 2, 1, 1, 1);

    public static readonly MovieCodec ProRes4444 = new("prores-4444", "Apple ProRes 4444 (10-bit 4:4:4, optional alpha)", "prores_ks", ["-profile:v", "4"], "yuv444p10le", "yuva444p10le", 10, 1, 1, 1, 1);

    // libavcodec's dnxhdenc refuses DNxHR frames under 256 × 120 ("Input dimensions too small").
    public static readonly MovieCodec DnxhrHqx = new("dnxhr-hqx", "Avid DNxHR HQX (10-bit 4:2:2)", "dnxhd", ["-profile:v", "dnxhr_hqx"], "yuv422p10le", null, 10, 2, 1, 256, 120);

    public static readonly MovieCodec H264 = new("h264", "H.264 proxy (libx264, 8-bit 4:2:0)", "libx264", [], "yuv420p", null, 8, 2, 2, 1, 1);

    public static IReadOnlyList<MovieCodec> All { get; } = [ProRes422Hq, ProRes4444, DnxhrHqx, H264];

    public bool HasAlpha => AlphaPixelFormat is not null;

    public static MovieCodec Named(string name) => All.Single(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
