using Rushes.Contracts.Plugins;

namespace Rushes.Contracts.Tests;

public class DiagnosticTests
{
    [Fact]
    public void ToString_with_every_part()
    {
        var d = Diagnostic.Error("the tile offset is past the end of the file", "A001C003.dng", "TileOffsets", "an offset below 1048576");

        Assert.Equal("A001C003.dng: TileOffsets: the tile offset is past the end of the file (expected an offset below 1048576)", d.ToString());
    }

    [Fact]
    public void ToString_with_only_a_message()
        => Assert.Equal("no frames", Diagnostic.Warning("no frames").ToString());

    [Fact]
    public void ToString_leaves_out_what_is_absent_or_empty()
    {
        Assert.Equal("clip.mxf: no timecode", Diagnostic.Warning("no timecode", file: "clip.mxf").ToString());
        Assert.Equal("iso: too high (expected at most 25600)", Diagnostic.Error("too high", field: "iso", expected: "at most 25600").ToString());
        Assert.Equal("bad (expected text)", Diagnostic.Error("bad", file: string.Empty, field: string.Empty, expected: "text").ToString());
        Assert.Equal("a.ari: bad", Diagnostic.Error("bad", file: "a.ari").ToString());
    }

    [Fact]
    public void Factories_set_the_severity()
    {
        var warning = Diagnostic.Warning("w", "f", "x", "e");
        var error = Diagnostic.Error("e");

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("w", warning.Message);
        Assert.Equal("f", warning.File);
        Assert.Equal("x", warning.Field);
        Assert.Equal("e", warning.Expected);
        Assert.Null(warning.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Null(error.File);
        Assert.Null(error.Field);
        Assert.Null(error.Expected);
    }

    [Fact]
    public void Diagnostics_are_records()
    {
        var a = Diagnostic.Error("m", "f");

        Assert.Equal(a, Diagnostic.Error("m", "f"));
        Assert.NotEqual(a, Diagnostic.Warning("m", "f"));
        Assert.NotEqual(a, a with { Code = "dng.bad" });
        Assert.Equal("dng.bad", (a with { Code = "dng.bad" }).Code);
    }

    [Fact]
    public void InputException_becomes_an_error_diagnostic()
    {
        var ex = new InputException("the header is truncated", "A001.ari", "header", "4096 bytes");

        var d = ex.ToDiagnostic();

        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("the header is truncated", d.Message);
        Assert.Equal("A001.ari", d.File);
        Assert.Equal("header", d.Field);
        Assert.Equal("4096 bytes", d.Expected);
        Assert.Equal("A001.ari: header: the header is truncated (expected 4096 bytes)", d.ToString());
    }

    [Fact]
    public void InputException_constructors()
    {
        var inner = new InvalidDataException("crc");

        Assert.Equal("Invalid input.", new InputException().Message);
        Assert.Equal("bad", new InputException("bad").Message);
        Assert.Null(new InputException("bad").File);
        Assert.Same(inner, new InputException("bad", inner).InnerException);
        Assert.Same(inner, new InputException("bad", "f", inner: inner).InnerException);
        Assert.Equal("bad", new InputException("bad").ToDiagnostic().ToString());
    }
}
