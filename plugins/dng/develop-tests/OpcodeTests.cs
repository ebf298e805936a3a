using System.Buffers.Binary;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop.Tests;

public sealed class OpcodeTests
{
    [Fact]
    public void GainMap_multiplies_by_the_bilinear_gain_at_each_pixel_centre_within_the_area_and_pitch()
    {
        // Gains 1 2 / 3 4 on a grid with spacing 1 from origin 0: the gain at (x, y) is 1 + u + 2v, u and v the pixel centres over 4.
        var list = new OpcodeListBuilder()
            .GainMap(top: 0, left: 1, bottom: 4, right: 4, rowPitch: 2, colPitch: 2, pointsV: 2, pointsH: 2, spacing: (1, 1), origin: (0, 0), gains: [1, 2, 3, 4])
            .Parse("OpcodeList2");
        using var mosaic = Filled(4, 4, 1f);
        list.Apply(mosaic);

        float[] expected =
        [
            1, 1 + 0.375f + 0.25f, 1, 1 + 0.875f + 0.25f,
            1, 1, 1, 1,
            1, 1 + 0.375f + 1.25f, 1, 1 + 0.875f + 1.25f,
            1, 1, 1, 1,
        ];
        Assert.Equal(expected, mosaic.Samples.ToArray());
    }

    [Fact]
    public void GainMap_holds_the_edge_gains_outside_its_grid_and_uses_the_last_map_plane_for_later_planes()
    {
        // A 1×2 map starting at the image's middle: pixels left of it take the first gain, right of its end the last.
        var list = new OpcodeListBuilder()
            .GainMap(top: 0, left: 0, bottom: 1, right: 8, rowPitch: 1, colPitch: 1, plane: 0, planes: 3, pointsV: 1, pointsH: 2, spacing: (1, 0.25), origin: (0, 0.5), gains: [2, 4])
            .Parse("OpcodeList3");
        using var rgb = new PlanarImage(8, 1);
        rgb.Samples.Fill(1f);
        list.Apply(rgb);

        // Centres at (x + ½)/8: 0.0625 … 0.9375; grid position (u − 0.5)/0.25.
        float[] row = [2, 2, 2, 2, 2 + (2 * 0.25f), 2 + (2 * 0.75f), 4, 4];
        for (var plane = 0; plane < 3; plane++)
        {
            Assert.Equal(row, rgb.GetRow(plane, 0).ToArray());
        }
    }

    [Fact]
    public void MapPolynomial_maps_normalized_values_and_honours_the_sample_scale_of_stored_values()
    {
        var list = new OpcodeListBuilder().MapPolynomial(top: 0, left: 0, bottom: 2, right: 2, rowPitch: 1, colPitch: 1, coefficients: [0.1, 2, -1]).Parse("OpcodeList1");
        using var normalized = Filled(2, 2, 0.5f);
        list.Apply(normalized);
        Assert.All(normalized.Samples.ToArray(), v => Assert.Equal(0.85f, v, 6));

        using var stored = Filled(2, 2, 2047.5f);
        list.Apply(stored, sampleScale: 4095);
        Assert.All(stored.Samples.ToArray(), v => Assert.Equal(0.85 * 4095, v, 2));
    }

    [Fact]
    public void FixBadPixelsConstant_replaces_dead_photosites_by_their_same_colour_neighbours()
    {
        using var mosaic = new CfaImage(7, 7, CfaPattern.Rggb, 12);
        for (var i = 0; i < 49; i++)
        {
            mosaic.Samples[i] = 100 + i;
        }

        float At(int x, int y) => mosaic.Samples[(y * 7) + x];
        void Kill(int x, int y) => mosaic.Samples[(y * 7) + x] = 0;
        Kill(2, 2); // red
        Kill(3, 2); // green
        Kill(4, 2); // red, beside (2, 2) and (4, 4)
        Kill(4, 4); // red
        // Dead neighbours never count, even once repaired.
        var red22 = (At(0, 2) + At(2, 0) + At(2, 4)) / 3;
        var green32 = (At(2, 1) + At(4, 1) + At(2, 3) + At(4, 3)) / 4;
        var red42 = (At(6, 2) + At(4, 0)) / 2;
        var red44 = (At(2, 4) + At(6, 4) + At(4, 6)) / 3;

        new OpcodeListBuilder().FixBadPixelsConstant(constant: 0, bayerPhase: 0).Parse("OpcodeList1").Apply(mosaic, sampleScale: 65535);

        Assert.Equal(red22, At(2, 2), 4);
        Assert.Equal(green32, At(3, 2), 4);
        Assert.Equal(red42, At(4, 2), 4);
        Assert.Equal(red44, At(4, 4), 4);
    }

    [Fact]
    public void FixBadPixelsConstant_falls_back_to_the_next_ring_and_follows_the_bayer_phase()
    {
        // Phase 3 (BGGR): (1, 1) is red; kill it and its axial reds inside the image, leaving only the diagonal ring.
        using var mosaic = new CfaImage(5, 5, CfaPattern.Bggr, 12);
        mosaic.Samples.Fill(50);
        foreach (var (x, y) in new[] { (1, 1), (3, 1), (1, 3) })
        {
            mosaic.Samples[(y * 5) + x] = 4095;
        }

        mosaic.Samples[(3 * 5) + 3] = 80; // the only live red within reach, on the diagonal ring
        new OpcodeListBuilder().FixBadPixelsConstant(constant: 4095, bayerPhase: 3).Parse("OpcodeList1").Apply(mosaic, sampleScale: 65535);

        Assert.Equal(80f, mosaic.Samples[(1 * 5) + 1]);
        Assert.Equal(80f, mosaic.Samples[(1 * 5) + 3]); // (3, 1) is dead too: of its axial reds, (1, 1) is dead and (3, 3) lives
    }

    [Fact]
    public void FixVignetteRadial_applies_the_even_polynomial_of_the_normalized_radius()
    {
        var list = new OpcodeListBuilder().FixVignetteRadial([1, 0.5, 0, 0, 0], centreX: 0.5, centreY: 0.5).Parse("OpcodeList3");
        using var rgb = new PlanarImage(8, 8);
        rgb.Samples.Fill(1f);
        list.Apply(rgb);

        // Centre (4, 4); the largest centre-to-corner distance is √32.
        static float Gain(int x, int y)
        {
            var r2 = (((x - 4) * (x - 4)) + ((y - 4) * (y - 4))) / 32.0;
            return (float)(1 + r2 + (0.5 * r2 * r2));
        }

        Assert.Equal(1f, rgb.GetRow(1, 4)[4]);
        Assert.Equal(2.5f, rgb.GetRow(0, 0)[0], 6);
        Assert.Equal(Gain(7, 7), rgb.GetRow(2, 7)[7], 6);
        Assert.Equal(Gain(1, 6), rgb.GetRow(1, 6)[1], 6);
    }

    [Fact]
    public void WarpRectilinear_reads_each_plane_from_its_radially_scaled_source_position()
    {
        // Plane 0 shrinks by 2 about the centre, plane 1 is the identity, plane 2 adds a tangential term.
        var list = new OpcodeListBuilder().WarpRectilinear(
            [[0.5, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0.01, 0.02]], centreX: 0.5, centreY: 0.5).Parse("OpcodeList3");
        using var rgb = new PlanarImage(8, 8);
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < 8; y++)
            {
                for (var x = 0; x < 8; x++)
                {
                    rgb.GetRow(c, y)[x] = x + (10 * y); // a ramp: bilinear reads it exactly
                }
            }
        }

        list.Apply(rgb);

        Assert.Equal(2 + 20, rgb.GetRow(0, 0)[0], 5);          // source (2, 2)
        Assert.Equal(5.5f + 35, rgb.GetRow(0, 3)[7], 5);       // source (5.5, 3.5)
        Assert.Equal(7 + 30, rgb.GetRow(1, 3)[7], 5);          // identity
        // Tangential: d = (x − 4, y − 4)/√32; t = (kt0·2dxdy + kt1(r² + 2dx²), kt1·2dxdy + kt0(r² + 2dy²)).
        double m = Math.Sqrt(32), dx = (6 - 4) / m, dy = (1 - 4) / m, r2 = (dx * dx) + (dy * dy);
        double sx = 4 + (m * (dx + (0.01 * 2 * dx * dy) + (0.02 * (r2 + (2 * dx * dx))))), sy = 4 + (m * (dy + (0.02 * 2 * dx * dy) + (0.01 * (r2 + (2 * dy * dy)))));
        Assert.Equal(sx + (10 * sy), rgb.GetRow(2, 1)[6], 4);
    }

    [Fact]
    public void FixBadPixelsConstant_on_a_normalized_mosaic_compares_on_the_16_bit_scale()
    {
        using var mosaic = Filled(4, 4, 0.5f);
        mosaic.Samples[5] = 1f; // (1, 1): 65535 on the 16-bit scale
        new OpcodeListBuilder().FixBadPixelsConstant(constant: 65535, bayerPhase: 0).Parse("OpcodeList2").Apply(mosaic);
        Assert.All(mosaic.Samples.ToArray(), v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void FixBadPixelsList_repairs_listed_points_and_rectangles()
    {
        using var mosaic = new CfaImage(8, 8, CfaPattern.Rggb, 12);
        for (var i = 0; i < 64; i++)
        {
            mosaic.Samples[i] = i;
        }

        float At(int x, int y) => mosaic.Samples[(y * 8) + x];
        var point = (At(2, 0) + At(0, 2) + At(4, 2) + At(2, 4)) / 4; // (2, 2) is red: its axial reds two away
        var inRect = (At(6, 5) + At(4, 7) + At(6, 7)) / 3;          // (5, 6) is green; its diagonal (4, 5) is in the rectangle
        new OpcodeListBuilder().FixBadPixelsList(bayerPhase: 0, points: [(2, 2)], rects: [(5, 4, 7, 6)]).Parse("OpcodeList1").Apply(mosaic, sampleScale: 65535);

        Assert.Equal(point, At(2, 2), 4);
        Assert.Equal(inRect, At(5, 6), 4);
    }

    [Fact]
    public void MapTable_maps_the_16_bit_value_and_holds_the_last_entry()
    {
        using var mosaic = Filled(3, 1, 0);
        mosaic.Samples[0] = 0;
        mosaic.Samples[1] = 2 / 65535f;
        mosaic.Samples[2] = 1f; // past the table's end
        new OpcodeListBuilder().MapTable(0, 0, 1, 3, 1, 1, [100, 200, 300, 400]).Parse("OpcodeList2").Apply(mosaic);
        Assert.Equal([100 / 65535f, 300 / 65535f, 400 / 65535f], mosaic.Samples.ToArray());
    }

    [Fact]
    public void Delta_and_scale_per_row_and_column_use_one_value_per_row_or_column_of_the_area()
    {
        using var mosaic = Filled(4, 4, 0.5f);
        new OpcodeListBuilder()
            .PerRowColumn(10, top: 0, left: 0, bottom: 4, right: 4, rowPitch: 2, colPitch: 1, values: [0.1f, 0.2f])      // rows 0 and 2
            .PerRowColumn(13, top: 0, left: 1, bottom: 1, right: 4, rowPitch: 1, colPitch: 1, values: [2f, 3f, 4f])       // row 0, columns 1..3
            .Parse("OpcodeList2").Apply(mosaic);
        Assert.Equal([0.6f, 1.2f, 1.8f, 2.4f], mosaic.GetRow(0).ToArray(), new Within(1e-6f));
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f], mosaic.GetRow(1).ToArray());
        Assert.Equal([0.7f, 0.7f, 0.7f, 0.7f], mosaic.GetRow(2).ToArray(), new Within(1e-6f));
        var mismatch = new OpcodeListBuilder().PerRowColumn(12, 0, 0, 4, 4, 1, 1, values: [1f, 1f]).Build();
        Assert.Contains("2 values", Assert.Throws<InputException>(() => DngOpcodeList.Parse(mismatch, "OpcodeList2")).Message);
    }

    [Fact]
    public void Opcodes_apply_in_list_order()
    {
        // (x·2) then +1 is 2x + 1; the other order would give 2x + 2.
        var list = new OpcodeListBuilder()
            .MapPolynomial(top: 0, left: 0, bottom: 1, right: 1, rowPitch: 1, colPitch: 1, coefficients: [0, 2])
            .MapPolynomial(top: 0, left: 0, bottom: 1, right: 1, rowPitch: 1, colPitch: 1, coefficients: [1, 1])
            .Parse("OpcodeList2");
        using var mosaic = Filled(2, 2, 0.25f);
        list.Apply(mosaic);
        Assert.Equal([1.5f, 0.25f, 0.25f, 0.25f], mosaic.Samples.ToArray());
    }

    [Fact]
    public void An_unknown_optional_opcode_is_skipped_with_a_warning()
    {
        var list = new OpcodeListBuilder()
            .Raw(id: 2, flags: 1, parameters: new byte[40])
            .MapPolynomial(top: 0, left: 0, bottom: 1, right: 1, rowPitch: 1, colPitch: 1, coefficients: [0.5])
            .Parse("OpcodeList2", "A001_C001_0001.dng");

        var opcode = Assert.Single(list.Opcodes);
        Assert.Equal("MapPolynomial", opcode.Name);
        var warning = Assert.Single(list.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("OpcodeList2", warning.Field);
        Assert.Equal("A001_C001_0001.dng", warning.File);
        Assert.Contains("2 (WarpFisheye)", warning.Message);
    }

    [Theory]
    [InlineData(6u, "6 (TrimBounds)")]
    [InlineData(14u, "14 (WarpRectilinear2)")]
    [InlineData(99u, "99 (unknown)")]
    public void An_unknown_mandatory_opcode_is_an_input_error_naming_it(uint id, string named)
    {
        var bytes = new OpcodeListBuilder().Raw(id, flags: 0, parameters: new byte[8]).Build();
        var error = Assert.Throws<InputException>(() => DngOpcodeList.Parse(bytes, "OpcodeList3", "clip.dng"));
        Assert.Contains(named, error.Message);
        Assert.Equal("OpcodeList3", error.Field);
        Assert.Equal("clip.dng", error.File);
    }

    [Fact]
    public void Malformed_lists_are_input_errors_before_any_large_allocation()
    {
        // A count of 4 billion in an 8-byte list.
        Assert.Contains("declares 4294967295 opcodes", Assert.Throws<InputException>(() => DngOpcodeList.Parse([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0], "OpcodeList1")).Message);
        // A parameter size past the end.
        var overlong = new OpcodeListBuilder().Raw(9, flags: 0, parameters: new byte[8]).Build();
        BinaryPrimitives.WriteUInt32BigEndian(overlong.AsSpan(16), 1000);
        Assert.Contains("declares 1000 parameter bytes", Assert.Throws<InputException>(() => DngOpcodeList.Parse(overlong, "OpcodeList2")).Message);
        // A gain map whose grid does not match its bytes (a million points claimed, four given).
        var gain = new OpcodeListBuilder().GainMap(0, 0, 1, 1, 1, 1, pointsV: 1000, pointsH: 1000, spacing: (1, 1), origin: (0, 0), gains: [1]).Build();
        Assert.Contains("1000×1000 points", Assert.Throws<InputException>(() => DngOpcodeList.Parse(gain, "OpcodeList2")).Message);
        // A truncated list.
        var whole = new OpcodeListBuilder().FixVignetteRadial([0, 0, 0, 0, 0], 0.5, 0.5).Build();
        Assert.Throws<InputException>(() => DngOpcodeList.Parse(whole.AsSpan(0, whole.Length - 9), "OpcodeList3"));
        // An area with bottom above top.
        var area = new OpcodeListBuilder().MapPolynomial(top: 5, left: 0, bottom: 2, right: 1, rowPitch: 1, colPitch: 1, coefficients: [1]).Build();
        Assert.Contains("invalid area", Assert.Throws<InputException>(() => DngOpcodeList.Parse(area, "OpcodeList2")).Message);
        // Bayer phase out of range.
        var phase = new OpcodeListBuilder().FixBadPixelsConstant(0, bayerPhase: 4).Build();
        Assert.Contains("BayerPhase 4", Assert.Throws<InputException>(() => DngOpcodeList.Parse(phase, "OpcodeList1")).Message);
    }

    [Fact]
    public void The_header_flags_are_read()
    {
        var list = new OpcodeListBuilder().Raw(3, flags: 3, parameters: Vignette()).Parse("OpcodeList3");
        var opcode = Assert.Single(list.Opcodes);
        Assert.True(opcode.Optional);
        Assert.True(opcode.SkipForPreview);
        Assert.Equal(0x01030000u, opcode.SpecVersion);
        Assert.IsType<FixVignetteRadialOpcode>(opcode);

        static byte[] Vignette() => new OpcodeListBuilder().FixVignetteRadial([0, 0, 0, 0, 0], 0.5, 0.5).Build()[20..];
    }

    private static CfaImage Filled(int width, int height, float value)
    {
        var mosaic = new CfaImage(width, height, CfaPattern.Rggb, 16);
        mosaic.Samples.Fill(value);
        return mosaic;
    }
}

/// <summary>Writes opcode lists byte by byte as the DNG specification lays them out (big-endian), independently of the parser.</summary>
internal sealed class OpcodeListBuilder
{
    private readonly List<byte[]> _opcodes = [];

    public OpcodeListBuilder Raw(uint id, uint flags, byte[] parameters)
    {
        var bytes = new List<byte>();
        UInt(bytes, id);
        bytes.AddRange([1, 3, 0, 0]); // DNG version 1.3.0.0
        UInt(bytes, flags);
        UInt(bytes, (uint)parameters.Length);
        bytes.AddRange(parameters);
        _opcodes.Add([.. bytes]);
        return this;
    }

    public OpcodeListBuilder GainMap(uint top, uint left, uint bottom, uint right, uint rowPitch, uint colPitch, uint pointsV, uint pointsH, (double V, double H) spacing, (double V, double H) origin, float[] gains, uint plane = 0, uint planes = 1)
    {
        var p = new List<byte>();
        Area(p, top, left, bottom, right, plane, planes, rowPitch, colPitch);
        UInt(p, pointsV);
        UInt(p, pointsH);
        Double(p, spacing.V);
        Double(p, spacing.H);
        Double(p, origin.V);
        Double(p, origin.H);
        UInt(p, (uint)(pointsV * pointsH == 0 ? 1 : Math.Max(1, gains.Length / Math.Max(1, (int)(pointsV * pointsH)))));
        foreach (var g in gains)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteSingleBigEndian(b, g);
            p.AddRange(b);
        }

        return Raw(9, 0, [.. p]);
    }

    public OpcodeListBuilder MapPolynomial(uint top, uint left, uint bottom, uint right, uint rowPitch, uint colPitch, double[] coefficients)
    {
        var p = new List<byte>();
        Area(p, top, left, bottom, right, 0, 1, rowPitch, colPitch);
        UInt(p, (uint)(coefficients.Length - 1));
        foreach (var c in coefficients)
        {
            Double(p, c);
        }

        return Raw(8, 0, [.. p]);
    }

    public OpcodeListBuilder FixBadPixelsConstant(uint constant, uint bayerPhase)
    {
        var p = new List<byte>();
        UInt(p, constant);
        UInt(p, bayerPhase);
        return Raw(4, 0, [.. p]);
    }

    public OpcodeListBuilder FixVignetteRadial(double[] k, double centreX, double centreY)
    {
        var p = new List<byte>();
        foreach (var v in k.Append(centreX).Append(centreY))
        {
            Double(p, v);
        }

        return Raw(3, 0, [.. p]);
    }

    public OpcodeListBuilder WarpRectilinear(double[][] planes, double centreX, double centreY)
    {
        var p = new List<byte>();
        UInt(p, (uint)planes.Length);
        foreach (var v in planes.SelectMany(c => c).Append(centreX).Append(centreY))
        {
            Double(p, v);
        }

        return Raw(1, 0, [.. p]);
    }

    public OpcodeListBuilder MapTable(uint top, uint left, uint bottom, uint right, uint rowPitch, uint colPitch, ushort[] table)
    {
        var p = new List<byte>();
        Area(p, top, left, bottom, right, 0, 1, rowPitch, colPitch);
        UInt(p, (uint)table.Length);
        foreach (var t in table)
        {
            p.Add((byte)(t >> 8));
            p.Add((byte)t);
        }

        return Raw(7, 0, [.. p]);
    }

    public OpcodeListBuilder PerRowColumn(uint id, uint top, uint left, uint bottom, uint right, uint rowPitch, uint colPitch, float[] values)
    {
        var p = new List<byte>();
        Area(p, top, left, bottom, right, 0, 1, rowPitch, colPitch);
        UInt(p, (uint)values.Length);
        foreach (var v in values)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteSingleBigEndian(b, v);
            p.AddRange(b);
        }

        return Raw(id, 0, [.. p]);
    }

    public OpcodeListBuilder FixBadPixelsList(uint bayerPhase, (uint Row, uint Column)[] points, (uint Top, uint Left, uint Bottom, uint Right)[] rects)
    {
        var p = new List<byte>();
        UInt(p, bayerPhase);
        UInt(p, (uint)points.Length);
        UInt(p, (uint)rects.Length);
        foreach (var (row, column) in points)
        {
            UInt(p, row);
            UInt(p, column);
        }

        foreach (var (top, left, bottom, right) in rects)
        {
            UInt(p, top);
            UInt(p, left);
            UInt(p, bottom);
            UInt(p, right);
        }

        return Raw(5, 0, [.. p]);
    }

    public byte[] Build()
    {
        var bytes = new List<byte>();
        UInt(bytes, (uint)_opcodes.Count);
        foreach (var opcode in _opcodes)
        {
            bytes.AddRange(opcode);
        }

        return [.. bytes];
    }

    public DngOpcodeList Parse(string list, string? file = null) => DngOpcodeList.Parse(Build(), list, file);

    private static void Area(List<byte> p, uint top, uint left, uint bottom, uint right, uint plane, uint planes, uint rowPitch, uint colPitch)
    {
        foreach (var v in new[] { top, left, bottom, right, plane, planes, rowPitch, colPitch })
        {
            UInt(p, v);
        }
    }

    private static void UInt(List<byte> bytes, uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        bytes.AddRange(b);
    }

    private static void Double(List<byte> bytes, double value)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(b, value);
        bytes.AddRange(b);
    }
}

/// <summary>Float equality within a tolerance, for collection asserts.</summary>
internal sealed class Within(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
