using System.IO.Hashing;
using System.Text.Json.Nodes;
using Rushes.Host.Mhl.Hashing;
using Rushes.Testing;

namespace Rushes.Host.Mhl.Tests;

/// <summary>Every value in the shared hasher-vectors.json.</summary>
public sealed class HashVectorTests
{
    private static readonly JsonNode Vectors = JsonNode.Parse(File.ReadAllText(ConformanceData.Path("mhl", "hasher-vectors.json")))!;

    public static TheoryData<string, string> DataVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in Vectors["data_vectors"]!.AsArray())
        {
            foreach (var (format, value) in vector!["expected"]!.AsObject())
            {
                data.Add(format, value!.GetValue<string>());
            }
        }

        return data;
    }

    private static byte[] VectorInput()
    {
        var vector = Vectors["data_vectors"]![0]!;
        var bytes = Convert.FromHexString(vector["input_hex"]!.GetValue<string>());
        Assert.Equal(vector["input_utf8"]!.GetValue<string>(), System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(vector["input_length"]!.GetValue<int>(), bytes.Length);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(DataVectors))]
    public void Data_vector_in_memory_and_from_a_file(string format, string expected)
    {
        var input = VectorInput();
        if (format == "xxh32")
        {
            // Not an ASC MHL v2 format; checked so that every value of the file is covered.
            Assert.Equal(expected, Convert.ToHexStringLower(XxHash32.Hash(input)));
            return;
        }

        var hashFormat = HashFormats.Parse(format);
        Assert.Equal(expected, Hasher.HashData(hashFormat, input));

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, input);
            Assert.Equal(expected, FileHasher.Hash(file, [hashFormat])[hashFormat]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void One_read_gives_every_format_at_once()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, VectorInput());
            var all = FileHasher.Hash(file, HashFormats.All);
            foreach (var (format, value) in Vectors["data_vectors"]![0]!["expected"]!.AsObject())
            {
                if (HashFormats.TryParse(format) is { } f)
                {
                    Assert.Equal(value!.GetValue<string>(), all[f]);
                }
            }

            Assert.Equal(6, all.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static TheoryData<string, string> ListVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var (format, value) in Vectors["hash_of_hash_list_vectors"]![0]!["expected"]!.AsObject())
        {
            data.Add(format, value!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ListVectors))]
    public void Hash_of_a_list_sorts_decodes_and_hashes(string format, string expected)
    {
        var vector = Vectors["hash_of_hash_list_vectors"]![0]!;
        var list = vector["input_list_as_given"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var concatenated = Convert.FromHexString(vector["concatenated_bytes_hex"]!.GetValue<string>());
        if (format == "xxh32")
        {
            Assert.Equal(expected, Convert.ToHexStringLower(XxHash32.Hash(concatenated)));
            return;
        }

        var hashFormat = HashFormats.Parse(format);
        Assert.Equal(expected, Hasher.HashOfList(hashFormat, list));
        Assert.Equal(expected, Hasher.HashData(hashFormat, concatenated));
        Assert.Equal(Hasher.HashData(hashFormat, []), Hasher.HashOfList(hashFormat, []));
    }

    [Fact]
    public void Scenario_file_digests()
    {
        foreach (var vector in Vectors["scenario_file_digests"]!["vectors"]!.AsArray())
        {
            var bytes = vector!["content_hex"] is { } hex
                ? Convert.FromHexString(hex.GetValue<string>())
                : System.Text.Encoding.UTF8.GetBytes(vector["content_utf8"]!.GetValue<string>());
            Assert.Equal(vector["size"]!.GetValue<int>(), bytes.Length);
            foreach (var format in new[] { "xxh64", "md5" })
            {
                if (vector[format] is { } value)
                {
                    Assert.Equal(value.GetValue<string>(), Hasher.HashData(HashFormats.Parse(format), bytes));
                }
            }
        }
    }

    [Fact]
    public void C4_ids_are_90_characters_and_decode_back_to_the_digest()
    {
        var random = new Random(8);
        foreach (var length in new[] { 0, 1, 15, 1000 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            var digest = System.Security.Cryptography.SHA512.HashData(data);
            var id = C4Id.Encode(digest);
            Assert.Equal(90, id.Length);
            Assert.StartsWith("c4", id);
            var back = new byte[64];
            Assert.True(C4Id.TryDecode(id, back));
            Assert.Equal(digest, back);
        }

        // A digest with leading zero bytes is padded with '1', the zero digit.
        var small = new byte[64];
        small[63] = 57;
        Assert.Equal("c4" + new string('1', 87) + "z", C4Id.Encode(small));
        Assert.False(C4Id.TryDecode("c4" + new string('0', 88), new byte[64]));
    }

    [Fact]
    public void Fast_xxh64_matches_System_IO_Hashing_for_every_length_and_split()
    {
        var random = new Random(64);
        var data = new byte[300];
        random.NextBytes(data);
        var fast = new FastXxHash64();
        for (var length = 0; length <= data.Length; length++)
        {
            var expected = XxHash64.Hash(data.AsSpan(0, length));
            foreach (var split in new[] { 0, 1, 7, 31, 32, 33, 64, length / 2, length })
            {
                var cut = Math.Min(split, length);
                fast.Reset();
                fast.Append(data.AsSpan(0, cut));
                fast.Append(data.AsSpan(cut, length - cut));
                Assert.Equal(expected, fast.GetCurrentHash());
            }

            // Byte by byte exercises the pending-stripe path on every byte.
            fast.Reset();
            foreach (var b in data.AsSpan(0, length))
            {
                fast.Append([b]);
            }

            Assert.Equal(expected, fast.GetCurrentHash());
        }
    }
}
