using System.Text;

namespace Rushes.Plugins.VendorSidecars.Tests.Writers;

/// <summary>
/// Writes MLV v2.0 files from Magic Lantern's mlv.h/raw.h layouts (our own writer, little-endian, packed): the file
/// header, then blocks of type[4], size u32 (the whole block), timestamp u64 and the block's fields.
/// </summary>
internal sealed class MlvWriter
{
    private readonly List<byte> _bytes = [];
    private ulong _clock;

    /// <summary>The MLVI header, 52 bytes.</summary>
    public MlvWriter FileHeader(ulong guid, ushort fileNum, ushort fileCount, ushort videoClass, uint videoFrames, uint fpsNom, uint fpsDenom, uint flags = 0)
    {
        using var header = new MemoryStream();
        using var w = new BinaryWriter(header, Encoding.ASCII);
        w.Write("MLVI"u8);
        w.Write(52u);
        w.Write(Fixed("v2.0", 8));
        w.Write(guid);
        w.Write(fileNum);
        w.Write(fileCount);
        w.Write(flags);
        w.Write(videoClass);
        w.Write((ushort)0); // audioClass: none
        w.Write(videoFrames);
        w.Write(0u); // audioFrameCount
        w.Write(fpsNom);
        w.Write(fpsDenom);
        w.Flush();
        _bytes.AddRange(header.ToArray());
        return this;
    }

    /// <summary>A block: the 16-byte header with the size of header + fields, then the fields.</summary>
    public MlvWriter Block(string type, Action<BinaryWriter> fields, uint? sizeOverride = null)
    {
        using var body = new MemoryStream();
        using (var b = new BinaryWriter(body, Encoding.ASCII, leaveOpen: true))
        {
            fields(b);
        }

        using var block = new MemoryStream();
        using var w = new BinaryWriter(block, Encoding.ASCII);
        w.Write(Encoding.ASCII.GetBytes(type));
        w.Write(sizeOverride ?? (uint)(16 + body.Length));
        w.Write(_clock += 1000);
        w.Write(body.ToArray());
        w.Flush();
        _bytes.AddRange(block.ToArray());
        return this;
    }

    public MlvWriter Rawi(ushort xRes, ushort yRes, int rawWidth, int rawHeight, int bits, int black, int white) => Block("RAWI", b =>
    {
        b.Write(xRes);
        b.Write(yRes);
        b.Write(1u); // api_version
        b.Write(0u); // the pointer slot
        b.Write(rawHeight);
        b.Write(rawWidth);
        b.Write(rawWidth * bits / 8); // pitch
        b.Write(xRes * yRes * bits / 8); // frame_size
        b.Write(bits);
        b.Write(black);
        b.Write(white);
        foreach (var v in new[] { 0, 0, rawWidth, rawHeight }) b.Write(v); // crop origin, size
        foreach (var v in new[] { 30, 146, rawHeight, rawWidth }) b.Write(v); // active area y1 x1 y2 x2
        b.Write(0); b.Write(0); // exposure_bias
        b.Write(0x02010100); // cfa_pattern RGGB
        b.Write(21); // calibration_illuminant1 D65
        for (var i = 0; i < 9; i++)
        {
            b.Write(i % 4 == 0 ? 10000 : 0); // colour matrix numerator
            b.Write(10000); // and denominator
        }

        b.Write(1150); // dynamic_range, EV × 100
    });

    public MlvWriter Idnt(string name, uint model, string serial) => Block("IDNT", b =>
    {
        b.Write(Fixed(name, 32));
        b.Write(model);
        b.Write(Fixed(serial, 32));
    });

    public MlvWriter Expo(uint iso, ulong shutterMicroseconds) => Block("EXPO", b =>
    {
        b.Write(0u); // isoMode manual
        b.Write(iso);
        b.Write(iso); // isoAnalog
        b.Write(0u); // digitalGain
        b.Write(shutterMicroseconds);
    });

    public MlvWriter Lens(ushort focal, ushort focusMm, ushort apertureX100, string name, string serial) => Block("LENS", b =>
    {
        b.Write(focal);
        b.Write(focusMm);
        b.Write(apertureX100);
        b.Write((byte)0); // stabilizer
        b.Write((byte)1); // autofocus
        b.Write(0u); // flags
        b.Write(0x9Eu); // lensID
        b.Write(Fixed(name, 32));
        b.Write(Fixed(serial, 32));
    });

    public MlvWriter Wbal(uint mode, uint kelvin) => Block("WBAL", b =>
    {
        b.Write(mode);
        b.Write(kelvin);
        b.Write(1024u); b.Write(1024u); b.Write(1024u);
        b.Write(0); b.Write(0);
    });

    /// <summary>RTCI as C's struct tm: month 0-11, year since 1900.</summary>
    public MlvWriter Rtci(DateTime at, string zone) => Block("RTCI", b =>
    {
        foreach (var v in new[] { at.Second, at.Minute, at.Hour, at.Day, at.Month - 1, at.Year - 1900, (int)at.DayOfWeek, at.DayOfYear - 1, 0, 0 })
        {
            b.Write((ushort)v);
        }

        b.Write(Fixed(zone, 8));
    });

    public MlvWriter Info(string text) => Block("INFO", b => b.Write(Fixed(text, (text.Length + 4) & ~3)));

    /// <summary>A VIDF block with <paramref name="dataBytes"/> of frame data (zeros: the reader never looks at it).</summary>
    public MlvWriter Vidf(uint frameNumber, int dataBytes) => Block("VIDF", b =>
    {
        b.Write(frameNumber);
        b.Write((ushort)0); b.Write((ushort)0); // cropPos
        b.Write((ushort)0); b.Write((ushort)0); // panPos
        b.Write(0u); // frameSpace
        b.Write(new byte[dataBytes]);
    });

    public MlvWriter Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes.ToArray());
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, ToArray());
        return path;
    }

    private static byte[] Fixed(string text, int size)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes(text).AsSpan(0, Math.Min(text.Length, size)).CopyTo(bytes);
        return bytes;
    }
}
