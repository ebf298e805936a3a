using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rushes.Cli;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Time;
using Rushes.Host.Plugins;
using Rushes.Host.Routing;
using Rushes.Testing;

namespace Rushes.Host.Tests;

/// <summary>
/// The partner path end to end: pack the contracts, generate a plugin with <c>dotnet new rushes-plugin</c>
/// in a temporary folder, run its own tests, publish it into a plugins folder, and see the host load and use it.
/// </summary>
[Collection(nameof(PluginTemplateTests))]
public sealed class PluginTemplateTests : IClassFixture<PluginTemplateTests.PackedSdk>
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(5);
    private readonly PackedSdk _sdk;

    public PluginTemplateTests(PackedSdk sdk) => _sdk = sdk;

    [Theory]
    [InlineData("camera-format")]
    [InlineData("colour-transform")]
    [InlineData("deliverable")]
    public async Task A_generated_plugin_builds_passes_its_tests_and_loads_in_the_host(string kind)
    {
        var name = "Acme." + string.Concat(kind.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var work = Path.Combine(_sdk.Root, kind);
        Directory.CreateDirectory(work);

        await Dotnet(work, "new", "rushes-plugin", "-n", name, "--kind", kind, "--contractsVersion", _sdk.PackageVersion, "--debug:custom-hive", _sdk.Hive);
        var project = Path.Combine(work, name);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_sdk.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        // Its own golden tests pass as generated.
        await Dotnet(project, "test", "-c", "Release");

        var plugins = Path.Combine(work, "plugins");
        await Dotnet(project, "publish", Path.Combine(project, "src", name, $"{name}.csproj"), "-c", "Release", "-o", Path.Combine(plugins, name.ToLowerInvariant()));
        Assert.False(File.Exists(Path.Combine(plugins, name.ToLowerInvariant(), "Rushes.Contracts.dll")), "the contracts must be shared from the host, not shipped");

        var (code, output, error) = await CliRunner.RunAsync(CliRunner.WithPlugins(plugins, "plugins", "--json"));
        Assert.True(code == ExitCodes.Ok, error);
        var plugin = Assert.Single(JsonNode.Parse(output)!["plugins"]!.AsArray())!;
        Assert.Equal("Loaded", plugin["status"]!.GetValue<string>());
        Assert.Equal(kind, plugin["kinds"]![0]!.GetValue<string>());
        Assert.Equal($"com.example.rushes.{name.ToLowerInvariant()}", plugin["id"]!.GetValue<string>());

        using var manager = new PluginManager(Options.Create(new PluginOptions { IncludeBundled = false, Paths = [plugins] }), new IsolatedPluginLoader(), NullLogger<PluginManager>.Instance);
        Assert.True(Assert.Single(manager.Plugins).IsLoaded);
        switch (kind)
        {
            case "camera-format": await CameraFormatWorks(plugins); break;
            case "colour-transform": ColourTransformWorks(manager); break;
            default: DeliverableWorks(manager, work); break;
        }
    }

    private static async Task CameraFormatWorks(string plugins)
    {
        // One 2×1 frame at 25 fps, in the example format's documented layout.
        var file = Path.Combine(plugins, "..", "A001C001.acmeraw");
        using (var writer = new BinaryWriter(File.Create(file)))
        {
            writer.Write("ACMERAW1"u8);
            foreach (var v in new uint[] { 2, 1, 1, 25, 1 })
            {
                writer.Write(v);
            }

            foreach (var sample in new ushort[] { 0, 32768, 65535, 65535, 0, 0 })
            {
                writer.Write(sample);
            }
        }

        var (code, output, error) = await CliRunner.RunAsync(CliRunner.WithPlugins(plugins, "inspect", file, "--json"));
        Assert.True(code == ExitCodes.Ok, error + output);
        var clip = Assert.Single(JsonNode.Parse(output)!["clips"]!.AsArray())!;
        Assert.Equal(2, clip["width"]!.GetValue<int>());
        Assert.Equal("25", clip["frameRate"]!.GetValue<string>());
    }

    private static void ColourTransformWorks(PluginManager manager)
    {
        var (_, provider) = Assert.Single(manager.Components<IColourTransformProvider>());
        var transform = provider.Transforms[0];
        var forward = provider.Compile(new TransformDescription { TransformId = transform.Id, Parameters = new([new("stops", "1")]) });
        var inverse = provider.Compile(new TransformDescription { TransformId = transform.Id, Parameters = new([new("stops", "1")]), Direction = TransformDirection.Inverse });
        float[] r = [0.18f, 1f, 0f], g = [0.5f, 2f, -1f], b = [0.01f, 4f, 10f];
        forward.Apply(r, g, b);
        Assert.Equal([0.36f, 2f, 0f], r);
        inverse.Apply(r, g, b);
        Assert.Equal([0.5f, 2f, -1f], g);
    }

    private static void DeliverableWorks(PluginManager manager, string work)
    {
        var (_, type) = Assert.Single(manager.Components<IDeliverableType>());
        var target = new DirectoryOutputTarget(Path.Combine(work, "out"));
        using var image = new PlanarImage(2, 1);
        float[] pixels = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
        for (var c = 0; c < 3; c++)
        {
            image.GetPlane(c)[0] = pixels[c];
            image.GetPlane(c)[1] = pixels[3 + c];
        }

        using var writer = type.CreateWriter(new DeliverableRequest
        {
            Output = target,
            FileName = "plate",
            Width = 2,
            Height = 1,
            Frames = new FrameRange(1001, 1001),
            FrameRate = FrameRate.Fps24,
            ColourEncoding = "ACES2065-1",
        });
        writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1001, FileName = "plate.1001.pfm" });
        var written = Assert.Single(writer.Complete(), w => w.Kind == "media");
        Assert.Equal("plate.1001.pfm", written.RelativePath);
        var back = Pfm.Read(File.ReadAllBytes(Path.Combine(target.Directory, written.RelativePath)));
        Assert.Equal(pixels, back.Pixels);
        Assert.Empty(Directory.EnumerateFiles(target.Directory, DirectoryOutputTarget.TemporaryPrefix + "*"));
    }

    private static async Task Dotnet(string workingDirectory, params string[] args)
    {
        var (code, output) = await ProcessRunner.RunAsync("dotnet", args, workingDirectory, Slow);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} failed ({code}):\n{output}");
    }

    /// <summary>The contracts and testing packages, packed once under a version no cache has seen, and the template installed in a private hive.</summary>
    public sealed class PackedSdk : IAsyncLifetime
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("rushes-template-").FullName;

        public string Feed => Path.Combine(Root, "feed");

        public string Hive => Path.Combine(Root, "hive");

        public string PackageVersion { get; } = $"{HostInfo.ContractsVersion}-e2e.{DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";

        public async Task InitializeAsync()
        {
            var repo = RepositoryPaths.Root;
            foreach (var project in new[] { "contracts/Rushes.Contracts", "tests/Rushes.Testing" })
            {
                await Dotnet(repo, "pack", Path.Combine(repo, project), "-c", "Release", "-o", Feed, $"-p:PackageVersion={PackageVersion}");
            }

            await Dotnet(Root, "new", "install", Path.Combine(repo, "templates", "plugin"), "--debug:custom-hive", Hive);
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Loaded plugin assemblies may still be mapped; the temp folder is cleaned by the OS.
            }

            return Task.CompletedTask;
        }
    }
}
