using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.Tests;

public class ParameterValuesTests
{
    private static readonly ParameterDefinition Debayer = new()
    {
        Name = "debayer",
        Type = ParameterType.Choice,
        Default = "ahd",
        Choices = [new() { Value = "ahd", Label = "Adaptive homogeneity-directed" }, new() { Value = "bilinear" }],
    };

    private static readonly ParameterDefinition Iso = new() { Name = "iso", Type = ParameterType.Integer, Default = "800", Minimum = 100, Maximum = 25600 };

    private static readonly ParameterDefinition Exposure = new() { Name = "exposure", Type = ParameterType.Number, Default = "0", Minimum = -8, Maximum = 8 };

    private static readonly ParameterDefinition Half = new() { Name = "half", Type = ParameterType.Boolean, Default = "false" };

    private static readonly ParameterDefinition Look = new() { Name = "look", Type = ParameterType.Text };

    private static readonly ParameterDefinition[] All = [Debayer, Iso, Exposure, Half, Look];

    private static ParameterValues Values(params (string Name, string Value)[] values)
        => new(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));

    [Fact]
    public void Validate_accepts_good_values()
    {
        var values = Values(("look", "warm"), ("debayer", "bilinear"), ("iso", "3200"), ("exposure", "-1.5"), ("half", "true"));

        Assert.Empty(values.Validate(All, "ARRIRAW"));
    }

    [Fact]
    public void Validate_matches_names_and_choices_case_insensitively()
    {
        var values = Values(("LOOK", "x"), ("Debayer", "AHD"), ("Half", "TRUE"));

        Assert.Empty(values.Validate(All, "ARRIRAW"));
    }

    [Fact]
    public void Validate_reports_unknown_names()
    {
        var found = Values(("look", "x"), ("foo", "1")).Validate(All, "ARRIRAW");

        var d = Assert.Single(found);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("ARRIRAW has no parameter 'foo'", d.Message);
        Assert.Equal("foo", d.Field);
        Assert.Equal("one of debayer, iso, exposure, half, look", d.Expected);
    }

    [Fact]
    public void Validate_reports_any_name_when_there_are_no_parameters()
    {
        var d = Assert.Single(Values(("foo", "1")).Validate([], "DPX"));

        Assert.Equal("DPX has no parameter 'foo'", d.Message);
        Assert.Equal("no parameters", d.Expected);
        Assert.Empty(ParameterValues.Empty.Validate([], "DPX"));
    }

    [Fact]
    public void Validate_reports_required_parameters_left_out()
    {
        var d = Assert.Single(ParameterValues.Empty.Validate(All, "ARRIRAW"));

        Assert.Equal("ARRIRAW needs 'look'", d.Message);
        Assert.Equal("look", d.Field);
        Assert.Equal("a value for required parameter 'look'", d.Expected);
    }

    [Theory]
    [InlineData("iso", "1.5", "a whole number from 100 to 25600")]
    [InlineData("iso", "abc", "a whole number from 100 to 25600")]
    [InlineData("exposure", "abc", "a number from -8 to 8")]
    [InlineData("exposure", "NaN", "a number from -8 to 8")]
    [InlineData("exposure", "Infinity", "a number from -8 to 8")]
    [InlineData("half", "yes", "true or false")]
    [InlineData("half", "1", "true or false")]
    [InlineData("debayer", "vng", "one of ahd, bilinear")]
    public void Validate_reports_type_errors(string name, string value, string expected)
    {
        var d = Assert.Single(Values(("look", "x"), (name, value)).Validate(All, "ARRIRAW"));

        Assert.Equal($"ARRIRAW: '{value}' is not a valid {name}", d.Message);
        Assert.Equal(name, d.Field);
        Assert.Equal(expected, d.Expected);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Theory]
    [InlineData("iso", "99", false)]
    [InlineData("iso", "100", true)]
    [InlineData("iso", "25600", true)]
    [InlineData("iso", "25601", false)]
    [InlineData("exposure", "-8", true)]
    [InlineData("exposure", "-8.01", false)]
    [InlineData("exposure", "8.5", false)]
    [InlineData("exposure", "1e1", false)]
    [InlineData("exposure", "7.99", true)]
    public void Validate_checks_ranges(string name, string value, bool valid)
    {
        var found = Values(("look", "x"), (name, value)).Validate(All, "ARRIRAW");

        if (valid)
        {
            Assert.Empty(found);
        }
        else
        {
            var d = Assert.Single(found);
            Assert.Equal(name == "iso" ? "a value from 100 to 25600" : "a value from -8 to 8", d.Expected);
        }
    }

    [Fact]
    public void Validate_reports_everything_in_order()
    {
        var found = Values(("zzz", "1"), ("iso", "1"), ("half", "maybe")).Validate(All, "R3D");

        Assert.Equal(["zzz", "iso", "half", "look"], found.Select(d => d.Field));
    }

    [Fact]
    public void Check_describes_one_sided_ranges()
    {
        var atLeast = new ParameterDefinition { Name = "gain", Type = ParameterType.Number, Minimum = 0.5 };
        var atMost = new ParameterDefinition { Name = "count", Type = ParameterType.Integer, Maximum = 4 };

        Assert.Equal("a value of at least 0.5", atLeast.Check("0.25"));
        Assert.Equal("a number of at least 0.5", atLeast.Check("x"));
        Assert.Null(atLeast.Check("1000"));
        Assert.Equal("a value of at most 4", atMost.Check("5"));
        Assert.Equal("a whole number of at most 4", atMost.Check("4.0"));
        Assert.Null(atMost.Check("-100"));
        Assert.Equal("a whole number", new ParameterDefinition { Name = "n", Type = ParameterType.Integer }.Check("x"));
    }

    [Fact]
    public void Check_of_text_and_of_missing_values()
    {
        Assert.Null(Look.Check("anything at all"));
        Assert.Null(Look.Check(string.Empty));
        Assert.Equal("a value for required parameter 'look'", Look.Check(null));
        Assert.Null(Iso.Check(null));
    }

    [Fact]
    public void Typed_getters_fall_back_to_defaults()
    {
        var empty = ParameterValues.Empty;

        Assert.Equal("ahd", empty.GetText(Debayer));
        Assert.Equal(800, empty.GetInteger(Iso));
        Assert.Equal(0.0, empty.GetNumber(Exposure));
        Assert.False(empty.GetBoolean(Half));
        Assert.Null(empty.GetText(Look));
    }

    [Fact]
    public void Typed_getters_read_given_values()
    {
        var values = Values(("ISO", "3200"), ("exposure", "-1.5"), ("half", "TRUE"), ("debayer", "bilinear"), ("look", "warm"));

        Assert.Equal(3200, values.GetInteger(Iso));
        Assert.Equal(-1.5, values.GetNumber(Exposure));
        Assert.True(values.GetBoolean(Half));
        Assert.Equal("bilinear", values.GetText(Debayer));
        Assert.Equal("warm", values.GetText(Look));
        Assert.Equal(250.0, Values(("exposure", "2.5e2")).GetNumber(Exposure));
    }

    [Fact]
    public void Typed_getter_of_a_required_parameter_without_value_throws_an_input_error()
    {
        var required = new ParameterDefinition { Name = "gain", Type = ParameterType.Number };

        var ex = Assert.Throws<InputException>(() => ParameterValues.Empty.GetNumber(required));
        Assert.Equal("gain", ex.Field);
        Assert.Equal("Number", ex.Expected);
        Assert.Contains("'gain'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_returns_a_copy_and_replaces_case_insensitively()
    {
        var original = Values(("iso", "400"));

        var changed = original.With("ISO", "1600");

        Assert.Equal(400, original.GetInteger(Iso));
        Assert.Equal(1600, changed.GetInteger(Iso));
        Assert.Single(changed.Given);
        Assert.Equal(2, changed.With("look", "x").Given.Count);
    }

    [Fact]
    public void Given_is_case_insensitive_and_the_last_duplicate_wins()
    {
        var values = Values(("iso", "400"), ("ISO", "800"));

        Assert.Single(values.Given);
        Assert.Equal("800", values.Given["Iso"]);
        Assert.Empty(ParameterValues.Empty.Given);
    }

    [Fact]
    public void Definitions_are_records()
    {
        var copy = Iso with { };

        Assert.Equal(Iso, copy);
        Assert.NotEqual(Iso, Iso with { Maximum = 6400 });
        Assert.Equal(string.Empty, Iso.Description);
        Assert.Empty(Iso.Choices);
        Assert.Equal("Adaptive homogeneity-directed", Debayer.Choices[0].Label);
        Assert.Null(Debayer.Choices[1].Label);
    }
}
