using System.Globalization;
using System.Text;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>Reads the binary 16-bit PGM (P5) and PPM (P6) files dcraw_emu writes: big-endian samples, channels interleaved.</summary>
internal static class Pnm
{
    public static (int Width, int Height, int Channels, ushort[] Samples) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(bytes, start, position - start);
        }

        var magic = Token();
        var channels = magic switch { "P5" => 1, "P6" => 3, _ => throw new InvalidDataException($"{path} is not a binary PGM or PPM ({magic}).") };
        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        var max = int.Parse(Token(), CultureInfo.InvariantCulture);
        position++;
        if (max != 65535)
        {
            throw new InvalidDataException($"{path}: expected 16-bit samples, got maxval {max}.");
        }

        var samples = new ushort[width * height * channels];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)((bytes[position + (2 * i)] << 8) | bytes[position + (2 * i) + 1]);
        }

        return (width, height, channels, samples);
    }
}
