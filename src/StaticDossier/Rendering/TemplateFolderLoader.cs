using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticDossier.Rendering;

/// <summary>Resolves <c>include "partials/_head.sbn"</c> inside the templates folder only.</summary>
internal sealed class TemplateFolderLoader(string templatesDir, string displayDir) : ITemplateLoader
{
    private readonly string _root = Path.GetFullPath(templatesDir) + Path.DirectorySeparatorChar;

    // A list page includes its item partial once per article: looking the file up on disk every time was
    // tens of thousands of stat calls in a large build. Found paths are remembered for this build.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _found = new(StringComparer.Ordinal);

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (_found.TryGetValue(templateName, out var known))
        {
            return known;
        }

        var full = Path.GetFullPath(Path.Combine(_root, templateName));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ScriptRuntimeException(callerSpan, $"Template '{templateName}' is outside {displayDir}/.");
        }

        if (!File.Exists(full))
        {
            throw new ScriptRuntimeException(callerSpan, $"Template '{templateName}' is missing from {displayDir}/.");
        }

        if (OutsideReason(full, _root, displayDir) is { } reason)
        {
            throw new ScriptRuntimeException(callerSpan, $"Template '{templateName}' {reason}");
        }

        _found.TryAdd(templateName, full);
        return full;
    }

    /// <summary>Why <paramref name="file"/> under <paramref name="root"/> may not be read, decided by real path: a link
    /// leading out of the templates folder (nothing outside it is reachable from a template), or nowhere; null when it may.</summary>
    internal static string? OutsideReason(string file, string root, string displayDir)
    {
        var real = IO.RealPaths.Of(file);
        if (real is null)
        {
            return $"is a link that leads nowhere (missing, or a loop of links): {displayDir}/ cannot use it.";
        }

        return IO.RealPaths.IsInside(real, IO.RealPaths.Of(root) ?? root)
            ? null
            : $"is a link to '{real}', outside {displayDir}/: nothing outside {displayDir}/ is read. Copy the file in instead of linking to it.";
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
