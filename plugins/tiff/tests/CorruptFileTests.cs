using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Tiff.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Tiff.Tests;

/// <summary>Damaged files give input errors naming the field, never a crash or a huge allocation.</summary>
public sealed class CorruptFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Damage_is_an_input_error_naming_the_field()
    {
        using var image = TestFrames.Picture(20, 10);
        var good = File.ReadAllBytes(TestFrames.WriteFrame(Path.Combine(_temp.Path, "good"), image, 1001, ("compression", "deflate")));
        var ifd = (int)BinaryPrimitives.ReadUInt32LittleEndian(good.AsSpan(4));
        var report = new StringBuilder();
        void Case(string name, Action<byte[]> damage, int? length = null)
        {
            var bytes = good.AsSpan(0, length ?? good.Length).ToArray();
            damage(bytes);
            var path = _temp.File(name + ".tif");
            File.WriteAllBytes(path, bytes);
            var error = Assert.Throws<InputException>(() => TiffFileReader.Read(path));
            report.AppendLine($"{name}: [{error.Field}] {error.Message} (expected {error.Expected})");
        }

        // Directory entries are sorted by tag: 0 ImageWidth, 3 Compression, 11 StripByteCounts (one strip: inline); each is 12 bytes after the 2-byte count.
        void Entry(byte[] b, int index, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(ifd + 2 + (12 * index) + 8), value);

        Case("short", _ => { }, 6);
        Case("magic", b => b[0] = (byte)'X');
        Case("directory", b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 0x7fff_fff0));
        Case("huge", b => Entry(b, 0, 1_000_000));
        Case("compression", b => Entry(b, 3, 5));
        Case("strip-past-end", b => Entry(b, 11, 0x7fff_0000));
        Case("deflate", b => b.AsSpan(8, 40).Fill(0x55));
        Golden.VerifyText(report.ToString(), "errors");
    }
}
