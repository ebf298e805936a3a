using System.Buffers.Binary;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using static Rushes.Plugins.Containers.Tests.Bytes;
using static Rushes.Plugins.Containers.Tests.Fixtures;
using static Rushes.Plugins.Containers.Tests.MxfBytes;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>
/// Broken MXF gives an InputException naming the file, the KLV or set and what was expected, quickly and without a
/// large allocation: BER lengths are bounded by what is left of the file before anything is read.
/// </summary>
public sealed class MxfBadInputTests : IDisposable
{
    private static readonly byte[] Material = System.IO.File.ReadAllBytes(File("mpeg2-df.mxf"));

    /// <summary>A hang guard, not a timing (see QuickTimeBadInputTests).</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(120);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_truncation_is_an_input_error_or_a_clean_read()
    {
        var headerEnd = Find(Material, PrimerKey) + (int)BinaryPrimitives.ReadInt64BigEndian(Material.AsSpan(HeaderByteCountField(Material)));
        var errors = 0;
        Within(Watchdog, () =>
        {
            for (var length = 0; length < Material.Length; length += length <= headerEnd ? 1 : 61)
            {
                var path = _temp.Write("cut.mxf", Material[..length]);
                try
                {
                    using var reader = MxfContainer.Open(QuickTimeBadInputTests.Location(path));
                }
                catch (InputException ex)
                {
                    Assert.Equal(path, ex.File);
                    Assert.False(string.IsNullOrWhiteSpace(ex.Expected));
                    errors++;
                }
            }
        });
        Assert.True(errors > headerEnd, $"{errors} truncations refused");
    }

    [Fact]
    public void A_truncated_header_names_the_klv()
    {
        var primer = Find(Material, PrimerKey);
        var error = OpenBad(Material[..(primer + 40)]);
        Assert.EndsWith("FooterPartition", error.Field, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);

        // With the footer offset cleared (an unfinished recording), the header metadata itself is cut short.
        error = OpenBad(With(Material[..(primer + 40)], d => BinaryPrimitives.WriteInt64BigEndian(d.AsSpan(ValueStart(d, 0) + 24), 0)));
        Assert.EndsWith("HeaderByteCount", error.Field, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((byte)0x89, "BER length byte 0x89")]
    [InlineData((byte)0x80, "BER length byte 0x80")]
    public void A_ber_length_of_more_than_eight_bytes_or_indefinite_is_refused(byte lengthByte, string message)
    {
        var error = OpenBad(With(Material, d => d[Find(d, PrimerKey) + 16] = lengthByte));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("a BER length of 1 to 8 bytes (0x81-0x88)", error.Expected);
    }

    [Fact]
    public void An_oversized_klv_length_is_refused_before_allocation()
    {
        var error = OpenBad(With(Material, d =>
        {
            var primer = Find(d, PrimerKey);
            d[primer + 16] = 0x88;
            BinaryPrimitives.WriteInt64BigEndian(d.AsSpan(primer + 17), long.MaxValue);
        }));
        Assert.Contains("truncated or oversized KLV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_header_byte_count_is_refused()
    {
        var error = OpenBad(With(Material, d => BinaryPrimitives.WriteInt64BigEndian(d.AsSpan(HeaderByteCountField(d)), 1L << 40)));
        Assert.StartsWith("partition pack", error.Field, StringComparison.Ordinal);
        Assert.Contains("HeaderByteCount", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_metadata_must_start_with_the_primer_pack()
    {
        var error = OpenBad(With(Material, d => d[Find(d, PrimerKey) + 13] = 0x7F));
        Assert.Equal("primer pack", error.Field);
    }

    [Fact]
    public void A_set_item_longer_than_its_set_is_refused()
    {
        var error = OpenBad(With(Material, d =>
        {
            var set = Find(d, TimecodeComponentKey);
            U16(d, Item(d, set, 0x1502) + 2, 0x4000);
        }));
        Assert.Contains("truncated set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((ushort)0x1502, new byte[] { 0x00, 0x19 }, "rounded base is 25")]
    [InlineData((ushort)0x1502, new byte[] { 0x00, 0x00 }, "rounded base 0")]
    public void A_corrupt_timecode_component_is_refused(ushort tag, byte[] value, string message)
    {
        // Every timecode component (the material and the file package each have one).
        var error = OpenBad(With(Material, d =>
        {
            for (var set = Find(d, TimecodeComponentKey); set >= 0; set = d.AsSpan(set + 16).IndexOf(TimecodeComponentKey) is var next and >= 0 ? set + 16 + next : -1)
            {
                value.CopyTo(d, Item(d, set, tag) + 4);
            }
        }));
        Assert.StartsWith("Timecode Component", error.Field, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_partition_first_is_not_detected_and_refused()
    {
        var bytes = With(Material, d => d[13] = 0x03);
        Assert.Equal(DetectionConfidence.None, MxfContainer.Detect(bytes, "clip.mxf"));
        Assert.Equal("header partition pack", OpenBad(bytes, detect: false).Field);
    }

    [Fact]
    public void A_run_in_before_the_header_partition_is_skipped()
    {
        var bytes = new byte[1000].Concat(Material).ToArray();
        using var reader = Open(MxfContainer, _temp.Write("run-in.mxf", bytes));
        Assert.Equal("10:00:00;00", N(reader, F.TimecodeIn).AsTimecode().ToString());
    }

    [Fact]
    public void Garbage_empty_and_text_files_are_not_detected_and_refused_on_open()
    {
        var random = new Random(377);
        var garbage = new byte[100_000];
        random.NextBytes(garbage);
        foreach (var bytes in new[] { garbage, [], "not MXF\n"u8.ToArray(), Material[..15] })
        {
            Assert.Equal(DetectionConfidence.None, MxfContainer.Detect(bytes, "clip.mxf"));
            Assert.False(string.IsNullOrWhiteSpace(OpenBad(bytes, detect: false).Expected));
        }
    }

    [Fact]
    public void Random_corruption_of_the_header_never_escapes_as_another_exception()
    {
        var random = new Random(20261206);
        var headerEnd = Find(Material, PrimerKey) + (int)BinaryPrimitives.ReadInt64BigEndian(Material.AsSpan(HeaderByteCountField(Material)));
        Within(Watchdog, () =>
        {
            for (var i = 0; i < 300; i++)
            {
                var bytes = With(Material, d =>
                {
                    for (var k = 0; k < 1 + (i % 4); k++)
                    {
                        d[random.Next(0, headerEnd)] = (byte)random.Next(256);
                    }
                });
                var path = _temp.Write("fuzz.mxf", bytes);
                try
                {
                    using var reader = MxfContainer.Open(QuickTimeBadInputTests.Location(path));
                    _ = Document(reader);
                }
                catch (InputException ex)
                {
                    Assert.Equal(path, ex.File);
                }
            }
        });
    }

    private InputException OpenBad(byte[] bytes, bool detect = true)
    {
        var path = _temp.Write($"bad-{Guid.NewGuid():N}.mxf", bytes);
        if (detect)
        {
            Assert.Equal(DetectionConfidence.Certain, MxfContainer.Detect(Header(path, MxfContainer.HeaderSize), "bad.mxf"));
        }

        InputException? error = null;
        Within(Watchdog, () => error = Assert.Throws<InputException>(() => MxfContainer.Open(QuickTimeBadInputTests.Location(path))));
        Assert.Equal(path, error!.File);
        return error;
    }
}
