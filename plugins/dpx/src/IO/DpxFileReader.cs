using System.Buffers;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dpx.Format;

namespace Rushes.Plugins.Dpx.IO;

/// <summary>A DPX file read whole: its headers and its pixels scaled so that the largest code value is 1.0.</summary>
internal sealed class DpxImage(DpxHeader header, PlanarImage pixels) : IDisposable
{
    public DpxHeader Header { get; } = header;

    public PlanarImage Pixels { get; } = pixels;

    public void Dispose() => Pixels.Dispose();
}

/// <summary>
/// Reads DPX files of either byte order with one RGB or RGBA element of 8, 10 (filled, method A) or 16 bits,
/// uncompressed. Every size and offset is checked against the image limits and the file's length before
/// anything is allocated; anything else is an <see cref="InputException"/> naming the field.
/// </summary>
internal static class DpxFileReader
{
    public static DpxHeader ReadHeader(string path)
    {
        using var handle = Open(path);
        return ReadHeader(handle, path);
    }

    public static DpxImage Read(string path, CancellationToken cancellationToken = default)
    {
        using var handle = Open(path);
        var header = ReadHeader(handle, path);
        var element = header.Element;
        var components = Check(header, path);
        var width = (int)header.Width;
        var height = (int)header.Height;
        var rowBytes = DpxRowCodec.RowBytes(width, components, element.BitDepth);
        var stride = rowBytes + element.EndOfLinePadding;
        var length = RandomAccess.GetLength(handle);
        if (element.DataOffset + (stride * (height - 1)) + rowBytes > length)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} is {length} bytes long, but its {width} × {height} image at offset {element.DataOffset} needs {element.DataOffset + (stride * (height - 1)) + rowBytes}."),
                path, "image data", "a file holding the whole image");
        }

        var image = new PlanarImage(width, height, components);
        try
        {
            var planes = Enumerable.Range(0, components).Select(c => image.SampleMemory.Slice(c * image.PlaneLength, image.PlaneLength)).ToArray();
            Parallel.For(0, height, new ParallelOptions { CancellationToken = cancellationToken }, () => (ArrayPool<byte>.Shared.Rent((int)rowBytes), ArrayPool<float>.Shared.Rent(width * components)),
                (y, _, buffers) =>
                {
                    var row = buffers.Item1.AsSpan(0, (int)rowBytes);
                    RandomAccess.Read(handle, row, element.DataOffset + (stride * y));
                    DpxRowCodec.Decode(row, element.BitDepth, header.BigEndian, buffers.Item2, planes, y * width, width);
                    return buffers;
                },
                buffers =>
                {
                    ArrayPool<byte>.Shared.Return(buffers.Item1);
                    ArrayPool<float>.Shared.Return(buffers.Item2);
                });
            return new DpxImage(header, image);
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot open {path}: {ex.Message}", path, "file", "a readable DPX file");
        }
    }

    private static DpxHeader ReadHeader(SafeFileHandle handle, string path)
    {
        var bytes = new byte[DpxLayout.HeaderSize];
        var read = RandomAccess.Read(handle, bytes, 0);
        var header = DpxHeaderCodec.Read(bytes.AsSpan(0, read), path);

        // Some writers leave the element's data offset unset and give only the file's image offset.
        return header.Element.DataOffset is 0 or uint.MaxValue ? header with { Element = header.Element with { DataOffset = header.ImageOffset } } : header;
    }

    /// <summary>Checks what this reader decodes; returns the number of components.</summary>
    private static int Check(DpxHeader header, string path)
    {
        var element = header.Element;
        void Refuse(string field, string found, string expected)
            => throw new InputException($"{Path.GetFileName(path)}: {field} is {found}, which this DPX reader does not decode.", path, field, expected);

        if (header.ElementCount is < 1 or > 8)
        {
            Refuse("number of elements", header.ElementCount.ToString(CultureInfo.InvariantCulture), "1 to 8 (the first element is read)");
        }

        if (!ImageLimits.IsAllowed(header.Width, header.Height))
        {
            Refuse("image size", $"{header.Width} × {header.Height}", $"each side 1 to {ImageLimits.MaxDimension}, at most {ImageLimits.MaxPixels} pixels");
        }

        if (element.Descriptor is not (DpxLayout.DescriptorRgb or DpxLayout.DescriptorRgba))
        {
            Refuse("descriptor", element.Descriptor.ToString(CultureInfo.InvariantCulture), "50 (RGB) or 51 (RGBA)");
        }

        if (element.BitDepth is not (8 or 10 or 16))
        {
            Refuse("bit depth", element.BitDepth.ToString(CultureInfo.InvariantCulture), "8, 10 or 16");
        }

        if (element.BitDepth == 10 && element.Packing != 1)
        {
            Refuse("packing", element.Packing.ToString(CultureInfo.InvariantCulture), "1 (filled, method A) for 10-bit samples");
        }

        if (element.Encoding != 0)
        {
            Refuse("encoding", element.Encoding.ToString(CultureInfo.InvariantCulture), "0 (uncompressed)");
        }

        if (element.DataSign != 0)
        {
            Refuse("data sign", element.DataSign.ToString(CultureInfo.InvariantCulture), "0 (unsigned)");
        }

        if (element.DataOffset < DpxLayout.GenericHeaderSize || element.EndOfLinePadding > 1 << 20)
        {
            Refuse("data offset", element.DataOffset.ToString(CultureInfo.InvariantCulture), $"at least {DpxLayout.GenericHeaderSize}, past the generic header, with end-of-line padding under 1 MiB");
        }

        return element.Descriptor == DpxLayout.DescriptorRgba ? 4 : 3;
    }
}
