using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Tiff;

namespace Rushes.Plugins.Dng.Raw;

/// <summary>One strip or tile of raw data: where it is and which rectangle of the image it holds.</summary>
internal readonly record struct RawBlock(long Offset, long ByteCount, int Left, int Top, int Width, int Height);

/// <summary>
/// The main raw image of a DNG (DNG 1.7.1 chapter 4 "Raw IFD" tags), read from its IFD and checked: size within
/// <see cref="ImageLimits"/>, a layout we can decode, levels and areas consistent with the image. Nothing here is
/// allocated from the file's numbers before they are checked.
/// </summary>
internal sealed class RawImage
{
    public const int PhotometricCfa = 32803;
    public const int PhotometricLinearRaw = 34892;

    private RawImage()
    {
    }

    public required string File { get; init; }

    public required TiffDirectory Directory { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>1 for a CFA mosaic; 1 to 4 for LinearRaw (3 for RGB).</summary>
    public required int SamplesPerPixel { get; init; }

    public required int BitsPerSample { get; init; }

    public required bool FloatingPoint { get; init; }

    /// <summary>The file's byte order (uncompressed 16-bit and float samples are in it).</summary>
    public required bool BigEndian { get; init; }

    public required int Compression { get; init; }

    public required int Predictor { get; init; }

    public required int Photometric { get; init; }

    public bool IsLinearRaw => Photometric == PhotometricLinearRaw;

    /// <summary>The CFA tile, origin at the ActiveArea's top left (DNG: CFAPattern); null for LinearRaw.</summary>
    public CfaPattern? Pattern { get; init; }

    public required int BlockWidth { get; init; }

    public required int BlockHeight { get; init; }

    public required bool Tiled { get; init; }

    public required IReadOnlyList<RawBlock> Blocks { get; init; }

    public ushort[]? LinearizationTable { get; init; }

    public required (int Rows, int Cols) BlackRepeat { get; init; }

    /// <summary>BlackLevel: rows × cols × samples values.</summary>
    public required double[] BlackLevel { get; init; }

    public double[]? BlackLevelDeltaH { get; init; }

    public double[]? BlackLevelDeltaV { get; init; }

    /// <summary>WhiteLevel per sample.</summary>
    public required double[] WhiteLevel { get; init; }

    /// <summary>Top, left, bottom, right.</summary>
    public required (int Top, int Left, int Bottom, int Right) ActiveArea { get; init; }

    public int ActiveWidth => ActiveArea.Right - ActiveArea.Left;

    public int ActiveHeight => ActiveArea.Bottom - ActiveArea.Top;

    /// <summary>DefaultCropOrigin and DefaultCropSize, relative to the active area, in raw pixels.</summary>
    public required (double X, double Y, double Width, double Height) DefaultCrop { get; init; }

    /// <summary>DefaultScale: horizontal and vertical.</summary>
    public required (double H, double V) DefaultScale { get; init; }

    public double PixelAspectRatio => DefaultScale.H / DefaultScale.V;

    public byte[]? OpcodeList1 { get; init; }

    public byte[]? OpcodeList2 { get; init; }

    public byte[]? OpcodeList3 { get; init; }

    /// <summary>Finds the main raw IFD (NewSubFileType 0, CFA or LinearRaw) in IFD0 or a SubIFD and reads its description.</summary>
    public static RawImage Select(TiffFile tiff)
    {
        var candidates = tiff.Directories.Where(d => d.Kind is TiffDirectoryKind.Main or TiffDirectoryKind.SubIfd).ToList();
        foreach (var directory in candidates)
        {
            var subFileType = directory[TiffTags.NewSubFileType]?.Unsigned(0) ?? 0;
            var photometric = directory[TiffTags.PhotometricInterpretation] is { } p ? (int)p.Unsigned(0) : 0;
            if (subFileType == 0 && photometric is PhotometricCfa or PhotometricLinearRaw)
            {
                return Read(tiff, directory, photometric);
            }
        }

        throw new InputException($"{Path.GetFileName(tiff.Path)} has no main raw image: no IFD with NewSubFileType 0 and PhotometricInterpretation 32803 (CFA) or 34892 (LinearRaw).",
            tiff.Path, "NewSubFileType", "a raw IFD in IFD0 or a SubIFD");
    }

    private static RawImage Read(TiffFile tiff, TiffDirectory ifd, int photometric)
    {
        var file = tiff.Path;
        var f = new Fields(ifd, file);
        var width = f.Required(TiffTags.ImageWidth).Int();
        var height = f.Required(TiffTags.ImageLength).Int();
        if (width == 0 || height == 0 || !ImageLimits.IsAllowed(width, height))
        {
            throw new InputException($"The raw image in {ifd.Name} is {width} × {height} pixels.", file, "ImageWidth",
                $"1 to {ImageLimits.MaxDimension} pixels a side and at most {ImageLimits.MaxPixels} pixels");
        }

        var spp = f.Optional(TiffTags.SamplesPerPixel)?.Int() ?? 1;
        if (photometric == PhotometricCfa ? spp != 1 : spp is < 1 or > 4)
        {
            throw new InputException($"The raw image has SamplesPerPixel {spp}.", file, "SamplesPerPixel", photometric == PhotometricCfa ? "1 for a CFA image" : "1 to 4 for LinearRaw");
        }

        var bitsEntry = f.Required(TiffTags.BitsPerSample);
        var bits = bitsEntry.Int();
        var sampleFormat = f.Optional(TiffTags.SampleFormat)?.Int() ?? 1;
        var floating = sampleFormat == 3;
        if (sampleFormat is not (1 or 3) || (floating ? bits is not (16 or 24 or 32) : bits is < 8 or > 16))
        {
            throw new InputException($"The raw image has {bits}-bit samples of SampleFormat {sampleFormat}.", file, "BitsPerSample",
                "unsigned integers of 8 to 16 bits, or 16-, 24- or 32-bit floating point");
        }

        if ((f.Optional(TiffTags.PlanarConfiguration)?.Int() ?? 1) != 1)
        {
            throw new InputException("The raw image is stored planar.", file, "PlanarConfiguration", "1 (chunky), as DNG requires");
        }

        var compression = f.Required(TiffTags.Compression).Int();
        Compressions.Check(compression, file);
        var predictor = f.Optional(TiffTags.Predictor)?.Int() ?? 1;
        var (blockWidth, blockHeight, tiled, blocks) = ReadBlocks(f, ifd, width, height, tiff.Length, file);

        CfaPattern? pattern = null;
        if (photometric == PhotometricCfa)
        {
            pattern = ReadPattern(f, file);
        }

        var activeArea = (0, 0, height, width);
        if (f.Optional(TiffTags.ActiveArea) is { } area)
        {
            var a = f.Numbers(area, 4, 4);
            if (a[0] < 0 || a[1] < 0 || a[2] > height || a[3] > width || a[0] >= a[2] || a[1] >= a[3])
            {
                throw new InputException($"ActiveArea ({string.Join(", ", a)}) is not inside the {width} × {height} image.", file, "ActiveArea", "top < bottom ≤ height, left < right ≤ width");
            }

            activeArea = ((int)a[0], (int)a[1], (int)a[2], (int)a[3]);
        }

        var activeWidth = activeArea.Item4 - activeArea.Item2;
        var activeHeight = activeArea.Item3 - activeArea.Item1;
        var repeat = (1, 1);
        if (f.Optional(TiffTags.BlackLevelRepeatDim) is { } dim)
        {
            var d = f.Numbers(dim, 2, 2);
            if (d[0] is < 1 or > 256 || d[1] is < 1 or > 256)
            {
                throw new InputException($"BlackLevelRepeatDim is {d[0]} × {d[1]}.", file, "BlackLevelRepeatDim", "1 to 256 rows and columns");
            }

            repeat = ((int)d[0], (int)d[1]);
        }

        var blackCount = repeat.Item1 * repeat.Item2 * spp;
        var black = f.Optional(TiffTags.BlackLevel) is { } bl ? f.Numbers(bl, blackCount, blackCount) : new double[blackCount];
        var deltaH = f.Optional(TiffTags.BlackLevelDeltaH) is { } dh ? f.Numbers(dh, activeWidth, activeWidth) : null;
        var deltaV = f.Optional(TiffTags.BlackLevelDeltaV) is { } dv ? f.Numbers(dv, activeHeight, activeHeight) : null;
        var defaultWhite = floating ? 1.0 : (1 << bits) - 1;
        var white = f.Optional(TiffTags.WhiteLevel) is { } wl ? f.Numbers(wl, 1, spp) : [defaultWhite];
        if (white.Length < spp)
        {
            white = [.. Enumerable.Repeat(white[0], spp)];
        }

        if (white.Any(w => !(w > 0) || !double.IsFinite(w)) || black.Any(b => !double.IsFinite(b)))
        {
            throw new InputException($"WhiteLevel ({string.Join(", ", white)}) or BlackLevel is not a positive finite number.", file, "WhiteLevel", "finite levels, white above 0");
        }

        ushort[]? table = null;
        if (f.Optional(TiffTags.LinearizationTable) is { } lt)
        {
            if (lt.Type != TiffFieldType.Short || lt.Count is < 1 or > 65536)
            {
                throw new InputException($"LinearizationTable has {lt.Count} values of type {lt.Type}.", file, "LinearizationTable", "1 to 65536 SHORT values");
            }

            table = [.. f.Numbers(lt, 1, 65536).Select(v => (ushort)v)];
        }

        var cropOrigin = f.Optional(TiffTags.DefaultCropOrigin) is { } co ? f.Numbers(co, 2, 2) : [0.0, 0.0];
        var cropSize = f.Optional(TiffTags.DefaultCropSize) is { } cs ? f.Numbers(cs, 2, 2) : [activeWidth, activeHeight];
        if (cropOrigin.Any(v => !(v >= 0)) || cropSize.Any(v => !(v >= 1)) || cropOrigin[0] + cropSize[0] > activeWidth + 1e-6 || cropOrigin[1] + cropSize[1] > activeHeight + 1e-6)
        {
            throw new InputException($"DefaultCropOrigin ({cropOrigin[0]}, {cropOrigin[1]}) and DefaultCropSize ({cropSize[0]}, {cropSize[1]}) leave the {activeWidth} × {activeHeight} active area.",
                file, "DefaultCropSize", "a crop inside the active area");
        }

        var scale = f.Optional(TiffTags.DefaultScale) is { } ds ? f.Numbers(ds, 2, 2) : [1.0, 1.0];
        if (scale.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            throw new InputException($"DefaultScale is ({scale[0]}, {scale[1]}).", file, "DefaultScale", "two positive numbers");
        }

        return new RawImage
        {
            File = file,
            Directory = ifd,
            Width = width,
            Height = height,
            SamplesPerPixel = spp,
            BitsPerSample = bits,
            FloatingPoint = floating,
            BigEndian = tiff.BigEndian,
            Compression = compression,
            Predictor = predictor,
            Photometric = photometric,
            Pattern = pattern,
            BlockWidth = blockWidth,
            BlockHeight = blockHeight,
            Tiled = tiled,
            Blocks = blocks,
            LinearizationTable = table,
            BlackRepeat = repeat,
            BlackLevel = black,
            BlackLevelDeltaH = deltaH,
            BlackLevelDeltaV = deltaV,
            WhiteLevel = white,
            ActiveArea = activeArea,
            DefaultCrop = (cropOrigin[0], cropOrigin[1], cropSize[0], cropSize[1]),
            DefaultScale = (scale[0], scale[1]),
            OpcodeList1 = ifd[TiffTags.OpcodeList1]?.Bytes.ToArray(),
            OpcodeList2 = ifd[TiffTags.OpcodeList2]?.Bytes.ToArray(),
            OpcodeList3 = ifd[TiffTags.OpcodeList3]?.Bytes.ToArray(),
        };
    }

    private static (int Width, int Height, bool Tiled, RawBlock[] Blocks) ReadBlocks(Fields f, TiffDirectory ifd, int width, int height, long fileLength, string file)
    {
        var tiled = ifd.Has(TiffTags.TileWidth) || ifd.Has(TiffTags.TileOffsets);
        int blockWidth, blockHeight;
        TiffEntry offsets, counts;
        if (tiled)
        {
            blockWidth = f.Required(TiffTags.TileWidth).Int();
            blockHeight = f.Required(TiffTags.TileLength).Int();
            offsets = f.Required(TiffTags.TileOffsets);
            counts = f.Required(TiffTags.TileByteCounts);
            if (blockWidth < 1 || blockHeight < 1 || !ImageLimits.IsAllowed(blockWidth, blockHeight))
            {
                throw new InputException($"Tiles are {blockWidth} × {blockHeight} pixels.", file, "TileWidth", "tiles of a size ImageLimits allows");
            }
        }
        else
        {
            blockWidth = width;
            blockHeight = Math.Min(height, f.Optional(TiffTags.RowsPerStrip) is { } rps ? (int)Math.Min(rps.Unsigned(0), int.MaxValue) : height);
            offsets = f.Required(TiffTags.StripOffsets);
            counts = f.Required(TiffTags.StripByteCounts);
            if (blockHeight < 1)
            {
                throw new InputException("RowsPerStrip is 0.", file, "RowsPerStrip", "at least 1");
            }
        }

        var across = (width + blockWidth - 1) / blockWidth;
        var down = (height + blockHeight - 1) / blockHeight;
        var expected = (long)across * down;
        if (offsets.Count != expected || counts.Count != expected)
        {
            throw new InputException($"{offsets.Name} has {offsets.Count} and {counts.Name} {counts.Count} entries for an image of {expected} {(tiled ? "tiles" : "strips")}.",
                file, offsets.Name, $"{expected} entries each");
        }

        var blocks = new RawBlock[expected];
        for (var i = 0; i < blocks.Length; i++)
        {
            var offset = (long)offsets.Unsigned(i);
            var count = (long)counts.Unsigned(i);
            if (offset + count > fileLength)
            {
                throw new InputException($"{(tiled ? "Tile" : "Strip")} {i} at offset {offset} with {count} bytes runs past the end of the file ({fileLength} bytes).",
                    file, offsets.Name, "raw data within the file");
            }

            var left = i % across * blockWidth;
            var top = i / across * blockHeight;
            blocks[i] = new RawBlock(offset, count, left, top, blockWidth, tiled ? blockHeight : Math.Min(blockHeight, height - top));
        }

        return (blockWidth, blockHeight, tiled, blocks);
    }

    private static CfaPattern ReadPattern(Fields f, string file)
    {
        var dim = f.Optional(TiffTags.CfaRepeatPatternDim) is { } d ? f.Numbers(d, 2, 2) : [2.0, 2.0];
        var rows = (int)dim[0];
        var cols = (int)dim[1];
        if (rows is < 1 or > 16 || cols is < 1 or > 16 || rows != cols)
        {
            throw new InputException($"CFARepeatPatternDim is {rows} × {cols}.", file, "CFARepeatPatternDim", "a square tile of 1 to 16 photosites a side");
        }

        var codes = f.Numbers(f.Required(TiffTags.CfaPattern), rows * cols, rows * cols);
        // CFAPlaneColor maps the pattern's plane numbers to colours (0 red, 1 green, 2 blue, 3 cyan, 4 magenta, 5 yellow, 6 white; TIFF/EP).
        var planes = f.Optional(TiffTags.CfaPlaneColor) is { } pc ? f.Numbers(pc, 1, 16) : [0.0, 1.0, 2.0];
        var colours = new CfaColour[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var plane = (int)codes[i];
            if (plane < 0 || plane >= planes.Length || planes[plane] is < 0 or > 6)
            {
                throw new InputException($"CFAPattern names plane {plane}, which CFAPlaneColor does not define.", file, "CFAPattern", "planes listed in CFAPlaneColor");
            }

            colours[i] = (CfaColour)(int)planes[plane];
        }

        return new CfaPattern(cols, rows, colours);
    }

    /// <summary>Required and optional fields of one IFD, with counts checked.</summary>
    private readonly struct Fields(TiffDirectory ifd, string file)
    {
        public TiffEntry Required(ushort tag)
            => ifd[tag] ?? throw new InputException($"The raw IFD ({ifd.Name}) has no {TiffTags.NameOf(tag)} (tag {tag}).", file, TiffTags.NameOf(tag), "the tag, which DNG requires");

        public TiffEntry? Optional(ushort tag) => ifd[tag];

        public double[] Numbers(TiffEntry entry, int min, int max)
        {
            if (!TiffFieldTypes.IsNumeric(entry.Type))
            {
                throw entry.WrongType("numbers");
            }

            if (entry.Count < min || entry.Count > max)
            {
                throw new InputException($"{entry.Name} (tag {entry.Tag}) has {entry.Count} values.", file, entry.Name, min == max ? $"{min} values" : $"{min} to {max} values");
            }

            var values = entry.Numbers();
            return values.Any(double.IsNaN)
                ? throw new InputException($"{entry.Name} (tag {entry.Tag}) holds a fraction with a zero denominator.", file, entry.Name, "numbers")
                : values;
        }
    }
}
