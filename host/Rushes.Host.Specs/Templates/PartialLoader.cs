using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Rushes.Host.Specs.Templates;

/// <summary>
/// Lets a spec include only the partials of its own folder: <c>include 'exr-common'</c> loads
/// <c>_exr-common.sbn</c> beside the spec. Bare names only, so no path can reach outside the
/// folder (<c>/etc/passwd</c>, <c>../x</c>, links are refused by name before any file access).
/// </summary>
internal sealed partial class PartialLoader(string folder, int sourceLimit) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (!PartialName().IsMatch(templateName))
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan,
                $"include '{templateName}' is not allowed: a spec may include only partials of its own folder, by bare name (letters, digits, '-', '_'), stored as _NAME.sbn");
        }

        var path = Path.Combine(folder, "_" + templateName + ".sbn");
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}': no partial {path} (a regular file) beside the spec");
        }

        return path;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        SpecSource.Read(templatePath, sourceLimit);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex PartialName();
}
