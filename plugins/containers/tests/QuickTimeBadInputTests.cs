using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Plugins;
using static Rushes.Plugins.Containers.Tests.Bytes;
using static Rushes.Plugins.Containers.Tests.Fixtures;
using F = Rushes.Contracts.Metadata.NormalizedField;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>
/// Broken movies give an InputException naming the file, the atom path and what was expected, quickly and without
/// a large allocation; the sizes that QTFF allows (64-bit, 0 = to the end) still read.
/// </summary>
public sealed class QuickTimeBadInputTests : IDisposable
{
    private static readonly byte[] Movie = System.IO.File.ReadAllBytes(File("prores-mdta.mov"));
    /// <summary>A hang guard, not a timing: one open takes milliseconds, and a loop of thousands well under this on a loaded CI machine.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(120);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_64_bit_atom_size_and_size_zero_to_the_end_read_the_same_movie()
    {
        // 'moov' is the last atom and the chunk offsets point before it, so its header may grow without moving any sample.
        var moov = Atom(Movie, "moov");
        var body = Movie[(moov + 8)..];
        var large = Movie[..moov].Concat(Hex($"00000001 6d6f6f76 {body.Length + 16:x16}")).Concat(body).ToArray();
        var toEnd = With(Movie, d => U32(d, moov, 0));
        foreach (var bytes in new[] { large, toEnd })
        {
            using var reader = Open(Mov, _temp.Write($"{Guid.NewGuid():N}.mov", bytes));
            Assert.Equal("01:02:03:04", N(reader, F.TimecodeIn).AsTimecode().ToString());
            Assert.Equal("ALEXA Mini LF", N(reader, F.CameraModel).AsText());
        }
    }

    [Fact]
    public void Every_truncation_is_an_input_error_or_a_clean_read()
    {
        var errors = 0;
        Within(Watchdog, () =>
        {
            for (var length = 0; length < Movie.Length; length += length < Atom(Movie, "moov") ? 97 : 1)
            {
                var path = _temp.Write("cut.mov", Movie[..length]);
                try
                {
                    using var reader = Mov.Open(Location(path));
                }
                catch (InputException ex)
                {
                    Assert.Equal(path, ex.File);
                    Assert.False(string.IsNullOrWhiteSpace(ex.Expected));
                    errors++;
                }
            }
        });
        Assert.True(errors > 2000, $"{errors} truncations refused");
    }

    [Fact]
    public void A_truncated_movie_atom_names_the_atom()
    {
        var error = OpenBad(Movie[..^100]);
        Assert.Equal("moov", error.Field);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_atom_is_refused_before_allocation()
    {
        var error = OpenBad(With(Movie, d => U32(d, Atom(d, "moov"), 0xFFFFFFF0)));
        Assert.Equal("moov", error.Field);
        Assert.Contains("claims 4294967280 bytes", error.Message, StringComparison.Ordinal);

        var huge = With(Movie, d => { var s = Atom(d, "stsz"); U32(d, s + 16, 0x7FFFFFFF); U32(d, s + 12, 0); });
        Assert.Contains("stsz", OpenBad(huge).Field, StringComparison.Ordinal);
    }

    [Fact]
    public void An_atom_shorter_than_its_header_is_refused()
    {
        var error = OpenBad(With(Movie, d => U32(d, Atom(d, "mvhd"), 4)));
        Assert.Equal("moov/mvhd", error.Field);
        Assert.Contains("less than its own 8-byte header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sixty_four_bit_size_beyond_the_file_is_refused()
    {
        var moov = Atom(Movie, "moov");
        var body = Movie[(moov + 8)..];
        var bytes = Movie[..moov].Concat(Hex("00000001 6d6f6f76 7fffffffffffffff")).Concat(body).ToArray();
        var error = OpenBad(bytes);
        Assert.Equal("moov", error.Field);
        Assert.Contains("truncated or oversized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_tiny_atoms_or_deep_user_data_finish_quickly()
    {
        // 200 000 'free' atoms and no movie: walked header by header, then refused.
        var free = Enumerable.Repeat(Hex("00000008 66726565"), 200_000).SelectMany(b => b).ToArray();
        Within(Watchdog, () => Assert.Equal("moov", OpenBad(free, detect: false).Field));

        // 'udta' nested 64 deep in the movie's user data: only its first level is read.
        var nested = Hex("00000008 75647461");
        for (var i = 0; i < 63; i++)
        {
            nested = [.. Hex($"{nested.Length + 8:x8} 75647461"), .. nested];
        }

        var moov = Atom(Movie, "moov");
        var udta = Atom(Movie, "udta", moov);
        var withNest = Movie[..moov].Concat(Hex($"{ReadU32(Movie, moov) + (uint)nested.Length:x8}")).Concat(Movie[(moov + 4)..udta]).Concat(nested).Concat(Movie[udta..]).ToArray();
        Within(Watchdog, () =>
        {
            using var reader = Open(Mov, _temp.Write("nested.mov", withNest));
            Assert.Equal("01:02:03:04", N(reader, F.TimecodeIn).AsTimecode().ToString());
        });
    }

    [Theory]
    [InlineData("drop-frame at 23.976", 12, 0x00000001u, "tmcd flags")]
    [InlineData("counter flag", 12, 0x00000008u, "tmcd flags")]
    [InlineData("time scale 0", 16, 0u, "tmcd")]
    [InlineData("frame duration 0", 20, 0u, "tmcd")]
    public void A_corrupt_timecode_description_is_refused(string what, int offset, uint value, string field)
    {
        var error = OpenBad(With(Movie, d => U32(d, TimecodeDescription(d) + 8 + offset, value)));
        Assert.True(error.Field!.Contains(field, StringComparison.Ordinal), $"{what}: field '{error.Field}'");
    }

    [Fact]
    public void A_timecode_description_counting_the_wrong_frames_a_second_is_refused()
    {
        var error = OpenBad(With(Movie, d => d[TimecodeDescription(d) + 8 + 24] = 25));
        Assert.EndsWith("number of frames", error.Field, StringComparison.Ordinal);
        Assert.Equal("24 frames a second", error.Expected);
    }

    [Fact]
    public void A_timecode_sample_outside_the_file_is_refused()
    {
        var error = OpenBad(With(Movie, d => U32(d, Atom(d, "stco", TimecodeDescription(d)) + 16, 0x7FFFFFF0)));
        Assert.EndsWith("tmcd sample", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_items_must_refer_to_keys()
    {
        var error = OpenBad(With(Movie, d => U32(d, Atom(d, "ilst") + 12, 99)));
        Assert.Equal("moov/udta/meta/ilst", error.Field);
        Assert.Contains("key 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_empty_and_text_files_are_not_detected_and_refused_on_open()
    {
        var random = new Random(20261206);
        var garbage = new byte[65536];
        random.NextBytes(garbage);
        foreach (var bytes in new[] { garbage, [], "not a movie\n"u8.ToArray() })
        {
            Assert.Equal(DetectionConfidence.None, Mov.Detect(bytes, "clip.mov"));
            var error = OpenBad(bytes, detect: false);
            Assert.False(string.IsNullOrWhiteSpace(error.Expected));
        }
    }

    [Fact]
    public void Random_corruption_of_the_movie_atom_never_escapes_as_another_exception()
    {
        var random = new Random(377);
        var moov = Atom(Movie, "moov");
        Within(Watchdog, () =>
        {
            for (var i = 0; i < 300; i++)
            {
                var bytes = With(Movie, d =>
                {
                    for (var k = 0; k < 1 + (i % 4); k++)
                    {
                        d[random.Next(moov, d.Length)] = (byte)random.Next(256);
                    }
                });
                var path = _temp.Write("fuzz.mov", bytes);
                try
                {
                    using var reader = Mov.Open(Location(path));
                    _ = Document(reader);
                }
                catch (InputException ex)
                {
                    Assert.Equal(path, ex.File);
                }
            }
        });
    }

    /// <summary>The size field of the 'tmcd' sample description (the 'tmcd' after the second 'stsd').</summary>
    private static int TimecodeDescription(byte[] data) => Atom(data, "tmcd", Atom(data, "stsd", Atom(data, "stsd") + 8) + 8);

    private InputException OpenBad(byte[] bytes, bool detect = true)
    {
        var path = _temp.Write($"bad-{Guid.NewGuid():N}.mov", bytes);
        if (detect)
        {
            Assert.NotEqual(DetectionConfidence.None, Mov.Detect(Header(path, Mov.HeaderSize), "bad.mov"));
        }

        InputException? error = null;
        Within(Watchdog, () => error = Assert.Throws<InputException>(() => Mov.Open(Location(path))));
        Assert.Equal(path, error!.File);
        Assert.False(string.IsNullOrWhiteSpace(error.Field) && error.Message.Length == 0);
        return error;
    }

    internal static ClipLocation Location(string path) => new() { Name = Path.GetFileNameWithoutExtension(path), Path = path, Layout = ClipLayout.SingleFile, MediaFiles = [path] };
}
