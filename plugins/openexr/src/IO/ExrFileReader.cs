using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.Compression;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.IO;

/// <summary>
/// Reads single-part scanline and tiled OpenEXR files (level 0 of mipmaps and ripmaps) with NONE, RLE,
/// ZIPS, ZIP or PIZ compression and half, float or uint channels. Every size is checked against the file
/// and <see cref="ImageLimits"/> before anything is allocated; a corrupt file is an <see cref="InputException"/>.
/// </summary>
internal static class ExrFileReader
{
    // Decoded samples over all channels: as many as an RGBA image at the largest allowed size.
    private const long MaxSamples = 4 * ImageLimits.MaxPixels;

    public static ExrImage Read(string path) => Read(ReadAll(path), path);

    /// <summary>Only the header, for inspection.</summary>
    public static ExrHeader ReadHeader(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[(int)Math.Min(stream.Length, 4 << 20)];
        stream.ReadExactly(head);
        return ExrHeader.Parse(head, path, out _);
    }

    public static ExrImage Read(byte[] data, string file)
    {
        var header = ExrHeader.Parse(data, file, out var tableStart);
        var channels = header.Channels(file);
        var window = header.DataWindow(file);
        if (window.Width * window.Height * channels.Count > MaxSamples)
        {
            throw new InputException($"{Path.GetFileName(file)}: {channels.Count} channels of {window.Width} x {window.Height} pixels are more samples than this reader decodes.",
                file, "channels", $"at most {MaxSamples} samples");
        }

        var planes = channels.Select(_ => new float[window.Width * window.Height]).ToArray();
        DecodePixels(data, file, header, tableStart, [.. planes.Select(p => (Memory<float>?)p)]);
        return new ExrImage(file, header, channels, planes);
    }

    /// <summary>
    /// Decodes only the R, G, B (and A) channels, straight into a pooled planar image; a luminance-only Y
    /// image is spread to R, G and B. Other channels are skipped, so memory is bounded by the picture.
    /// </summary>
    public static (ExrHeader Header, PlanarImage Image) ReadPlanar(string path)
    {
        var data = ReadAll(path);
        var header = ExrHeader.Parse(data, path, out var tableStart);
        var channels = header.Channels(path);
        var names = channels.Select(c => c.Name).ToList();
        var grey = !names.Contains("R") && names.Contains("Y");
        if (!grey && !(names.Contains("R") && names.Contains("G") && names.Contains("B")))
        {
            throw new InputException($"{Path.GetFileName(path)} has channels {string.Join(", ", names)}, but no R, G and B (or Y) to make a picture of.",
                path, "channels", "R, G and B, or Y");
        }

        var window = header.DataWindow(path);
        var image = new PlanarImage((int)window.Width, (int)window.Height, names.Contains("A") ? 4 : 3);
        try
        {
            Memory<float>? Plane(int index) => image.SampleMemory.Slice(index * image.PlaneLength, image.PlaneLength);
            var targets = channels.Select(c => c.Name switch
            {
                "R" => Plane(0),
                "G" => Plane(1),
                "B" => Plane(2),
                "A" => Plane(3),
                "Y" when grey => Plane(0),
                _ => null,
            }).ToArray();
            DecodePixels(data, path, header, tableStart, targets);
            if (grey)
            {
                image.GetPlane(0).CopyTo(image.GetPlane(1));
                image.GetPlane(0).CopyTo(image.GetPlane(2));
            }

            return (header, image);
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static byte[] ReadAll(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException($"{path} does not exist.", path, "path", "an OpenEXR file");
        }

        if (info.Length > Array.MaxLength)
        {
            throw new InputException($"{Path.GetFileName(path)} is {info.Length} bytes, larger than this reader takes.", path, "size", $"at most {Array.MaxLength} bytes");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>Decodes every chunk in parallel into the targets, one per channel (null: skip the channel).</summary>
    private static void DecodePixels(byte[] data, string file, ExrHeader header, int tableStart, Memory<float>?[] targets)
    {
        var channels = header.Channels(file);
        var window = header.DataWindow(file);
        var compression = header.Compression(file);
        var regions = header.IsTiled ? TileRegions(header, window, file) : LineRegions(compression, window);
        var offsets = ReadOffsets(data, tableStart, regions.Count, file);
        // Each chunk's problem is kept, and the first in the file is reported, whatever order the threads ran in.
        var problems = new InputException?[regions.Count];
        var owner = new int[regions.Count];
        Array.Fill(owner, -1);
        Parallel.For(0, regions.Count, index =>
        {
            try
            {
                var region = DecodeChunk(data, offsets[index], header, channels, compression, window, regions, file, targets);
                // A well-formed file has each region once; two chunks naming the same region leave a hole elsewhere.
                if (Interlocked.CompareExchange(ref owner[region], index, -1) != -1)
                {
                    throw new InputException($"{Path.GetFileName(file)}: two chunks hold {regions[region].Describe()}.", file, "offsets", "one chunk per region");
                }
            }
            catch (InputException ex)
            {
                problems[index] = ex;
            }
        });

        if (problems.FirstOrDefault(p => p is not null) is { } problem)
        {
            throw problem;
        }
    }

    private static ulong[] ReadOffsets(byte[] data, int start, int count, string file)
    {
        var reader = new ExrByteReader(data, file, start);
        var offsets = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = reader.ReadUInt64("offsets");
            if (offsets[i] < (ulong)reader.Position || offsets[i] > (ulong)data.Length - 8)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: chunk {i} is at offset {offsets[i]}, outside the {data.Length}-byte file (incomplete file?)."),
                    file, "offsets", "chunk offsets inside the file, after the offset table");
            }
        }

        return offsets;
    }

    /// <summary>Decodes one chunk into the planes; returns the index of the region it filled.</summary>
    private static int DecodeChunk(byte[] data, ulong offset, ExrHeader header, IReadOnlyList<ExrChannel> channels, ExrCompression compression, Box2i window,
        IReadOnlyList<Region> regions, string file, Memory<float>?[] targets)
    {
        var reader = new ExrByteReader(data, file, (int)offset);
        int index;
        if (header.IsTiled)
        {
            var tx = reader.ReadInt32("tile");
            var ty = reader.ReadInt32("tile");
            var lx = reader.ReadInt32("tile");
            var ly = reader.ReadInt32("tile");
            var columns = regions.Count(r => r.TileY == 0);
            var rows = regions.Count / columns;
            if (lx != 0 || ly != 0 || tx < 0 || ty < 0 || tx >= columns || ty >= rows)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: a level-0 offset points at tile ({tx}, {ty}) of level ({lx}, {ly})."),
                    file, "tile", $"a level-0 tile with x below {columns} and y below {rows}");
            }

            index = (ty * columns) + tx;
        }
        else
        {
            var y = reader.ReadInt32("chunk y");
            var lines = regions[0].Height;
            var relative = (long)y - window.MinY;
            if (relative < 0 || relative % lines != 0 || relative / lines >= regions.Count)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: a chunk starts at line {y}."), file, "chunk y",
                    string.Create(CultureInfo.InvariantCulture, $"a multiple of {lines} lines from {window.MinY}, up to {window.MaxY}"));
            }

            index = (int)(relative / lines);
        }

        var region = regions[index];
        var size = reader.ReadInt32("chunk size");
        var layout = ChunkLayout.For(region.Width, region.Height, channels);
        if (size < 0 || size > reader.Remaining)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {region.Describe()} claims {size} bytes; the file has {reader.Remaining} left."),
                file, region.Describe(), "a chunk inside the file");
        }

        var raw = ArrayPool<byte>.Shared.Rent(layout.Bytes);
        try
        {
            ChunkCodec.Decompress(compression, new ArraySegment<byte>(data, reader.Position, size), layout, raw.AsSpan(0, layout.Bytes), file, region.Describe());
            var at = 0;
            for (var line = 0; line < region.Height; line++)
            {
                var rowStart = ((long)(region.Y + line) * window.Width) + region.X;
                for (var c = 0; c < channels.Count; c++)
                {
                    var bytes = region.Width * channels[c].BytesPerSample;
                    if (targets[c] is { } target)
                    {
                        SampleConversion.Read(raw.AsSpan(at, bytes), channels[c].Type, target.Span.Slice((int)rowStart, region.Width));
                    }

                    at += bytes;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }

        return index;
    }

    private static List<Region> LineRegions(ExrCompression compression, Box2i window)
    {
        var lines = ExrFormat.LinesPerChunk(compression);
        var height = (int)window.Height;
        var regions = new List<Region>();
        for (var y = 0; y < height; y += lines)
        {
            regions.Add(new Region(0, y, (int)window.Width, Math.Min(lines, height - y), -1, -1, window.MinY + y));
        }

        return regions;
    }

    private static List<Region> TileRegions(ExrHeader header, Box2i window, string file)
    {
        var tiles = header.Tiles(file);
        if (tiles.LevelMode > 2)
        {
            throw new InputException($"{Path.GetFileName(file)}: tile level mode {tiles.LevelMode}.", file, "tiles", "0 (one level), 1 (mipmap) or 2 (ripmap)");
        }

        var width = (int)window.Width;
        var height = (int)window.Height;
        var regions = new List<Region>();
        for (var ty = 0; ty * (long)tiles.Height < height; ty++)
        {
            for (var tx = 0; tx * (long)tiles.Width < width; tx++)
            {
                var x = tx * tiles.Width;
                var y = ty * tiles.Height;
                regions.Add(new Region(x, y, Math.Min(tiles.Width, width - x), Math.Min(tiles.Height, height - y), tx, ty, window.MinY + y));
            }
        }

        return regions;
    }

    /// <summary>Where one chunk's pixels go, relative to the data window's corner.</summary>
    private sealed record Region(int X, int Y, int Width, int Height, int TileX, int TileY, int FileY)
    {
        public string Describe() => TileX >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"tile ({TileX}, {TileY})")
            : string.Create(CultureInfo.InvariantCulture, $"the chunk at line {FileY}");
    }
}
