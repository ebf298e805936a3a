using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rushes.Host.Mhl;
using Rushes.Host.Mhl.Hashing;
using Rushes.Host.Mhl.Model;
using Rushes.Host.Mhl.Operations;
using Rushes.Host.Mhl.Xml;

namespace Rushes.Cli.Commands;

/// <summary><c>rushes mhl create|verify|diff|info|flatten</c>: ASC MHL v2 histories.</summary>
public static class MhlCommand
{
    private const string ExitHelp =
        "Exit codes: 0 verified, 10 failed (hash mismatch), 11 missing files, 12 unknown files, 13 corrupt history, 14 no history.";

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("mhl", $"ASC MHL v2 (spec 1.0): seal, verify and inspect the hash history of a folder. {ExitHelp}");
        command.Subcommands.Add(CreateCommand(run));
        command.Subcommands.Add(VerifyCommand(run));
        command.Subcommands.Add(DiffCommand(run));
        command.Subcommands.Add(InfoCommand(run));
        command.Subcommands.Add(FlattenCommand(run));
        return command;
    }

    private static Argument<string> RootArgument() => new("root") { Description = "The folder whose ascmhl/ history to use." };

    private static Option<string[]> IgnoreOption() => new("--ignore", "-i")
    {
        Description = "A .gitignore-style pattern of paths to leave out (repeatable), added to the history's.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Option<bool> FailFastOption() => new("--fail-fast")
    {
        Description = "Compare sizes and modification dates with the records before hashing, and stop without hashing if any differ.",
    };

    private static Option<int> ParallelismOption() => new("--parallelism")
    {
        Description = "Files hashed at once (default: one per processor).",
    };

    private sealed class CreatorOptions
    {
        public Option<string?> Name { get; } = new("--author-name") { Description = "The <author> name in <creatorinfo>." };

        public Option<string?> Email { get; } = new("--author-email") { Description = "The author's e-mail address." };

        public Option<string?> Phone { get; } = new("--author-phone") { Description = "The author's phone number." };

        public Option<string?> Role { get; } = new("--author-role") { Description = "The author's role, e.g. DIT." };

        public Option<string?> Location { get; } = new("--location") { Description = "The <location> element in <creatorinfo>." };

        public Option<string?> Comment { get; } = new("--comment") { Description = "The <comment> element in <creatorinfo>." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Name, Email, Phone, Role, Location, Comment })
            {
                command.Options.Add(option);
            }
        }

        public IReadOnlyList<Author> Authors(ParseResult parse)
        {
            var (name, email, phone, role) = (parse.GetValue(Name), parse.GetValue(Email), parse.GetValue(Phone), parse.GetValue(Role));
            return name is null && email is null && phone is null && role is null ? [] : [new Author(name, email, phone, role)];
        }
    }

    private static Command CreateCommand(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var root = RootArgument();
        var json = GlobalOptions.Json();
        var formats = new Option<string[]>("--hash-format", "-h")
        {
            Description = "A hash format to record: xxh128 (default), xxh64, xxh3, md5, sha1 or c4 (repeatable; one read of each file computes them all).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        formats.AcceptOnlyFromAmong([.. HashFormats.All.Select(f => f.Name())]);
        var noDirectoryHashes = new Option<bool>("--no-directory-hashes", "-n") { Description = "Leave out directory content/structure hashes and the root hash." };
        var detectRenaming = new Option<bool>("--detect-renaming") { Description = "Match missing files with new ones by hash and record them with <previousPath>." };
        var ignore = IgnoreOption();
        var failFast = FailFastOption();
        var parallelism = ParallelismOption();
        var creator = new CreatorOptions();
        var command = new Command("create", $"Hash every file, compare with earlier generations, and write a new generation (nested histories too). {ExitHelp}")
        {
            root, formats, noDirectoryHashes, detectRenaming, ignore, failFast, parallelism, json,
        };
        creator.AddTo(command);
        command.SetAction(run(context =>
        {
            var parse = context.ParseResult;
            var options = new MhlCreateOptions
            {
                Formats = [.. (parse.GetValue(formats) is { Length: > 0 } f ? f : ["xxh128"]).Select(HashFormats.Parse)],
                NoDirectoryHashes = parse.GetValue(noDirectoryHashes),
                DetectRenames = parse.GetValue(detectRenaming),
                IgnorePatterns = parse.GetValue(ignore) ?? [],
                FailFast = parse.GetValue(failFast),
                Parallelism = parse.GetValue(parallelism),
                Authors = creator.Authors(parse),
                Location = parse.GetValue(creator.Location),
                Comment = parse.GetValue(creator.Comment),
            };
            var target = parse.GetValue(root)!;
            var report = Guard(target, () => new MhlService().Create(target, options, Progress(context), context.CancellationToken));
            return Task.FromResult(Finish(context, parse.GetValue(json), report));
        }));
        return command;
    }

    private static Command VerifyCommand(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var root = RootArgument();
        var json = GlobalOptions.Json();
        var directoryHashes = new Option<bool>("--directory-hashes") { Description = "Also recompute and compare directory and root hashes." };
        var ignore = IgnoreOption();
        var failFast = FailFastOption();
        var parallelism = ParallelismOption();
        var command = new Command("verify", $"Hash every file and compare it with every recorded format; report failed, missing and unknown files. Writes nothing. {ExitHelp}")
        {
            root, directoryHashes, ignore, failFast, parallelism, json,
        };
        command.SetAction(run(context =>
        {
            var parse = context.ParseResult;
            var options = new MhlVerifyOptions { DirectoryHashes = parse.GetValue(directoryHashes), IgnorePatterns = parse.GetValue(ignore) ?? [], FailFast = parse.GetValue(failFast), Parallelism = parse.GetValue(parallelism) };
            var target = parse.GetValue(root)!;
            var report = Guard(target, () => new MhlService().Verify(target, options, Progress(context), context.CancellationToken));
            return Task.FromResult(Finish(context, parse.GetValue(json), report));
        }));
        return command;
    }

    private static Command DiffCommand(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var root = RootArgument();
        var json = GlobalOptions.Json();
        var ignore = IgnoreOption();
        var command = new Command("diff", $"List unknown files (on disk, not recorded) and missing ones (recorded, not on disk), without hashing. {ExitHelp}")
        {
            root, ignore, json,
        };
        command.SetAction(run(context =>
        {
            var parse = context.ParseResult;
            var target = parse.GetValue(root)!;
            var report = Guard(target, () => new MhlService().Diff(target, parse.GetValue(ignore) ?? [], context.CancellationToken));
            return Task.FromResult(Finish(context, parse.GetValue(json), report));
        }));
        return command;
    }

    private static Command InfoCommand(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var root = RootArgument();
        var json = GlobalOptions.Json();
        var file = new Option<string?>("--file", "-f") { Description = "Show what every generation recorded of this file (relative to ROOT, or a full path)." };
        var command = new Command("info", $"List the generations of the history and of the nested ones, or one file's history. {ExitHelp}") { root, file, json };
        command.SetAction(run(context =>
        {
            var parse = context.ParseResult;
            var target = parse.GetValue(root)!;
            var service = new MhlService();
            if (parse.GetValue(file) is { } path)
            {
                var entries = Guard(target, () => service.FileHistory(target, path));
                WriteFileHistory(context, parse.GetValue(json), path, entries);
                return Task.FromResult(entries.Count > 0 ? ExitCodes.Ok : MhlExitCodes.Unknown);
            }

            var generations = Guard(target, () => service.Info(target));
            WriteInfo(context, parse.GetValue(json), Path.GetFullPath(target), generations);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command FlattenCommand(Func<Func<CommandContext, Task<int>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var root = RootArgument();
        var json = GlobalOptions.Json();
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the packing list and its ascmhl_collection.xml into.", Required = true };
        var creator = new CreatorOptions();
        var command = new Command("flatten", $"Collect every file record of the history (nested ones included) into one standalone manifest. {ExitHelp}") { root, output, json };
        creator.AddTo(command);
        command.SetAction(run(context =>
        {
            var parse = context.ParseResult;
            var target = parse.GetValue(root)!;
            var options = new MhlFlattenOptions { Authors = creator.Authors(parse), Location = parse.GetValue(creator.Location), Comment = parse.GetValue(creator.Comment) };
            var result = Guard(target, () => new MhlService().Flatten(target, parse.GetValue(output)!, options));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject { ["manifest"] = result.Manifest, ["collection"] = result.Collection, ["files"] = result.Files });
            }
            else
            {
                context.Out.WriteLine($"wrote {result.Manifest} ({result.Files} files)");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>Turns a broken history into its exit code, naming the file at fault.</summary>
    private static T Guard<T>(string root, Func<T> body)
    {
        if (!Directory.Exists(root))
        {
            throw new CliException(ExitCodes.Input, $"'{root}' is not a folder.", root, "ROOT", "an existing folder");
        }

        try
        {
            return body();
        }
        catch (MhlHistoryException ex)
        {
            var code = ex.Problem == MhlProblem.NoHistory ? MhlExitCodes.NoHistory : MhlExitCodes.CorruptHistory;
            throw new CliException(code, ex.Message, ex.Path, ex.Problem.ToString(),
                ex.Problem == MhlProblem.NoHistory ? "a folder sealed with 'rushes mhl create'" : "an intact ascmhl/ chain of custody");
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ExitCodes.Input, ex.Message, field: "--author-email", expected: "name@domain.tld");
        }
    }

    private static IProgress<MhlProgress> Progress(CommandContext context)
    {
        var last = DateTime.MinValue;
        var gate = new object();
        return new SynchronousProgress(p =>
        {
            lock (gate)
            {
                var now = DateTime.UtcNow;
                if (p.FilesDone != p.FilesTotal && now - last < TimeSpan.FromMilliseconds(500))
                {
                    return;
                }

                last = now;
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hashing: {p.FilesDone}/{p.FilesTotal} files, {p.BytesDone / 1e6:F1}/{p.BytesTotal / 1e6:F1} MB"));
            }
        });
    }

    private sealed class SynchronousProgress(Action<MhlProgress> report) : IProgress<MhlProgress>
    {
        public void Report(MhlProgress value) => report(value);
    }

    private static int ExitCode(MhlReport report) => report.Verdict switch
    {
        MhlVerdict.Failed => MhlExitCodes.Failed,
        MhlVerdict.Missing => MhlExitCodes.Missing,
        MhlVerdict.Unknown => MhlExitCodes.Unknown,
        _ => MhlExitCodes.Verified,
    };

    private static int Finish(CommandContext context, bool json, MhlReport report)
    {
        var code = ExitCode(report);
        if (json)
        {
            JsonOutput.Write(context.Out, ToJson(report, code));
            return code;
        }

        foreach (var entry in report.Entries)
        {
            var label = entry.Status switch
            {
                EntryStatus.Failed => "FAILED",
                EntryStatus.Missing => "MISSING",
                EntryStatus.Unknown => "UNKNOWN",
                _ => entry.Status.ToString().ToLowerInvariant(),
            };
            var detail = string.Join("; ", entry.Mismatches.Select(m => $"{m.What} expected {m.Expected}, found {m.Actual}"));
            var renamed = entry.PreviousPath is null ? string.Empty : $"  (renamed from {entry.PreviousPath})";
            context.Out.WriteLine($"{label,-9} {entry.Path}{(entry.IsDirectory ? "/" : string.Empty)}{renamed}{(detail.Length > 0 ? "  " + detail : string.Empty)}".TrimEnd());
        }

        foreach (var written in report.Written)
        {
            context.Out.WriteLine($"wrote {written}");
        }

        if (report.StoppedBeforeHashing)
        {
            context.Out.WriteLine("stopped before hashing: sizes or dates differ from the records");
        }

        var counts = string.Join(", ", Enum.GetValues<EntryStatus>().Select(s => $"{report.With(s).Count()} {s.ToString().ToLowerInvariant()}"));
        context.Out.WriteLine($"{report.Verdict.ToString().ToLowerInvariant()}: {counts}");
        return code;
    }

    private static JsonObject ToJson(MhlReport report, int code) => new()
    {
        ["root"] = report.Root,
        ["verdict"] = report.Verdict.ToString().ToLowerInvariant(),
        ["exitCode"] = code,
        ["stoppedBeforeHashing"] = report.StoppedBeforeHashing,
        ["counts"] = new JsonObject(Enum.GetValues<EntryStatus>().Select(s => KeyValuePair.Create(s.ToString().ToLowerInvariant(), (JsonNode?)report.With(s).Count()))),
        ["entries"] = new JsonArray([.. report.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["path"] = e.Path,
            ["status"] = e.Status.ToString().ToLowerInvariant(),
            ["directory"] = e.IsDirectory,
            ["hashes"] = new JsonObject(e.Hashes.OrderBy(h => h.Key).Select(h => KeyValuePair.Create(h.Key.Name(), (JsonNode?)h.Value))),
            ["mismatches"] = new JsonArray([.. e.Mismatches.Select(m => (JsonNode)new JsonObject { ["what"] = m.What, ["expected"] = m.Expected, ["actual"] = m.Actual })]),
            ["previousPath"] = e.PreviousPath,
        })]),
        ["written"] = new JsonArray([.. report.Written.Select(w => (JsonNode)w)]),
    };

    private static void WriteInfo(CommandContext context, bool json, string root, IReadOnlyList<GenerationSummary> generations)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, new JsonObject
            {
                ["root"] = root,
                ["generations"] = new JsonArray([.. generations.Select(g => (JsonNode)new JsonObject
                {
                    ["history"] = g.History,
                    ["number"] = g.Number,
                    ["manifest"] = g.Manifest,
                    ["creationDate"] = MhlDates.Format(g.Creator.CreationDate),
                    ["hostName"] = g.Creator.HostName,
                    ["tool"] = g.Creator.ToolName,
                    ["toolVersion"] = g.Creator.ToolVersion,
                    ["authors"] = new JsonArray([.. g.Creator.Authors.Select(a => (JsonNode)new JsonObject { ["name"] = a.Name, ["email"] = a.Email, ["phone"] = a.Phone, ["role"] = a.Role })]),
                    ["location"] = g.Creator.Location,
                    ["comment"] = g.Creator.Comment,
                    ["process"] = g.Process.Name(),
                    ["files"] = g.Files,
                    ["failed"] = g.Failed,
                    ["rootHash"] = new JsonObject(g.RootHash.Select(h => KeyValuePair.Create(h.Format.Name(), (JsonNode?)new JsonObject { ["content"] = h.Content, ["structure"] = h.Structure }))),
                    ["references"] = new JsonArray([.. g.References.Select(r => (JsonNode)new JsonObject { ["path"] = r.Path, ["c4"] = r.C4 })]),
                })]),
            });
            return;
        }

        foreach (var history in generations.GroupBy(g => g.History))
        {
            context.Out.WriteLine(history.Key == "." ? $"History at {root}:" : $"Child history at {Path.Combine(root, history.Key)}:");
            foreach (var g in history)
            {
                var authors = string.Concat(g.Creator.Authors.Select(a => $", {a.Name}{(a.Role is null ? string.Empty : $" [{a.Role}]")}"));
                context.Out.WriteLine($"  Generation {g.Number} ({MhlDates.Format(g.Creator.CreationDate)}) {Path.GetFileName(g.Manifest)}: {g.Creator.HostName}, {g.Creator.ToolName} {g.Creator.ToolVersion}{authors}, {g.Process.Name()}, {g.Files} files{(g.Failed > 0 ? $", {g.Failed} failed" : string.Empty)}");
            }
        }
    }

    private static void WriteFileHistory(CommandContext context, bool json, string file, IReadOnlyList<FileHistoryEntry> entries)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, new JsonObject
            {
                ["file"] = file,
                ["records"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
                {
                    ["history"] = e.History,
                    ["generation"] = e.Generation,
                    ["creationDate"] = MhlDates.Format(e.CreationDate),
                    ["path"] = e.Record.Path,
                    ["previousPath"] = e.Record.PreviousPath,
                    ["size"] = e.Record.Size,
                    ["hashes"] = new JsonArray([.. e.Record.Hashes.Select(h => (JsonNode)new JsonObject { ["format"] = h.Format.Name(), ["value"] = h.Value, ["action"] = h.Action?.Name() })]),
                })]),
            });
            return;
        }

        context.Out.WriteLine($"{file}:");
        foreach (var entry in entries)
        {
            foreach (var hash in entry.Record.Hashes)
            {
                var renamed = entry.Record.PreviousPath is null ? string.Empty : $" (renamed from {entry.Record.PreviousPath})";
                context.Out.WriteLine($"  Generation {entry.Generation} ({MhlDates.Format(entry.CreationDate)}) {entry.Record.Path}{renamed} {hash.Format.Name()}: {hash.Value} ({hash.Action?.Name() ?? "no action"})");
            }
        }
    }
}
