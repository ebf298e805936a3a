using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Rushes.Host.Specs.Templates;

/// <summary>
/// Renders a spec template (Scriban) to spec text, sandboxed: strict variables, includes limited to
/// the template's own partials, loop, recursion, output-size and time limits that fail the render.
/// Errors point at the template's line and column.
/// </summary>
public static class SpecTemplate
{
    /// <summary>Renders the template file at <paramref name="path"/>.</summary>
    public static string Render(string path, IReadOnlyDictionary<string, object?> variables, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= SandboxLimits.Default;
        var full = Path.GetFullPath(path);
        var text = SpecSource.Read(full, limits.SourceLimit);
        return RenderText(text, full, Path.GetDirectoryName(full)!, variables, limits, cancellationToken);
    }

    /// <summary>Renders template text; <paramref name="folder"/> is where its partials live.</summary>
    public static string RenderText(string text, string sourceName, string folder, IReadOnlyDictionary<string, object?> variables, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        limits ??= SandboxLimits.Default;

        var template = Template.Parse(text, sourceName, new ParserOptions { ExpressionDepthLimit = limits.ExpressionDepthLimit });
        if (template.HasErrors)
        {
            throw new SpecException([.. template.Messages.Select(m => Issue(m.Message, m.Span))], "a valid Scriban template");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var context = new TemplateContext
        {
            StrictVariables = true,
            // Relaxed: a missing member reads as null, so optional job values read as
            // `vars.plate ?? "PL01"`; a missing top-level variable is still an error.
            EnableRelaxedMemberAccess = true,
            LoopLimit = limits.LoopLimit,
            LoopLimitQueryable = limits.LoopLimit,
            RecursiveLimit = limits.RecursionLimit,
            OutputLimit = limits.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = limits.OutputLimit,
            ObjectRecursionLimit = 16,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            TemplateLoader = new PartialLoader(folder, limits.SourceLimit),
            TemplateLoaderParserOptions = new ParserOptions { ExpressionDepthLimit = limits.ExpressionDepthLimit },
            CancellationToken = timeout.Token,
            // Only the variables given below are visible: no .NET object reaches the template, so
            // there is no member to reflect on.
            MemberFilter = _ => false,
        };
        RemoveUnsafeBuiltins(context);
        context.PushGlobal(ScriptValues.ToScriptObject(variables));

        try
        {
            // Rendered on a worker with a deadline: a template that spins inside one built-in call,
            // where the loop limit cannot see it, still cannot hold the caller past the timeout.
            var render = Task.Run(() => template.Render(context), CancellationToken.None);
            if (!render.Wait(limits.Timeout + TimeSpan.FromSeconds(1), cancellationToken))
            {
                timeout.Cancel();
                throw new SpecException(new SpecIssue($"rendering took longer than the limit of {limits.Timeout.TotalSeconds:0.#} s", sourceName), "a template that renders within the time limit");
            }

            return render.Result;
        }
        catch (AggregateException aggregate) when (aggregate.InnerException is { } inner)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (timeout.IsCancellationRequested)
            {
                // Scriban reports the cancellation as a runtime error at the node it was running.
                throw new SpecException(new SpecIssue($"rendering took longer than the limit of {limits.Timeout.TotalSeconds:0.#} s", sourceName), "a template that renders within the time limit");
            }

            throw Translate(inner, sourceName, limits, cancellationToken);
        }
    }

    private static Exception Translate(Exception error, string sourceName, SandboxLimits limits, CancellationToken caller) => error switch
    {
        SpecException spec => spec,
        ScriptRuntimeException runtime => new SpecException(Issue(runtime.OriginalMessage, runtime.Span), "a template that renders within the sandbox's rules and limits"),
        OperationCanceledException when caller.IsCancellationRequested => new OperationCanceledException(caller),
        OperationCanceledException => new SpecException(new SpecIssue($"rendering took longer than the limit of {limits.Timeout.TotalSeconds:0.#} s", sourceName), "a template that renders within the time limit"),
        InsufficientExecutionStackException => new SpecException(new SpecIssue("the template nests too deeply", sourceName), $"at most {limits.RecursionLimit} nested calls"),
        _ => error,
    };

    // object.eval* would let a value render as a template outside these checks; date.now would
    // make the same job render a different spec (and so a different unit id) on each run.
    private static void RemoveUnsafeBuiltins(TemplateContext context)
    {
        if (context.BuiltinObject["object"] is ScriptObject objectFunctions)
        {
            objectFunctions.Remove("eval");
            objectFunctions.Remove("eval_template");
        }

        if (context.BuiltinObject["date"] is ScriptObject dateFunctions)
        {
            dateFunctions.Remove("now");
        }
    }

    // Scriban counts lines and columns from zero; editors count from one.
    private static SpecIssue Issue(string message, SourceSpan span) =>
        new(message, span.FileName, span.Start.Line + 1, span.Start.Column + 1);
}
