using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Operations;

namespace Rushes.Host.Mhl.Tests;

/// <summary>Nested histories, as in the reference's test_nested: each file in its nearest history, parents refer to children.</summary>
public sealed class NestedTests
{
    private static readonly DateTimeOffset Now = new(2020, 1, 16, 9, 15, 0, TimeSpan.Zero);

    private static void MakeTree(TempFolder temp, string root)
    {
        temp.Write($"{root}/Stuff.txt", "stuff\n");
        temp.Write($"{root}/A/A1.txt", "A1\n");
        temp.Write($"{root}/B/B1.txt", "B1\n");
        temp.Write($"{root}/A/A2.txt", "A2\n");
        temp.Write($"{root}/C/C1.txt", "A2\n");
        temp.Write($"{root}/A/AA/AA1.txt", "AA1\n");
        Directory.CreateDirectory(temp[$"{root}/emptyFolderA"]);
    }

    [Fact]
    public void Parent_generation_refers_to_the_children_and_leaves_their_files_to_them()
    {
        using var temp = new TempFolder();
        MakeTree(temp, "root");
        var (service, _) = Mhl.ScenarioService(Now);
        var xxh64 = new MhlCreateOptions { Formats = [HashFormat.Xxh64] };
        Assert.Equal(MhlVerdict.Ok, service.Create(temp["root/A/AA"], xxh64).Verdict);
        Assert.Equal(MhlVerdict.Ok, service.Create(temp["root/B"], xxh64).Verdict);
        var report = service.Create(temp["root"], xxh64);
        Assert.Equal(MhlVerdict.Ok, report.Verdict);
        Assert.Equal(
            [temp["root/A/AA/ascmhl/0002_AA_2020-01-16_091500Z.mhl"], temp["root/B/ascmhl/0002_B_2020-01-16_091500Z.mhl"], temp["root/ascmhl/0001_root_2020-01-16_091500Z.mhl"]],
            report.Written);

        // Files recorded earlier in the children verify; the others are new.
        Assert.Equal(EntryStatus.Verified, report.Entries.Single(e => e.Path == "A/AA/AA1.txt").Status);
        Assert.Equal(EntryStatus.Original, report.Entries.Single(e => e.Path == "C/C1.txt").Status);

        var parent = File.ReadAllText(temp["root/ascmhl/0001_root_2020-01-16_091500Z.mhl"]);
        Assert.Contains("<path>A/AA/ascmhl/0002_AA_2020-01-16_091500Z.mhl</path>", parent);
        Assert.Contains("<path>B/ascmhl/0002_B_2020-01-16_091500Z.mhl</path>", parent);
        Assert.DoesNotContain("AA1.txt", parent);
        Assert.Contains("C1.txt", parent);
        Assert.Contains("<path lastmodificationdate=", parent);
        Assert.Contains(">emptyFolderA</path>", parent);

        // The parent's entry for a nested folder carries that history's root hash.
        var child = File.ReadAllText(temp["root/A/AA/ascmhl/0002_AA_2020-01-16_091500Z.mhl"]);
        var childRoot = Between(Between(child, "<roothash>", "</roothash>"), "<content>", "</content>").Trim();
        Assert.Contains(childRoot, Between(parent, ">A/AA</path>", "</directoryhash>"));

        // A new file in a child: a new generation in the child, and in the parent that refers to it. Like the
        // reference, every history the walk visits gets a generation.
        temp.Write("root/A/AA/AA2.txt", "AA2\n");
        var second = service.Create(temp["root"], xxh64);
        Assert.Contains(temp["root/A/AA/ascmhl/0003_AA_2020-01-16_091500Z.mhl"], second.Written);
        Assert.Contains(temp["root/ascmhl/0002_root_2020-01-16_091500Z.mhl"], second.Written);
        Assert.DoesNotContain("AA2.txt", File.ReadAllText(temp["root/ascmhl/0002_root_2020-01-16_091500Z.mhl"]));
        Assert.Equal(EntryStatus.Original, second.Entries.Single(e => e.Path == "A/AA/AA2.txt").Status);

        var info = service.Info(temp["root"]);
        Assert.Equal(3, info.Count(g => g.History == "A/AA"));
        Assert.Equal(2, info.Count(g => g.History == "."));
        Assert.Equal(MhlVerdict.Ok, service.Verify(temp["root"], new MhlVerifyOptions { DirectoryHashes = true }).Verdict);

        // A file deleted inside a child is missing from the parent's point of view too.
        File.Delete(temp["root/A/AA/AA1.txt"]);
        Assert.Equal("A/AA/AA1.txt", Assert.Single(service.Diff(temp["root"]).With(EntryStatus.Missing)).Path);
    }

    [Fact]
    public void Root_hash_does_not_depend_on_where_the_histories_are()
    {
        using var temp = new TempFolder();
        MakeTree(temp, "nested");
        MakeTree(temp, "flat");
        var (service, _) = Mhl.ScenarioService(Now);
        var options = new MhlCreateOptions { Formats = [HashFormat.Md5, HashFormat.C4] };
        service.Create(temp["nested/A/AA"], options);
        service.Create(temp["nested"], options);
        service.Create(temp["flat"], options);
        static string RootHash(string manifest) => Between(File.ReadAllText(manifest), "<roothash>", "</roothash>");
        Assert.Equal(RootHash(temp["flat/ascmhl/0001_flat_2020-01-16_091500Z.mhl"]), RootHash(temp["nested/ascmhl/0001_nested_2020-01-16_091500Z.mhl"]));
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
