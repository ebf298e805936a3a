using System.Buffers;
using System.Globalization;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dpx.Format;

namespace Rushes.Plugins.Dpx.IO;

/// <summary>
/// Writes a single-element RGB DPX file: the 2048-byte header, then the image data at offset 2048, rows
/// without end-of-line padding, the image padded to a whole number of 32-bit words. Rows are quantized and
/// packed in parallel bands into a pooled slab of at most <see cref="SlabBytes"/>, which is then written, so
/// memory stays bounded for any frame size.
/// </summary>
internal static class DpxFileWriter
{
    private const int SlabBytes = 32 << 20;
    private const int BandRows = 16;

    /// <summary>The header completed with the sizes, offsets and padding of an image of its width, height and bit depth.</summary>
    public static DpxHeader Complete(DpxHeader header)
    {
        var imageBytes = DpxRowCodec.RowBytes((int)header.Width, 3, header.Element.BitDepth) * header.Height;
        var padding = (uint)((4 - (imageBytes % 4)) % 4);
        var fileSize = DpxLayout.HeaderSize + imageBytes + padding;
        if (fileSize > uint.MaxValue)
        {
            throw new InputException($"A {header.Width} × {header.Height} {header.Element.BitDepth}-bit DPX file would be {fileSize} bytes, more than its 32-bit file size field holds.",
                field: "size", expected: "a file under 4 GiB");
        }

        return header with
        {
            ImageOffset = DpxLayout.HeaderSize,
            FileSize = (uint)fileSize,
            Element = header.Element with { DataOffset = DpxLayout.HeaderSize, EndOfLinePadding = 0, EndOfImagePadding = padding },
        };
    }

    /// <summary>Writes the file; <paramref name="subject"/> names the image in errors, for example <c>Frame 1001</c>.</summary>
    public static void Write(Stream output, DpxHeader header, PlanarImage image, NonFinitePolicy policy, string subject, CancellationToken cancellationToken = default)
    {
        header = Complete(header);
        var width = image.Width;
        var height = image.Height;
        var bitDepth = header.Element.BitDepth;
        var rowBytes = (int)DpxRowCodec.RowBytes(width, 3, bitDepth);
        var slabRows = Math.Clamp(SlabBytes / rowBytes, 1, height);

        var headerBytes = new byte[DpxLayout.HeaderSize];
        DpxHeaderCodec.Write(header, headerBytes);
        output.Write(headerBytes);

        var slab = ArrayPool<byte>.Shared.Rent(slabRows * rowBytes);
        try
        {
            for (var first = 0; first < height; first += slabRows)
            {
                var rows = Math.Min(slabRows, height - first);
                EncodeSlab(image, first, rows, rowBytes, header, policy, subject, slab, cancellationToken);
                output.Write(slab, 0, rows * rowBytes);
            }

            Span<byte> padding = stackalloc byte[4];
            padding.Clear();
            output.Write(padding[..(int)header.Element.EndOfImagePadding]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(slab);
        }
    }

    private static void EncodeSlab(PlanarImage image, int firstRow, int rows, int rowBytes, DpxHeader header, NonFinitePolicy policy, string subject, byte[] slab,
        CancellationToken cancellationToken)
    {
        var bands = (rows + BandRows - 1) / BandRows;
        var width = image.Width;
        var bitDepth = header.Element.BitDepth;
        var max = DpxRowCodec.MaxCode(bitDepth);

        // A refused sample does not stop the loop, so the error always names the first bad row.
        var refusals = new InputException?[bands];
        Parallel.For(0, bands, new ParallelOptions { CancellationToken = cancellationToken }, band =>
        {
            var codes = ArrayPool<uint>.Shared.Rent(width * 3);
            try
            {
                var r = codes.AsSpan(0, width);
                var g = codes.AsSpan(width, width);
                var b = codes.AsSpan(2 * width, width);
                var last = Math.Min(rows, (band + 1) * BandRows);
                for (var row = band * BandRows; row < last; row++)
                {
                    var y = firstRow + row;
                    for (var c = 0; c < 3; c++)
                    {
                        var samples = image.GetRow(c, y);
                        var bad = SampleQuantizer.Quantize(samples, codes.AsSpan(c * width, width), max, policy);
                        if (bad >= 0)
                        {
                            refusals[band] = new InputException(
                                string.Create(CultureInfo.InvariantCulture, $"{subject}: pixel ({bad}, {y}) channel {"RGB"[c]} is {samples[bad]}, which a {bitDepth}-bit DPX code value cannot hold."),
                                field: "pixels", expected: "finite samples (set non-finite=clamp to write NaN as 0 and clamp infinities)");
                            return;
                        }
                    }

                    DpxRowCodec.Encode(r, g, b, bitDepth, header.BigEndian, slab.AsSpan(row * rowBytes, rowBytes));
                }
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(codes);
            }
        });

        if (refusals.FirstOrDefault(r => r is not null) is { } refusal)
        {
            throw refusal;
        }
    }
}
