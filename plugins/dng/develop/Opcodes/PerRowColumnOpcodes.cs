namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// DeltaPerRow (10), DeltaPerColumn (11), ScalePerRow (12) and ScalePerColumn (13): one float per row (or column)
/// of the area, added to (or multiplying) the normalized values of that row (or column).
/// </summary>
public sealed class PerRowColumnOpcode : DngOpcode
{
    private readonly float[] _values;

    internal PerRowColumnOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        Area = OpcodeArea.Read(ref reader, Name);
        var count = reader.UInt32();
        var expected = PerRow
            ? ((long)Area.Bottom - Area.Top + Area.RowPitch - 1) / Area.RowPitch
            : ((long)Area.Right - Area.Left + Area.ColPitch - 1) / Area.ColPitch;
        if (count != expected || reader.Remaining != (long)count * 4)
        {
            throw reader.Error($"{Name} has {count} values and {reader.Remaining} bytes for an area of {expected} {(PerRow ? "rows" : "columns")}.", "one 4-byte float per row or column of the area");
        }

        _values = new float[count];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = reader.Single();
        }
    }

    public OpcodeArea Area { get; }

    /// <summary>The value per row or column of the area.</summary>
    public IReadOnlyList<float> Values => _values;

    private bool PerRow => Id is 10 or 12;

    private bool Scales => Id is 12 or 13;

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        var (first, end, step) = Area.Columns(image.Width);
        var offsetScale = (float)sampleScale;
        Area.ForEachRow(image, (plane, _, y) =>
        {
            var row = image.Row(plane, y);
            var rowValue = PerRow ? _values[(y - Area.Top) / Area.RowPitch] : 0f;
            for (var x = first; x < end; x += step)
            {
                var value = PerRow ? rowValue : _values[(x - Area.Left) / Area.ColPitch];
                row[x] = Scales ? row[x] * value : row[x] + (value * offsetScale);
            }
        });
    }
}

/// <summary>MapTable (opcode 7): replaces each 16-bit value of the area by Table[min(value, size − 1)].</summary>
public sealed class MapTableOpcode : DngOpcode
{
    private const int MaxEntries = 65536;

    private readonly ushort[] _table;

    internal MapTableOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        Area = OpcodeArea.Read(ref reader, Name);
        var size = reader.UInt32();
        if (size is 0 or > MaxEntries || reader.Remaining != size * 2)
        {
            throw reader.Error($"MapTable has {size} entries and {reader.Remaining} bytes.", $"1 to {MaxEntries} entries of 2 bytes");
        }

        _table = new ushort[size];
        var bytes = reader.Bytes((int)size * 2);
        for (var i = 0; i < _table.Length; i++)
        {
            _table[i] = (ushort)((bytes[2 * i] << 8) | bytes[(2 * i) + 1]);
        }
    }

    public OpcodeArea Area { get; }

    public IReadOnlyList<ushort> Table => _table;

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        var (first, end, step) = Area.Columns(image.Width);
        var toInteger = OpcodeValues.IntegerScale(sampleScale);
        var fromInteger = 1 / toInteger;
        Area.ForEachRow(image, (plane, _, y) =>
        {
            var row = image.Row(plane, y);
            for (var x = first; x < end; x += step)
            {
                var index = (int)Math.Clamp(Math.Round(row[x] * toInteger), 0, _table.Length - 1);
                row[x] = (float)(_table[index] * fromInteger);
            }
        });
    }
}

/// <summary>FixBadPixelsList (opcode 5): repairs the listed photosites and rectangles, as FixBadPixelsConstant does.</summary>
public sealed class FixBadPixelsListOpcode : DngOpcode
{
    internal FixBadPixelsListOpcode(OpcodeHeader header, ref OpcodeReader reader)
        : base(header)
    {
        var phase = reader.UInt32();
        var points = reader.UInt32();
        var rects = reader.UInt32();
        if (phase > 3 || reader.Remaining != ((long)points * 8) + ((long)rects * 16))
        {
            throw reader.Error($"FixBadPixelsList has BayerPhase {phase}, {points} points and {rects} rectangles in {reader.Remaining} bytes.", "BayerPhase 0 to 3, 8 bytes per point and 16 per rectangle");
        }

        BayerPhase = (int)phase;
        var list = new List<(uint Row, uint Column)>((int)points);
        for (var i = 0; i < points; i++)
        {
            list.Add((reader.UInt32(), reader.UInt32()));
        }

        var rectangles = new List<(uint Top, uint Left, uint Bottom, uint Right)>((int)rects);
        for (var i = 0; i < rects; i++)
        {
            rectangles.Add((reader.UInt32(), reader.UInt32(), reader.UInt32(), reader.UInt32()));
        }

        Points = list;
        Rectangles = rectangles;
    }

    public int BayerPhase { get; }

    public IReadOnlyList<(uint Row, uint Column)> Points { get; }

    /// <summary>Top, left, bottom, right; bottom and right exclusive.</summary>
    public IReadOnlyList<(uint Top, uint Left, uint Bottom, uint Right)> Rectangles { get; }

    internal override void Apply(ImagePlanes image, double sampleScale)
    {
        if (image.Planes != 1)
        {
            throw new Rushes.Contracts.Plugins.InputException("FixBadPixelsList applies to a Bayer mosaic, not to an RGB image (it belongs in OpcodeList1 or 2).", file: null, field: "FixBadPixelsList", expected: "a one-plane mosaic");
        }

        int width = image.Width, height = image.Height;
        var bad = new bool[width * height];
        foreach (var (row, column) in Points)
        {
            if (row < height && column < width)
            {
                bad[(row * width) + column] = true;
            }
        }

        foreach (var (top, left, bottom, right) in Rectangles)
        {
            for (var y = top; y < Math.Min(bottom, (uint)height); y++)
            {
                for (var x = left; x < Math.Min(right, (uint)width); x++)
                {
                    bad[(y * width) + x] = true;
                }
            }
        }

        BadPixels.Repair(image.Plane(0), bad, width, height, BayerPhase);
    }
}
