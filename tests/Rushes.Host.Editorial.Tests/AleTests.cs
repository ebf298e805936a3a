using Rushes.Host.Editorial.Ale;

namespace Rushes.Host.Editorial.Tests;

public sealed class AleTests
{
    private const string Sample = "Heading\r\nFIELD_DELIM\tTABS\r\nVIDEO_FORMAT\t1080\r\nAUDIO_FORMAT\t48khz\r\nFPS\t23.976\r\n\r\nColumn\r\nName\tTracks\tStart\tEnd\tTape\tSource File\tfdl-uuid\t\r\n\r\nData\r\nA001C003\tV\t14:21:07:12\t14:21:09:00\tA001C003_220310_R1ZK\tA001C003.mov\t3E9F94EF-A910-470D-8EC4-B14E551AC6AC\r\nA001C004\tV\t14:30:00:00\t14:30:03:00\tA001C004\t\t\r\n";

    [Fact]
    public void An_avid_log_reads_by_column_name()
    {
        var ale = AleReader.Parse(Sample, "log.ale");
        Assert.Equal("23.976", ale.HeadingValue("fps"));
        Assert.Equal(["Name", "Tracks", "Start", "End", "Tape", "Source File", "fdl-uuid"], ale.Columns);
        Assert.Equal(2, ale.Rows.Count);
        Assert.Equal("A001C003_220310_R1ZK", ale.Value(0, "TAPE"));
        Assert.Equal("3E9F94EF-A910-470D-8EC4-B14E551AC6AC", ale.Value(0, "FDL-UUID"));
        Assert.Null(ale.Value(1, "Source File"));
        Assert.Null(ale.Value(1, "No Such Column"));
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_log()
    {
        var ale = AleReader.Parse(Sample);
        var written = AleWriter.Write(ale);
        Assert.Equal(ale, AleReader.Parse(written));
        Assert.Contains("Column\r\nName\tTracks", written, StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"ale-{Guid.NewGuid():N}.ale");
        try
        {
            AleWriter.WriteFile(ale with { Rows = [["A\tB", "V", "", "", "", "", ""]] }, path);
            Assert.Equal("A B", AleReader.ReadFile(path).Rows[0][0]);
            Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), ".rushes-tmp-*" + Path.GetFileName(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Data\r\nA\tB\r\n", "line 2")]
    [InlineData("Heading\r\nFPS\t24\r\n", "Column")]
    [InlineData("Column\r\nName\r\nData\r\nA\tB\tC\r\n", "line 4")]
    [InlineData("stray\r\n", "line 1")]
    public void Broken_logs_name_the_line_or_section(string text, string field)
    {
        var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => AleReader.Parse(text, "bad.ale"));
        Assert.Equal(field, error.Field);
    }
}
