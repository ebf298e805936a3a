using Rushes.Host.Mhl.Tree;

namespace Rushes.Host.Mhl.Tests;

/// <summary>.gitignore semantics of ignore patterns.</summary>
public sealed class IgnoreSpecTests
{
    [Theory]
    [InlineData(".DS_Store", false, true)]
    [InlineData("Clips/.DS_Store", false, true)]
    [InlineData("ascmhl", true, true)]
    [InlineData("Reel/ascmhl", true, true)]
    [InlineData("Clips/A.mov", false, false)]
    public void Defaults(string path, bool isDirectory, bool ignored)
        => Assert.Equal(ignored, new IgnoreSpec(null).IsIgnored(path, isDirectory));

    [Theory]
    [InlineData("*.tmp", "a.tmp", false, true)]
    [InlineData("*.tmp", "deep/in/a.tmp", false, true)]
    [InlineData("*.tmp", "a.tmpx", false, false)]
    [InlineData("/top.txt", "top.txt", false, true)]
    [InlineData("/top.txt", "sub/top.txt", false, false)]
    [InlineData("cache/", "cache", true, true)]
    [InlineData("cache/", "cache", false, false)]
    [InlineData("cache/", "x/cache/file", false, true)]
    [InlineData("docs/*.md", "docs/a.md", false, true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false, false)]
    [InlineData("docs/*.md", "x/docs/a.md", false, false)]
    [InlineData("**/proxy", "a/b/proxy", true, true)]
    [InlineData("**/proxy", "proxy", true, true)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("logs/**", "logs/x/y.txt", false, true)]
    [InlineData("file?.txt", "file1.txt", false, true)]
    [InlineData("file?.txt", "file10.txt", false, false)]
    [InlineData("[ab].txt", "a.txt", false, true)]
    [InlineData("[!ab].txt", "a.txt", false, false)]
    [InlineData("[!ab].txt", "c.txt", false, true)]
    [InlineData("# comment", "# comment", false, false)]
    [InlineData("\\#hash", "#hash", false, true)]
    public void Pattern(string pattern, string path, bool isDirectory, bool ignored)
        => Assert.Equal(ignored, new IgnoreSpec(null, [pattern]).IsIgnored(path, isDirectory));

    [Fact]
    public void Negation_re_includes_and_the_last_match_wins()
    {
        var spec = new IgnoreSpec(null, ["*.log", "!keep.log"]);
        Assert.True(spec.IsIgnored("a.log", false));
        Assert.False(spec.IsIgnored("keep.log", false));
        Assert.False(spec.IsIgnored("sub/keep.log", false));
    }

    [Fact]
    public void Earlier_patterns_replace_the_defaults_and_duplicates_are_dropped()
    {
        Assert.Equal(["ascmhl", "*.r3d"], new IgnoreSpec(["ascmhl"], ["*.r3d", "ascmhl"]).Patterns);
        Assert.Equal([".DS_Store", "ascmhl", "ascmhl/", "x"], new IgnoreSpec([], ["x"]).Patterns);
    }
}
