using Rushes.Testing;

namespace Rushes.Plugins.OpenExr.Tests;

public sealed class SmokeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("none")]
    [InlineData("rle")]
    [InlineData("zips")]
    [InlineData("zip")]
    [InlineData("piz")]
    public void Smoke(string compression)
    {
        using var image = TestFrames.Picture(67, 45);
        var path = TestFrames.WriteFrame(_temp.Path, image, 1001, ("compression", compression));
        var info = ReferenceTool.Run("oiiotool", ["--info", "-v", "--stats", path]);
        var header = ReferenceTool.Run("exrheader", [path]);
        var back = TestFrames.Read(path);
        File.WriteAllText($"/tmp/smoke-{compression}.txt", info.StandardOutput + info.StandardError + header.StandardOutput + header.StandardError);
        for (var c = 0; c < 3; c++)
        {
            var plane = image.GetPlane(c);
            var read = back.Plane("RGB"[c].ToString())!;
            for (var i = 0; i < plane.Length; i++)
            {
                Assert.Equal(TestFrames.ToHalf(plane[i]), read[i]);
            }
        }

        Assert.Equal(0, info.ExitCode);
    }
}
