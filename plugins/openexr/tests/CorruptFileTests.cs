using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.IO;
using Rushes.Testing;

namespace Rushes.Plugins.OpenExr.Tests;

/// <summary>Corrupt and unsupported files are <see cref="InputException"/>s that say what is wrong, never crashes.</summary>
public sealed class CorruptFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_kind_of_damage_is_named()
    {
        using var image = TestFrames.Picture(20, 40);
        var good = File.ReadAllBytes(TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", "zip")));
        var header = ExrFileReader.ReadHeader(_temp.File("shot010.1001.exr"));
        var headerLength = header.Serialize().Length;

        var report = new StringBuilder();
        void Expect(string what, byte[] bytes)
        {
            var error = Assert.Throws<InputException>(() => ExrFileReader.Read(bytes, "damaged.exr"));
            report.AppendLine($"{what}: {error.ToDiagnostic()}");
        }

        Expect("empty", []);
        Expect("not an EXR", Encoding.ASCII.GetBytes("P6\n2 2\n255\n............"));
        Expect("cut in the header", good[..60]);
        Expect("cut in the offset table", good[..(headerLength + 12)]);
        Expect("cut in the last chunk", good[..^10]);

        var huge = Patch(good, "dataWindow", 8, 1_000_000);
        Expect("huge data window", huge);
        var offsets = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(offsets.AsSpan(headerLength), (ulong)good.Length + 100);
        Expect("offset past the end", offsets);
        var zlib = (byte[])good.Clone();
        var first = (int)BinaryPrimitives.ReadUInt64LittleEndian(good.AsSpan(headerLength));
        zlib.AsSpan(first + 8, 12).Fill(0xff);
        Expect("corrupt zlib data", zlib);
        var line = (byte[])good.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(line.AsSpan(first), 5);
        Expect("chunk at a wrong line", line);
        var twice = (byte[])good.Clone();
        good.AsSpan(headerLength, 8).CopyTo(twice.AsSpan(headerLength + 8));
        Expect("one chunk listed twice", twice);
        var multipart = (byte[])good.Clone();
        multipart[5] |= 0x10;
        Expect("multi-part flag", multipart);
        var dwaa = Patch(good, "compression", 0, 8, size: 1);
        Expect("DWAA compression", dwaa);

        Golden.VerifyText(report.ToString(), "errors");
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("rle", false)]
    [InlineData("zip", false)]
    [InlineData("piz", false)]
    [InlineData("zip", true)]
    [InlineData("piz", true)]
    public void Random_damage_is_an_input_error_or_a_picture(string compression, bool tiled)
    {
        using var image = TestFrames.Picture(33, 40);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", compression));
        if (tiled)
        {
            var tiles = _temp.File("tiled.exr");
            ExrAssert.Tool("oiiotool", path, "--compression", compression, "--tile", "16", "16", "-o", tiles);
            path = tiles;
        }

        var good = File.ReadAllBytes(path);
        var random = new Random(compression.Length);
        for (var round = 0; round < 150; round++)
        {
            var bytes = (byte[])good.Clone();
            for (var k = 0; k < 1 + (round % 4); k++)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            if (round % 10 == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }

            try
            {
                ExrFileReader.Read(bytes, "fuzzed.exr");
            }
            catch (InputException)
            {
                // Expected for most damage.
            }
        }
    }

    /// <summary>Overwrites an int (or a byte) inside a named attribute's value.</summary>
    private static byte[] Patch(byte[] file, string attribute, int offsetInValue, int value, int size = 4)
    {
        var copy = (byte[])file.Clone();
        var at = copy.AsSpan().IndexOf(Encoding.ASCII.GetBytes(attribute + "\0"));
        at += attribute.Length + 1;
        at += copy.AsSpan(at).IndexOf((byte)0) + 1 + 4 + offsetInValue;
        if (size == 1)
        {
            copy[at] = (byte)value;
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(at), value);
        }

        return copy;
    }
}
