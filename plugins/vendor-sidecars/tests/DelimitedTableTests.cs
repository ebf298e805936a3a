using Rushes.Contracts.Plugins;
using Rushes.Plugins.VendorSidecars.Common;

namespace Rushes.Plugins.VendorSidecars.Tests;

/// <summary>The vendors' delimited tables: padding, RFC 4180 quoting, line endings, and errors that name the line.</summary>
public sealed class DelimitedTableTests
{
    [Fact]
    public void Padded_plain_fields_are_trimmed_and_tabs_delimit_arri_tables()
    {
        var table = DelimitedTable.Parse("Index\tMaster TC\t Lens \n       0\t13:36:49:07\tSIGMA     \n       1\t13:36:49:08\t\n", '\t', "a.csv");
        Assert.Equal(["Index", "Master TC", "Lens"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["0", "13:36:49:07", "SIGMA"], table.Rows[0]);
        Assert.Equal(["1", "13:36:49:08", string.Empty], table.Rows[1]);
        Assert.Equal("13:36:49:08", table.Value(1, "Master TC"));
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks()
    {
        var table = DelimitedTable.Parse("Name,Note,Other\r\n\"A001, take 2\", \"she said \"\"cut\"\"\",\"two\nlines\"\r\nplain,\"\",x\"y\r\n", ',', "q.csv");
        Assert.Equal(["A001, take 2", "she said \"cut\"", "two\nlines"], table.Rows[0]);
        Assert.Equal(["plain", string.Empty, "x\"y"], table.Rows[1]);
    }

    [Fact]
    public void A_last_row_without_a_line_break_and_blank_lines_are_read_as_a_person_would()
    {
        var table = DelimitedTable.Parse("a,b\n1,2\n\n3,4", ',', "t.csv");
        Assert.Equal([["1", "2"], ["3", "4"]], table.Rows);
    }

    [Fact]
    public void A_row_of_the_wrong_width_names_its_line_counting_line_breaks_inside_quotes()
    {
        var ex = Assert.Throws<InputException>(() => DelimitedTable.Parse("a,b\n\"x\ny\",2\n1,2,3\n", ',', "/card/w.csv"));
        Assert.Equal("/card/w.csv", ex.File);
        Assert.Equal("line 4", ex.Field);
        Assert.Contains("has 3 fields, but the header has 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_starts_on()
    {
        var ex = Assert.Throws<InputException>(() => DelimitedTable.Parse("a,b\n1,2\n3,\"open\n", ',', "u.csv"));
        Assert.Equal("line 3", ex.Field);
        Assert.Equal("a closing quote", ex.Expected);
    }
}
