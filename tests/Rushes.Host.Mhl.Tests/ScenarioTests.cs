using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Operations;
using Rushes.Testing;

namespace Rushes.Host.Mhl.Tests;

/// <summary>The shared reference scenarios 01-03 reproduce byte for byte under their fixed conditions.</summary>
public sealed class ScenarioTests
{
    private static readonly DateTimeOffset Day1 = new(2020, 1, 16, 9, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = new(2020, 1, 17, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("scenario_01")]
    [InlineData("scenario_02")]
    [InlineData("scenario_03")]
    public void Scenario_reproduces_byte_for_byte(string scenario)
    {
        using var temp = new TempFolder();
        var source = Mhl.MakeCard(temp["source"]);
        var travel = temp["travel_01/A002R2EC"];
        Mhl.CopyTree(source, travel);

        var (service, clock) = Mhl.ScenarioService(Day1);
        var first = service.Create(travel, new MhlCreateOptions { Formats = [HashFormat.Xxh64] });
        Assert.Equal(MhlVerdict.Ok, first.Verdict);
        Assert.All(first.Entries, e => Assert.Equal(EntryStatus.Original, e.Status));

        if (scenario != "scenario_01")
        {
            clock.Now = Day2;
            var server = temp["file_server/A002R2EC"];
            Mhl.CopyTree(travel, server);
            var format = scenario == "scenario_03" ? HashFormat.Md5 : HashFormat.Xxh64;
            var second = service.Create(server, new MhlCreateOptions { Formats = [format] });
            Assert.Equal(MhlVerdict.Ok, second.Verdict);
            Assert.All(second.Entries, e => Assert.Equal(EntryStatus.Verified, e.Status));
        }

        var expectedRoot = ConformanceData.Path("mhl", "examples", "scenarios", "Output", scenario);
        Directory.Delete(temp["source"], recursive: true);
        var expected = Mhl.FilesUnder(expectedRoot).Where(f => f != "log.txt").ToList();
        var actual = Mhl.FilesUnder(temp.Path);
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            var want = File.ReadAllBytes(Path.Combine(expectedRoot, file));
            var got = File.ReadAllBytes(temp[file]);
            Assert.True(want.AsSpan().SequenceEqual(got), $"{scenario}/{file} differs:\n--- expected\n{System.Text.Encoding.UTF8.GetString(want)}\n--- actual\n{System.Text.Encoding.UTF8.GetString(got)}");
        }
    }
}
