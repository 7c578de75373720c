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

        _found.TryAdd(templateName, full);
        return full;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
