using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Rushes.Testing;

/// <summary>
/// Portable float map (PFM), the golden format for images: exact floats, readable by OpenImageIO.
/// Header "PF" (RGB) or "Pf" (grey), width height, then a scale whose sign gives the byte order;
/// rows are stored bottom to top (the format's convention).
/// </summary>
public static class Pfm
{
    /// <summary>Encodes an image, little-endian.</summary>
    public static byte[] Write(FloatImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(image.Channels == 3 ? "PF" : "Pf")}\n{image.Width} {image.Height}\n-1.0\n"));
        var rowSamples = image.Width * image.Channels;
        var bytes = new byte[header.Length + (image.Pixels.Length * 4)];
        header.CopyTo(bytes, 0);
        for (var y = 0; y < image.Height; y++)
        {
            var src = (image.Height - 1 - y) * rowSamples;
            var dst = header.Length + (y * rowSamples * 4);
            for (var i = 0; i < rowSamples; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(dst + (i * 4)), image.Pixels[src + i]);
            }
        }

        return bytes;
    }

    /// <summary>Decodes an image of either byte order.</summary>
    public static FloatImage Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var pos = 0;
        var magic = Token(bytes, ref pos);
        var channels = magic switch { "PF" => 3, "Pf" => 1, _ => throw new FormatException($"Not a PFM file: magic '{magic}', expected 'PF' or 'Pf'.") };
        var width = int.Parse(Token(bytes, ref pos), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(bytes, ref pos), CultureInfo.InvariantCulture);
        var scale = double.Parse(Token(bytes, ref pos), CultureInfo.InvariantCulture);
        pos++; // the single whitespace byte after the scale
        var rowSamples = (long)width * channels;
        if (width <= 0 || height <= 0 || bytes.Length - pos < rowSamples * height * 4)
        {
            throw new FormatException($"PFM of {width}×{height} needs {rowSamples * height * 4} bytes of pixels; the file has {bytes.Length - pos}.");
        }

        var pixels = new float[rowSamples * height];
        for (var y = 0; y < height; y++)
        {
            var dst = (height - 1 - y) * rowSamples;
            for (var i = 0; i < rowSamples; i++)
            {
                var span = bytes.AsSpan(pos + (int)(((y * rowSamples) + i) * 4), 4);
                pixels[dst + i] = scale < 0 ? BinaryPrimitives.ReadSingleLittleEndian(span) : BinaryPrimitives.ReadSingleBigEndian(span);
            }
        }

        return new FloatImage(width, height, channels, pixels);
    }

    private static string Token(byte[] bytes, ref int pos)
    {
        while (pos < bytes.Length && char.IsWhiteSpace((char)bytes[pos]))
        {
            pos++;
        }

        var start = pos;
        while (pos < bytes.Length && !char.IsWhiteSpace((char)bytes[pos]) && pos - start < 32)
        {
            pos++;
        }

        return Encoding.ASCII.GetString(bytes, start, pos - start);
    }
}
