using System.Text.Json.Nodes;
using Rushes.Cli;
using Rushes.Plugins.Dng.TestKit;
using Rushes.Testing;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>
/// <c>rushes inspect</c> on a CinemaDNG folder, through the host: the plugin is published beside the tests as the CLI
/// bundles it, loaded in isolation from its plugin.json, and the clip comes back with its reel, timecode, rate,
/// camera and frame range.
/// </summary>
public sealed class InspectEndToEndTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static string PluginsFolder => Path.Combine(AppContext.BaseDirectory, "dng-plugin");

    private static async Task<(int Code, string Out, string Error)> Rushes(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--plugins", PluginsFolder, "--set", "Plugins:IncludeBundled=false"], stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Inspect_prints_a_CinemaDNG_clip_as_json()
    {
        var clip = Path.Combine(_folder.Path, "A001C005_230611_R1AB");
        DngWriter.WriteSequence(clip, "A001C005", Enumerable.Range(86400, 4).Where(n => n != 86402).Append(86404), n => new DngFile
        {
            Width = 24,
            Height = 16,
            Samples = Fixtures.Samples(24, 16, 12, seed: n),
            BitsPerSample = 12,
            Compression = DngCompression.LosslessJpeg,
            TileWidth = 16,
            TileHeight = 16,
            BlackLevel = [256],
            WhiteLevel = [4095],
            Make = "Blackmagic Design",
            Model = "Pocket Cinema Camera",
            CameraSerialNumber = "PCC-1234",
            TimeCode = DngWriter.AddFrames((14, 30, 0, 0, true), n - 86400, 30),
            FrameRate = (30000, 1001),
            ReelName = "A001",
            CameraLabel = "A",
            TStop = (28, 10),
            Iso = 400,
        });

        var (code, output, error) = await Rushes("inspect", clip, "--json");

        Assert.True(code == 0, $"rushes inspect exited {code}: {error}");
        var json = JsonNode.Parse(output.Replace(_folder.Path, "<root>", StringComparison.Ordinal))!;
        var found = Assert.Single(json["clips"]!.AsArray())!;
        Assert.Equal("org.rushes.dng", found["plugin"]!.GetValue<string>());
        Assert.Equal("14:30:00;00", found["startTimecode"]!.GetValue<string>());
        Assert.Equal(86400, found["frames"]!["first"]!.GetValue<long>());
        Assert.Equal(86404, found["frames"]!["last"]!.GetValue<long>());
        Assert.Equal("A001", found["normalized"]!["clip.reel"]!["value"]!.GetValue<string>());
        Assert.Equal("Pocket Cinema Camera", found["normalized"]!["camera.model"]!["value"]!.GetValue<string>());
        Golden.VerifyJson(new JsonObject
        {
            ["name"] = found["name"]!.DeepClone(),
            ["path"] = found["path"]!.DeepClone(),
            ["layout"] = found["layout"]!.DeepClone(),
            ["format"] = found["format"]!.DeepClone(),
            ["plugin"] = found["plugin"]!.DeepClone(),
            ["files"] = found["files"]!.DeepClone(),
            ["frames"] = found["frames"]!.DeepClone(),
            ["width"] = found["width"]!.DeepClone(),
            ["height"] = found["height"]!.DeepClone(),
            ["frameRate"] = found["frameRate"]!.DeepClone(),
            ["startTimecode"] = found["startTimecode"]!.DeepClone(),
            ["normalized"] = found["normalized"]!.DeepClone(),
            ["warnings"] = found["warnings"]!.DeepClone(),
        }.ToJsonString(), "cinemadng-clip");
    }

    public void Dispose() => _folder.Dispose();
}
