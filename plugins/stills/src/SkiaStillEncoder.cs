using System.Buffers;
using System.Runtime.InteropServices;
using Rushes.Contracts.Imaging;
using SkiaSharp;

namespace Rushes.Plugins.Stills;

/// <summary>Encodes one quantized frame with Skia's libjpeg-turbo or libpng encoder into a stream.</summary>
internal static class SkiaStillEncoder
{
    public static void Encode(PlanarImage image, StillsOptions options, Stream output, CancellationToken cancellationToken)
    {
        var sixteen = options.BitDepth == 16;
        var pixels = (long)image.Width * image.Height;
        // The sRGB colour space makes Skia write the tag: an ICC profile in JPEG, the sRGB chunk in PNG. Pixels are not converted.
        using var colourSpace = options.Icc ? SKColorSpace.CreateSrgb() : null;
        var info = new SKImageInfo(image.Width, image.Height, sixteen ? SKColorType.Rgba16161616 : SKColorType.Rgb888x, SKAlphaType.Opaque, colourSpace);

        Array buffer = sixteen ? ArrayPool<ushort>.Shared.Rent(checked((int)(pixels * 4))) : ArrayPool<byte>.Shared.Rent(checked((int)(pixels * Quantizer.BytesPerPixel8)));
        var pin = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        try
        {
            if (buffer is ushort[] wide)
            {
                Quantizer.To16Bit(image, wide, cancellationToken);
            }
            else
            {
                Quantizer.To8Bit(image, (byte[])buffer, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var pixmap = new SKPixmap(info, pin.AddrOfPinnedObject(), info.RowBytes);
            using var stream = new SKManagedWStream(output);
            var encoded = options.Format == StillFormat.Png
                ? pixmap.Encode(stream, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, options.PngLevel))
                : pixmap.Encode(stream, new SKJpegEncoderOptions(options.Quality, Downsample(options.ChromaSubsampling), SKJpegEncoderAlphaOption.Ignore));
            if (!encoded)
            {
                throw new InvalidOperationException($"Skia could not encode a {image.Width} × {image.Height} {options.Format} still.");
            }

            stream.Flush();
        }
        finally
        {
            pin.Free();
            if (buffer is ushort[] wide)
            {
                ArrayPool<ushort>.Shared.Return(wide);
            }
            else
            {
                ArrayPool<byte>.Shared.Return((byte[])buffer);
            }
        }
    }

    private static SKJpegEncoderDownsample Downsample(string subsampling) => subsampling switch
    {
        "420" => SKJpegEncoderDownsample.Downsample420,
        "422" => SKJpegEncoderDownsample.Downsample422,
        _ => SKJpegEncoderDownsample.Downsample444,
    };
}
