using Rushes.Host.Specs.Templates;

namespace Rushes.Host.Specs.Tests;

/// <summary>Hostile templates fail cleanly, within the limits, with a located message.</summary>
public sealed class SandboxTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rushes-specs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("{{ while true; end }}", "iteration limit")]
    [InlineData("{{ for i in 1..100000000; end }}", "exceed")]
    [InlineData("{{ func f; f; end; f }}", "recursive depth limit")]
    [InlineData("{{ 'A' * 200000000 }}", "LimitToString")]
    [InlineData("{{ for i in 1..9000; 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; end }}", "output")]
    [InlineData("{{ include '/etc/passwd' }}", "not allowed")]
    [InlineData("{{ include '../secrets' }}", "not allowed")]
    [InlineData("{{ include 'absent' }}", "no partial")]
    [InlineData("{{ object.eval '1' }}", "eval")]
    public void Hostile_templates_fail_with_a_located_error(string template, string reason)
    {
        var started = DateTime.UtcNow;
        var error = Assert.Throws<SpecException>(() => SpecTemplate.RenderText(template, "hostile.sbn", folder, new Dictionary<string, object?>()));

        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("hostile.sbn", error.Issues[0].File);
        Assert.NotNull(error.Issues[0].Line);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "a hostile template must be stopped by the limits");
    }

    [Fact]
    public void The_clock_is_not_readable_so_renders_are_repeatable()
    {
        Assert.Equal("[]", SpecTemplate.RenderText("[{{ date.now }}]", "clock.sbn", folder, new Dictionary<string, object?>()));
    }

    [Fact]
    public void Deeply_nested_expressions_are_refused_by_the_parser()
    {
        var template = "{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}";

        var error = Assert.Throws<SpecException>(() => SpecTemplate.RenderText(template, "deep.sbn", folder, new Dictionary<string, object?>()));

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_template_over_the_time_limit_is_stopped()
    {
        // Each iteration is legal; together they outlast a short deadline.
        var limits = SandboxLimits.Default with { LoopLimit = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) };
        var template = "{{ for i in 1..2000000000; x = i * 2; end }}";

        var error = Assert.Throws<SpecException>(() => SpecTemplate.RenderText(template, "slow.sbn", folder, new Dictionary<string, object?>(), limits));

        Assert.Contains("longer than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_file_over_the_size_limit_is_refused_before_reading()
    {
        var path = Path.Combine(folder, "big.sbn");
        File.WriteAllText(path, new string('x', 300 * 1024));

        var error = Assert.Throws<SpecException>(() => SpecTemplate.Render(path, new Dictionary<string, object?>()));

        Assert.Contains("over the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_partials_of_the_same_folder_render()
    {
        File.WriteAllText(Path.Combine(folder, "_greeting.sbn"), "hello {{ who }}");

        var text = SpecTemplate.RenderText("{{ include 'greeting' }}!", "main.sbn", folder, new Dictionary<string, object?> { ["who"] = "plates" });

        Assert.Equal("hello plates!", text);
    }

    [Fact]
    public void A_link_posing_as_a_partial_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(folder, "_passwd.sbn"), "/etc/passwd");

        var error = Assert.Throws<SpecException>(() => SpecTemplate.RenderText("{{ include 'passwd' }}", "main.sbn", folder, new Dictionary<string, object?>()));

        Assert.Contains("regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_its_line_and_column()
    {
        var error = Assert.Throws<SpecException>(() => SpecTemplate.RenderText("spec: 1\nname: {{ if }}", "bad.sbn", folder, new Dictionary<string, object?>()));

        Assert.Equal(2, error.Issues[0].Line);
        Assert.Equal(13, error.Issues[0].Column);
    }
}
