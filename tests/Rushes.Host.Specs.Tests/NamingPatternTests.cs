using Rushes.Host.Specs.Naming;

namespace Rushes.Host.Specs.Tests;

public class NamingPatternTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["show"] = "ABC", ["shot"] = "010_020", ["clip"] = "A001C003_230101_R1AB", ["reel"] = "A001", ["version"] = "7",
        ["resolution"] = "4096x2160", ["camera"] = "A cam/1",
    };

    [Theory]
    [InlineData("{shot}.{frame:0000000}.exr", 1001L, "010_020.0001001.exr")]
    [InlineData("{reel}/{clip}_v{version:000}.mov", null, "A001/A001C003_230101_R1AB_v007.mov")]
    [InlineData("{show}/{resolution}/{shot}.{frame}.dpx", 12L, "ABC/4096x2160/010_020.12.dpx")]
    [InlineData("{camera}.jpg", null, "A_cam_1.jpg")]
    public void Patterns_format_with_padding_and_safe_values(string pattern, long? frame, string expected)
    {
        var naming = NamingPattern.TryParse(pattern, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, naming!.Format(Values, frame));
    }

    [Theory]
    [InlineData("/abs/{frame}.exr", "relative path")]
    [InlineData("a/../{frame}.exr", "'..'")]
    [InlineData("{frame", "unclosed")]
    [InlineData("frame}", "unmatched")]
    [InlineData("{clip:000}.mov", "padding")]
    [InlineData("{nope}.mov", "unknown token")]
    [InlineData("a:b.exr", "not portable")]
    [InlineData("", "empty")]
    public void Bad_patterns_are_refused_with_the_reason(string pattern, string reason)
    {
        Assert.Null(NamingPattern.TryParse(pattern, out var problems));
        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_token_value_is_an_error_not_an_empty_name()
    {
        var naming = NamingPattern.TryParse("{episode}_{shot}.mov", out _)!;

        Assert.Throws<KeyNotFoundException>(() => naming.Format(Values, null));
    }
}
