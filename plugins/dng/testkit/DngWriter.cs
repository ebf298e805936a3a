using System.IO.Compression;
using System.Text;

namespace Rushes.Plugins.Dng.TestKit;

/// <summary>
/// Writes <see cref="DngFile"/>s as DNG 1.4 files (Adobe DNG specification 1.4 / 1.7 chapters 4-6;
/// CinemaDNG 1.1 tags), independently of the plugin's reader so that each checks the other.
/// </summary>
public static class DngWriter
{
    public static byte[] Write(DngFile dng)
    {
        var raw = RawDirectory(dng);
        var ifd0 = dng.RawInSubIfd ? PreviewDirectory() : raw;
        ifd0.Set(0xC612, TiffValue.Bytes(dng.DngVersion)).Set(0xC613, TiffValue.Bytes(1, 1, 0, 0))
            .Set(0x010F, TiffValue.Ascii(dng.Make)).Set(0x0110, TiffValue.Ascii(dng.Model)).Set(0x0112, TiffValue.Short(dng.Orientation));
        SetText(ifd0, 0xC614, dng.UniqueCameraModel);
        SetText(ifd0, 0xC62F, dng.CameraSerialNumber);
        SetText(ifd0, 0x0131, dng.Software);
        SetText(ifd0, 0x0132, dng.DateTime);
        SetColour(ifd0, dng);
        SetCinemaDng(ifd0, dng);
        if (dng.Xmp is not null)
        {
            ifd0.Set(0x02BC, TiffValue.Bytes(Encoding.UTF8.GetBytes(dng.Xmp)));
        }

        var exif = ExifDirectory(dng);
        if (exif.Fields.Count > 0)
        {
            ifd0.Children[0x8769] = [exif];
        }

        if (dng.RawInSubIfd)
        {
            ifd0.Children[0x014A] = [raw];
        }

        foreach (var (tag, value) in dng.ExtraIfd0Fields)
        {
            ifd0.Set(tag, value);
        }

        foreach (var (tag, value) in dng.ExtraRawFields)
        {
            raw.Set(tag, value);
        }

        return TiffWriter.Write(ifd0, dng.BigEndian);
    }

    /// <summary>Writes to a file through a temporary name.</summary>
    public static void Write(DngFile dng, string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, Write(dng));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Writes a CinemaDNG clip folder: one DNG per frame named <c>{name}_{frame:000000}.dng</c>,
    /// with the timecode advancing one frame each (non-drop arithmetic at the nominal rate).
    /// </summary>
    public static IReadOnlyList<string> WriteSequence(string folder, string name, IEnumerable<int> frames, Func<int, DngFile> frame)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var number in frames)
        {
            var path = Path.Combine(folder, $"{name}_{number:000000}.dng");
            Write(frame(number), path);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>A timecode advanced by whole frames at an integer timecode base.</summary>
    public static (int H, int M, int S, int F, bool Drop) AddFrames((int H, int M, int S, int F, bool Drop) tc, int frames, int timebase)
    {
        var total = (((((tc.H * 60) + tc.M) * 60) + tc.S) * timebase) + tc.F + frames;
        return (total / (3600 * timebase) % 24, total / (60 * timebase) % 60, total / timebase % 60, total % timebase, tc.Drop);
    }

    private static TiffDirectory PreviewDirectory()
    {
        // A 4×4 8-bit RGB thumbnail, NewSubFileType 1: readers must skip it for the raw SubIFD.
        var preview = new TiffDirectory()
            .Set(0x00FE, TiffValue.Long(1)).Set(0x0100, TiffValue.Long(4)).Set(0x0101, TiffValue.Long(4))
            .Set(0x0102, TiffValue.Short(8, 8, 8)).Set(0x0103, TiffValue.Short(1)).Set(0x0106, TiffValue.Short(2))
            .Set(0x0115, TiffValue.Short(3)).Set(0x0116, TiffValue.Long(4)).Set(0x011C, TiffValue.Short(1));
        preview.DataBlocks.Add([.. Enumerable.Range(0, 48).Select(i => (byte)(i * 5))]);
        return preview;
    }

    private static TiffDirectory RawDirectory(DngFile dng)
    {
        var isFloat = dng.FloatSamples is not null;
        var spp = dng.SamplesPerPixel;
        var ifd = new TiffDirectory()
            .Set(0x00FE, TiffValue.Long(0)).Set(0x0100, TiffValue.Long((uint)dng.Width)).Set(0x0101, TiffValue.Long((uint)dng.Height))
            .Set(0x0102, TiffValue.Short([.. Enumerable.Repeat((ushort)dng.BitsPerSample, spp)]))
            .Set(0x0103, TiffValue.Short((ushort)dng.Compression))
            .Set(0x0106, TiffValue.Short(spp == 1 ? (ushort)32803 : (ushort)34892))
            .Set(0x0115, TiffValue.Short((ushort)spp)).Set(0x011C, TiffValue.Short(1));
        if (isFloat)
        {
            ifd.Set(0x0153, TiffValue.Short([.. Enumerable.Repeat((ushort)3, spp)]));
        }

        if (dng.Compression == DngCompression.Deflate && dng.DeflatePredictor != 1)
        {
            ifd.Set(0x013D, TiffValue.Short((ushort)dng.DeflatePredictor));
        }

        if (spp == 1)
        {
            ifd.Set(0x828D, TiffValue.Short(2, 2)).Set(0x828E, TiffValue.Bytes([.. dng.CfaPattern.Select(c => (byte)"RGB".IndexOf(c, StringComparison.Ordinal))]))
                .Set(0xC616, TiffValue.Bytes(0, 1, 2)).Set(0xC617, TiffValue.Short(1));
        }

        if (dng.LinearizationTable is { } table)
        {
            ifd.Set(0xC618, TiffValue.Short(table));
        }

        ifd.Set(0xC619, TiffValue.Short((ushort)dng.BlackLevelRepeatDim.Rows, (ushort)dng.BlackLevelRepeatDim.Cols))
            .Set(0xC61A, TiffValue.Rational(dng.BlackLevel)).Set(0xC61D, TiffValue.Long(dng.WhiteLevel));
        if (dng.BlackLevelDeltaH is { } dh)
        {
            ifd.Set(0xC61B, TiffValue.SRational(dh));
        }

        if (dng.BlackLevelDeltaV is { } dv)
        {
            ifd.Set(0xC61C, TiffValue.SRational(dv));
        }

        if (dng.ActiveArea is { } area)
        {
            ifd.Set(0xC68D, TiffValue.Long(area));
        }

        if (dng.DefaultCropOrigin is { } origin)
        {
            ifd.Set(0xC61F, TiffValue.Rational(origin));
        }

        if (dng.DefaultCropSize is { } size)
        {
            ifd.Set(0xC620, TiffValue.Rational(size));
        }

        if (dng.DefaultScale is { } scale)
        {
            ifd.Set(0xC61E, TiffValue.Rational(scale));
        }

        SetBytes(ifd, 0xC740, dng.OpcodeList1);
        SetBytes(ifd, 0xC741, dng.OpcodeList2);
        SetBytes(ifd, 0xC74E, dng.OpcodeList3);
        RawData.Add(ifd, dng);
        return ifd;
    }

    private static void SetColour(TiffDirectory ifd, DngFile dng)
    {
        SetSRational(ifd, 0xC621, dng.ColorMatrix1);
        SetSRational(ifd, 0xC622, dng.ColorMatrix2);
        if (dng.ColorMatrix1 is not null)
        {
            ifd.Set(0xC65A, TiffValue.Short(dng.CalibrationIlluminant1));
        }

        if (dng.ColorMatrix2 is not null)
        {
            ifd.Set(0xC65B, TiffValue.Short(dng.CalibrationIlluminant2));
        }

        SetSRational(ifd, 0xC623, dng.CameraCalibration1);
        SetSRational(ifd, 0xC624, dng.CameraCalibration2);
        SetSRational(ifd, 0xC714, dng.ForwardMatrix1);
        SetSRational(ifd, 0xC715, dng.ForwardMatrix2);
        if (dng.AnalogBalance is { } ab)
        {
            ifd.Set(0xC627, TiffValue.Rational(ab));
        }

        if (dng.AsShotNeutral is { } neutral)
        {
            ifd.Set(0xC628, TiffValue.Rational(neutral));
        }

        if (dng.AsShotWhiteXY is { } xy)
        {
            ifd.Set(0xC629, TiffValue.Rational(xy));
        }

        if (dng.BaselineExposure is { } exposure)
        {
            ifd.Set(0xC62A, TiffValue.SRational(exposure));
        }
    }

    private static void SetCinemaDng(TiffDirectory ifd, DngFile dng)
    {
        if (dng.TimeCode is { } tc)
        {
            // SMPTE 12M BCD as CinemaDNG 1.1 TimeCodes stores it: frames (0x40 = drop frame), seconds, minutes, hours, then binary groups.
            ifd.Set(0xC763, TiffValue.Bytes((byte)(Bcd(tc.F) | (tc.Drop ? 0x40 : 0)), Bcd(tc.S), Bcd(tc.M), Bcd(tc.H), 0, 0, 0, 0));
        }

        if (dng.FrameRate is { } fps)
        {
            ifd.Set(0xC764, TiffValue.SRational((fps.Num, fps.Den)));
        }

        if (dng.TStop is { } t)
        {
            ifd.Set(0xC772, TiffValue.Rational((t.Num, t.Den)));
        }

        SetText(ifd, 0xC789, dng.ReelName);
        SetText(ifd, 0xC7A1, dng.CameraLabel);
    }

    private static TiffDirectory ExifDirectory(DngFile dng)
    {
        var exif = new TiffDirectory();
        if (dng.ExposureTime is { } et)
        {
            exif.Set(0x829A, TiffValue.Rational((et.Num, et.Den)));
        }

        if (dng.FNumber is { } f)
        {
            exif.Set(0x829D, TiffValue.Rational((f.Num, f.Den)));
        }

        if (dng.Iso is { } iso)
        {
            exif.Set(0x8827, TiffValue.Short(iso));
        }

        SetText(exif, 0x9003, dng.DateTimeOriginal);
        if (dng.FocalLength is { } fl)
        {
            exif.Set(0x920A, TiffValue.Rational((fl.Num, fl.Den)));
        }

        SetText(exif, 0xA431, dng.BodySerialNumber);
        SetText(exif, 0xA433, dng.LensMake);
        SetText(exif, 0xA434, dng.LensModel);
        SetText(exif, 0xA435, dng.LensSerialNumber);
        foreach (var (tag, value) in dng.ExtraExifFields)
        {
            exif.Set(tag, value);
        }

        return exif;
    }

    private static byte Bcd(int value) => (byte)(((value / 10) << 4) | (value % 10));

    private static void SetText(TiffDirectory ifd, ushort tag, string? text)
    {
        if (text is not null)
        {
            ifd.Set(tag, TiffValue.Ascii(text));
        }
    }

    private static void SetSRational(TiffDirectory ifd, ushort tag, double[]? values)
    {
        if (values is not null)
        {
            ifd.Set(tag, TiffValue.SRational(values));
        }
    }

    private static void SetBytes(TiffDirectory ifd, ushort tag, byte[]? bytes)
    {
        if (bytes is not null)
        {
            ifd.Set(tag, TiffValue.Undefined(bytes));
        }
    }

    /// <summary>Cuts the image into strips or tiles and encodes each.</summary>
    private static class RawData
    {
        public static void Add(TiffDirectory ifd, DngFile dng)
        {
            var tiled = dng.TileWidth > 0;
            int blockWidth, blockHeight;
            if (tiled)
            {
                (blockWidth, blockHeight) = (dng.TileWidth, dng.TileHeight);
                ifd.Set(0x0142, TiffValue.Long((uint)blockWidth)).Set(0x0143, TiffValue.Long((uint)blockHeight));
                ifd.OffsetsTag = 0x0144;
                ifd.ByteCountsTag = 0x0145;
            }
            else
            {
                blockWidth = dng.Width;
                blockHeight = dng.RowsPerStrip > 0 ? dng.RowsPerStrip : dng.Height;
                ifd.Set(0x0116, TiffValue.Long((uint)blockHeight));
            }

            for (var top = 0; top < dng.Height; top += blockHeight)
            {
                for (var left = 0; left < dng.Width; left += blockWidth)
                {
                    // Strips end at the image; tiles are padded to full size by repeating the edge.
                    var rows = tiled ? blockHeight : Math.Min(blockHeight, dng.Height - top);
                    ifd.DataBlocks.Add(Encode(dng, Cut(dng, left, top, blockWidth, rows), blockWidth, rows));
                }
            }
        }

        private static double[] Cut(DngFile dng, int left, int top, int width, int height)
        {
            var spp = dng.SamplesPerPixel;
            var block = new double[width * height * spp];
            for (var y = 0; y < height; y++)
            {
                var sy = Math.Min(top + y, dng.Height - 1);
                for (var x = 0; x < width; x++)
                {
                    var sx = Math.Min(left + x, dng.Width - 1);
                    for (var c = 0; c < spp; c++)
                    {
                        var i = (((sy * dng.Width) + sx) * spp) + c;
                        block[(((y * width) + x) * spp) + c] = dng.FloatSamples is { } f ? f[i] : dng.Samples[i];
                    }
                }
            }

            return block;
        }

        private static byte[] Encode(DngFile dng, double[] block, int width, int height)
        {
            var spp = dng.SamplesPerPixel;
            var rowSamples = width * spp;
            switch (dng.Compression)
            {
                case DngCompression.Uncompressed:
                    return BitPacker.Pack([.. block.Select(v => (ushort)v)], rowSamples, height, dng.BitsPerSample, dng.BigEndian);
                case DngCompression.LosslessJpeg:
                    var components = dng.Lj92Components;
                    return Lj92Encoder.Encode([.. block.Select(v => (ushort)v)], rowSamples / components, height, components, dng.BitsPerSample, dng.Lj92Predictor, dng.Lj92RestartRows);
                default:
                    var bytes = dng.FloatSamples is null ? IntegerRows(dng, block, rowSamples, height) : FloatRows(dng, block, rowSamples, height);
                    using (var output = new MemoryStream())
                    {
                        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
                        {
                            z.Write(bytes);
                        }

                        return output.ToArray();
                    }
            }
        }

        // TIFF 6.0 section 14 horizontal differencing, per sample, stride 1, 2 or 4 pixels (DNG 1.5 X2/X4 predictors).
        private static byte[] IntegerRows(DngFile dng, double[] block, int rowSamples, int height)
        {
            var samples = block.Select(v => (ushort)v).ToArray();
            var stride = dng.SamplesPerPixel * dng.DeflatePredictor switch { 2 => 1, 34892 => 2, 34893 => 4, _ => 0 };
            if (stride > 0)
            {
                for (var y = 0; y < height; y++)
                {
                    for (var x = rowSamples - 1; x >= stride; x--)
                    {
                        var i = (y * rowSamples) + x;
                        samples[i] = (ushort)(samples[i] - samples[i - stride]);
                    }
                }
            }

            return BitPacker.Pack(samples, rowSamples, height, 16, dng.BigEndian);
        }

        // Adobe TIFF Technical Note 3 floating-point predictor: per row, bytes split into planes
        // most significant first, then byte-wise differences with a stride of 1, 2 or 4 pixels.
        private static byte[] FloatRows(DngFile dng, double[] block, int rowSamples, int height)
        {
            var size = dng.BitsPerSample / 8;
            var stride = dng.SamplesPerPixel * dng.DeflatePredictor switch { 3 => 1, 34894 => 2, 34895 => 4, _ => 0 };
            var result = new byte[block.Length * size];
            var row = new byte[rowSamples * size];
            for (var y = 0; y < height; y++)
            {
                var output = result.AsSpan(y * row.Length, row.Length);
                for (var x = 0; x < rowSamples; x++)
                {
                    var be = FloatBytes(block[(y * rowSamples) + x], size);
                    for (var b = 0; b < size; b++)
                    {
                        if (stride > 0)
                        {
                            row[(b * rowSamples) + x] = be[b];
                        }
                        else
                        {
                            // No predictor: plain floats in the file's byte order.
                            output[(x * size) + (dng.BigEndian ? b : size - 1 - b)] = be[b];
                        }
                    }
                }

                if (stride > 0)
                {
                    for (var i = row.Length - 1; i >= stride; i--)
                    {
                        row[i] -= row[i - stride];
                    }

                    row.CopyTo(output);
                }
            }

            return result;
        }

        // The value's bytes, most significant first: binary16, DNG's 24-bit float (1 sign, 7 exponent bits with bias 63, 16 mantissa bits), or binary32.
        private static byte[] FloatBytes(double value, int size)
        {
            switch (size)
            {
                case 2:
                    var h = BitConverter.HalfToUInt16Bits((Half)value);
                    return [(byte)(h >> 8), (byte)h];
                case 3:
                    var bits = BitConverter.SingleToUInt32Bits((float)value);
                    var sign = bits >> 31;
                    var exponent = (int)((bits >> 23) & 0xFF);
                    var mantissa = (bits >> 7) & 0xFFFF;
                    var e24 = exponent == 0 ? 0 : Math.Clamp(exponent - 127 + 63, 0, 127);
                    var v = (sign << 23) | ((uint)e24 << 16) | mantissa;
                    return [(byte)(v >> 16), (byte)(v >> 8), (byte)v];
                default:
                    var f = BitConverter.SingleToUInt32Bits((float)value);
                    return [(byte)(f >> 24), (byte)(f >> 16), (byte)(f >> 8), (byte)f];
            }
        }
    }
}
