using System.Buffers.Binary;
using System.Text;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dpx.IO;
using Rushes.Testing;

namespace Rushes.Plugins.Dpx.Tests;

/// <summary>Damaged files give input errors naming the field, never a crash or a huge allocation.</summary>
public sealed class CorruptFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Damage_is_an_input_error_naming_the_field()
    {
        using var image = TestFrames.Picture(20, 10);
        var good = File.ReadAllBytes(TestFrames.WriteFrame(_temp.Path, image, 1001));
        var report = new StringBuilder();
        void Case(string name, Action<byte[]> damage, int? length = null)
        {
            var bytes = good.AsSpan(0, length ?? good.Length).ToArray();
            damage(bytes);
            var path = _temp.File(name + ".dpx");
            File.WriteAllBytes(path, bytes);
            var error = Assert.Throws<InputException>(() => DpxFileReader.Read(path));
            report.AppendLine($"{name}: [{error.Field}] {error.Message} (expected {error.Expected})");
        }

        Case("short", _ => { }, 1000);
        Case("magic", b => b[0] = (byte)'X');
        Case("huge", b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(772), 1_000_000));
        Case("truncated", _ => { }, good.Length - 100);
        Case("descriptor", b => b[780 + 20] = 100);
        Case("bit-depth", b => b[780 + 23] = 12);
        Case("packing", b => BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(780 + 24), 0));
        Case("rle", b => BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(780 + 26), 1));
        Golden.VerifyText(report.ToString(), "errors");
    }
}
