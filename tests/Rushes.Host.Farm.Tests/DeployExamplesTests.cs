using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rushes.Host.Farm.Tests.OpenJd;

namespace Rushes.Host.Farm.Tests;

/// <summary>
/// The Dockerfile and the Kubernetes examples agree: the same non-root user, /scratch as the only
/// writable place (TMPDIR, HOME, an emptyDir there), a read-only root, and the commands of issue #10.
/// No container engine or cluster in CI, so these are read as YAML and text.
/// </summary>
public sealed partial class DeployExamplesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void The_dockerfile_runs_rushes_as_a_non_root_user_with_everything_written_under_scratch()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        Assert.Matches(@"(?m)^FROM \$\{RUNTIME_IMAGE\} AS runtime$", dockerfile);
        Assert.Contains("ARG RUNTIME_IMAGE=debian:bookworm-slim", dockerfile);
        Assert.Contains("dotnet publish host/Rushes.Cli -c Release -r linux-x64 --self-contained", dockerfile);
        Assert.Contains("ffmpeg fonts-dejavu-core", dockerfile);
        Assert.Equal("10001:10001", User().Match(dockerfile).Groups[1].Value);
        Assert.Contains("VOLUME [\"/scratch\"]", dockerfile);
        Assert.Contains("ENTRYPOINT [\"/opt/rushes/rushes\"]", dockerfile);
        foreach (var variable in new[] { "HOME", "TMPDIR", "XDG_CACHE_HOME", "DOTNET_BUNDLE_EXTRACT_BASE_DIR" })
        {
            Assert.Matches($@"(?m)^(ENV)?\s+{variable}=/scratch(/\S*)?( \\)?$", dockerfile);
        }
    }

    [Fact]
    public void The_indexed_job_runs_one_unit_per_index_on_a_read_only_root()
    {
        var job = Read("deploy/kubernetes/render-indexed-job.yaml");
        var spec = job["spec"]!;
        var pod = spec["template"]!["spec"]!;
        var container = Assert.Single(pod["containers"]!.AsArray())!;

        Assert.Equal("Job", (string?)job["kind"]);
        Assert.Equal("Indexed", (string?)spec["completionMode"]);
        Assert.True((long)spec["completions"]! >= 1);
        Assert.Equal(["render", "--units"], container["args"]!.AsArray().Take(2).Select(a => (string)a!));
        Assert.DoesNotContain("--unit-index", container["args"]!.AsArray().Select(a => (string)a!));
        Assert.Equal([2L, 3L], spec["podFailurePolicy"]!["rules"]![0]!["onExitCodes"]!["values"]!.AsArray().Select(v => (long)v!));
        Assert.Equal("Never", (string?)pod["restartPolicy"]);
        AssertLockedDown(pod, container);
    }

    [Fact]
    public void The_worker_deployment_runs_queue_workers_with_a_grace_period_on_a_read_only_root()
    {
        var deployment = Read("deploy/kubernetes/worker-deployment.yaml");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var container = Assert.Single(pod["containers"]!.AsArray())!;
        var args = container["args"]!.AsArray().Select(a => (string)a!).ToList();

        Assert.Equal("Deployment", (string?)deployment["kind"]);
        Assert.Equal("worker", args[0]);
        Assert.StartsWith("nats://", args[args.IndexOf("--nats") + 1]);
        Assert.True((long)pod["terminationGracePeriodSeconds"]! >= 30);
        AssertLockedDown(pod, container);
    }

    private static void AssertLockedDown(JsonNode pod, JsonNode container)
    {
        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.Equal(10001L, (long)pod["securityContext"]!["runAsUser"]!);
        var scratch = Assert.Single(container["volumeMounts"]!.AsArray(), m => (string?)m!["mountPath"] == "/scratch")!;
        var volume = Assert.Single(pod["volumes"]!.AsArray(), v => (string?)v!["name"] == (string?)scratch["name"])!;
        Assert.NotNull(volume["emptyDir"]);
        Assert.NotNull(container["resources"]!["requests"]!["cpu"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
    }

    private static JsonNode Read(string path) => YamlTree.Read(File.ReadAllText(Path.Combine(Root, path)))!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PluginHost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No PluginHost.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"(?m)^USER (\S+)$")]
    private static partial Regex User();
}
