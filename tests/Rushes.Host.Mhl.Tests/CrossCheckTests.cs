using Rushes.Host.Mhl.Hashing;
using Rushes.Testing;

namespace Rushes.Host.Mhl.Tests;

/// <summary>Our digests agree with xxhsum, md5sum and sha1sum on random files.</summary>
public sealed class CrossCheckTests
{
    private static readonly (HashFormat Format, string Tool, string[] Args)[] Tools =
    [
        (HashFormat.Xxh64, "xxhsum", ["-H64"]),
        (HashFormat.Xxh128, "xxhsum", ["-H128"]),
        (HashFormat.Xxh3, "xxhsum", ["-H3"]),
        (HashFormat.Md5, "md5sum", []),
        (HashFormat.Sha1, "sha1sum", []),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(240)]
    [InlineData(4095)]
    [InlineData(65_537)]
    [InlineData(FileHasher.ChunkSize + 13)]
    public void Random_file_agrees_with_the_reference_tools(int size)
    {
        using var temp = new TempFolder();
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var file = temp["random.bin"];
        File.WriteAllBytes(file, data);
        var ours = FileHasher.Hash(file, Tools.Select(t => t.Format));
        foreach (var (format, tool, args) in Tools)
        {
            Assert.Equal(Reference(tool, args, file), ours[format]);
        }
    }

    [Fact]
    public void Sparse_file_over_4_GiB_agrees_with_xxhsum()
    {
        using var temp = new TempFolder();
        var file = temp["sparse.bin"];
        const long Size = (4L << 30) + 4099;
        using (var stream = new FileStream(file, FileMode.CreateNew))
        {
            stream.Write("head"u8);
            stream.SetLength(Size);
            stream.Position = (2L << 30) + 7;
            stream.Write("middle"u8);
            stream.Position = Size - 4;
            stream.Write("tail"u8);
        }

        Assert.Equal(Size, new FileInfo(file).Length);

        // One read for both formats; the fast xxHash family keeps the test short (md5/sha1 are checked on
        // the unaligned sizes above, and past 4 GiB only the length handling would differ).
        var ours = FileHasher.Hash(file, [HashFormat.Xxh64, HashFormat.Xxh128]);
        Assert.Equal(Reference("xxhsum", ["-H64"], file), ours[HashFormat.Xxh64]);
        Assert.Equal(Reference("xxhsum", ["-H128"], file), ours[HashFormat.Xxh128]);
    }

    /// <summary>The digest a tool prints, in either of its output styles ("HASH  file" or "XXH3 (file) = HASH").</summary>
    private static string Reference(string tool, string[] args, string file)
    {
        var output = ReferenceTool.Run(tool, [.. args, file], TimeSpan.FromMinutes(3)).EnsureSuccess(tool).StandardOutput.Trim();
        var digest = output.Contains(" = ", StringComparison.Ordinal) ? output[(output.LastIndexOf(" = ", StringComparison.Ordinal) + 3)..] : output.Split(' ')[0];
        return digest.Trim().ToLowerInvariant();
    }
}
