using System.Collections.Concurrent;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticDossier.Diagnostics;
using StaticDossier.IO;

namespace StaticDossier.Rendering;

/// <summary>Loads Scriban templates from <c>templates/</c> once and renders pages with them. Every
/// page template is wrapped in <c>base.sbn</c>, which receives the page's HTML as <c>content</c>.</summary>
public sealed class TemplateRenderer
{
    private readonly string _templatesDir;
    private readonly string _displayDir;
    private readonly Dictionary<string, Template?> _templates = new(StringComparer.Ordinal);
    private readonly TemplateFolderLoader _loader;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _reportedPartialErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Template> _includes = new(StringComparer.Ordinal);

    private static readonly ThreadLocal<StringBuilderOutput> Outputs = new(() => new StringBuilderOutput());
    private static readonly ThreadLocal<StringBuilderOutput> InnerOutputs = new(() => new StringBuilderOutput());
    private static readonly ThreadLocal<Utf8Output> Utf8Outputs = new(() => new Utf8Output());
    private static readonly ThreadLocal<Utf8Output> InnerUtf8 = new(() => new Utf8Output());

    // Scriban builds its ~200 built-in functions for every context unless given them; they are only read while
    // rendering, so one set per build (with the raw include and the cached include installed once) serves every page.
    private readonly Lazy<ScriptObject> _builtins;

    // Whether base.sbn and its partials, article.sbn and the item partial are the shipped ones, which DefaultLayout,
    // DefaultArticle and DefaultItem write without interpreting them.
    private readonly Lazy<bool> _shippedLayout;
    private readonly Lazy<bool> _shippedArticle;
    private readonly Lazy<string?> _shippedItem;
    private readonly Lazy<bool> _shippedTerm;
    private readonly Lazy<bool> _shippedArchive;
    private CachedIncludes? _cached;

    /// <summary>Creates a renderer for the templates in <paramref name="templatesDir"/>.</summary>
    public TemplateRenderer(string templatesDir, string displayDir)
        : this(templatesDir, displayDir, directIncludes: true)
    {
    }

    /// <summary>As the public constructor; <paramref name="directIncludes"/> false renders every include with Scriban's
    /// own <c>include</c> (the <c>includes</c> benchmark weighs <see cref="RawIncludes"/> against it).</summary>
    internal TemplateRenderer(string templatesDir, string displayDir, bool directIncludes)
    {
        _templatesDir = templatesDir;
        _displayDir = displayDir;
        _loader = new TemplateFolderLoader(templatesDir, displayDir);
        _shippedLayout = new(() => directIncludes && DefaultLayout.Matches(templatesDir));
        _shippedArticle = new(() => directIncludes && DefaultArticle.Matches(templatesDir));
        // As the loader gives the partial's path to include_cached.
        _shippedItem = new(() => directIncludes && DefaultItem.Matches(templatesDir)
            ? Path.GetFullPath(Path.Combine(Path.GetFullPath(templatesDir) + Path.DirectorySeparatorChar, DefaultItem.File)) : null);
        _shippedTerm = new(() => directIncludes && DefaultTerm.Matches(templatesDir));
        _shippedArchive = new(() => directIncludes && DefaultArchive.Matches(templatesDir));
        _builtins = new(() =>
        {
            var context = new TemplateContext();
            RawIncludes.Install(context, directIncludes);
            _cached = CachedIncludes.Install(context, NewContext, () => _shippedItem.Value);
            BoundedBuiltins.Install(context.BuiltinObject);
            // Shared by every page, so no page may change them for the next (e.g. `date.format = ...`).
            foreach (var value in context.BuiltinObject.Values.OfType<ScriptObject>())
            {
                value.IsReadOnly = true;
            }

            context.BuiltinObject.IsReadOnly = true;
            return context.BuiltinObject;
        });
    }

    /// <summary>Whether pages are wrapped by <see cref="DefaultLayout"/>: the layout files are the shipped ones.</summary>
    internal bool LayoutInCode => _shippedLayout.Value;

    /// <summary>Whether article pages are written by <see cref="DefaultArticle"/>: <c>article.sbn</c> is the shipped one.</summary>
    internal bool ArticleInCode => _shippedArticle.Value;

    /// <summary>Whether term pages are written by <see cref="DefaultTerm"/>: <c>term.sbn</c> and its pager are the shipped ones.</summary>
    internal bool TermInCode => _shippedTerm.Value;

    /// <summary>Whether archive pages are written by <see cref="DefaultArchive"/>: <c>archive.sbn</c> and its pager are the shipped ones.</summary>
    internal bool ArchiveInCode => _shippedArchive.Value;

    /// <summary>Whether list items are written by <see cref="DefaultItem"/>: the item partial is the shipped one.</summary>
    internal bool ItemInCode => _shippedItem.Value is not null;

    /// <summary>Pages of each template written by C# rather than Scriban in this process, by template name: the gates
    /// fall back to Scriban silently (same bytes, slower), so tests read these to see that a shipped page took the C# path.</summary>
    internal static readonly ConcurrentDictionary<string, long> PagesInCode = new(StringComparer.Ordinal);

    /// <summary>Lets go of the partials <c>include_cached</c> rendered: called once every page is rendered, so that the
    /// contexts the threads keep (see <see cref="Reusable"/>) hold nothing of the site.</summary>
    internal void ForgetCachedPartials() => _cached?.Forget();

    /// <summary>Parses <paramref name="name"/> (e.g. <c>article.sbn</c>); reports syntax errors with their line.</summary>
    public bool Preload(string name, DiagnosticBag diagnostics) => Get(name, diagnostics) is not null;

    /// <summary>Renders <paramref name="name"/> with <paramref name="model"/>, then wraps it in the base layout.</summary>
    public string? Render(string name, ScriptObject model, string outputPath, DiagnosticBag diagnostics) =>
        RenderPage(name, model, outputPath, diagnostics, static page => page.ToString(), static page => Encoding.UTF8.GetString(page.Written));

    /// <summary>As <see cref="Render"/>, as the UTF-8 bytes of the file: encoded straight from the layout's output
    /// buffer, so a page never exists as one more string (for ten thousand pages, a gigabyte less to allocate).</summary>
    public byte[]? RenderUtf8(string name, ScriptObject model, string outputPath, DiagnosticBag diagnostics) =>
        RenderPage(name, model, outputPath, diagnostics, Utf8Text.Encode, static page => page.ToArray());

    /// <summary>As <see cref="RenderUtf8(string, ScriptObject, string, DiagnosticBag)"/>, as the file at <paramref name="outputPath"/>,
    /// with the links and ids the C# writers noted when they wrote the whole page (<see cref="OutputFile.Links"/>).</summary>
    internal OutputFile? RenderFile(string name, ScriptObject model, string outputPath, DiagnosticBag diagnostics, string? lastModified) =>
        RenderPage(name, model, outputPath, diagnostics,
            page => new OutputFile(outputPath, Utf8Text.Encode(page)) { LastModified = lastModified },
            page => new OutputFile(outputPath, page.ToArray()) { LastModified = lastModified, Links = page.Links.ToPageLinks() });

    /// <summary>As <see cref="RenderUtf8(string, ScriptObject, string, DiagnosticBag)"/>, recording in <paramref name="reads"/>
    /// every member the page's templates read.</summary>
    internal byte[]? RenderUtf8(string name, ScriptObject model, string outputPath, DiagnosticBag diagnostics, Incremental.ReadSchema? reads) =>
        RenderPage(name, model, outputPath, diagnostics, Utf8Text.Encode, static page => page.ToArray(), reads);

    /// <summary>A page: its template in Scriban or in C# (<see cref="DefaultArticle"/>, <see cref="DefaultTerm"/>,
    /// <see cref="DefaultArchive"/>), wrapped
    /// in the layout in Scriban or in C# (<see cref="DefaultLayout"/>), the result made by <paramref name="fromChars"/> from
    /// what Scriban wrote or by <paramref name="fromUtf8"/> from what the C# layout wrote. The C# writers write UTF-8, and
    /// a page written by them from end to end is never characters.</summary>
    private T? RenderPage<T>(string name, ScriptObject model, string outputPath, DiagnosticBag diagnostics, Func<StringBuilder, T> fromChars,
        Func<Utf8Output, T> fromUtf8, Incremental.ReadSchema? reads = null)
        where T : class
    {
        // The page is rendered into a second buffer of this thread's, which the layout copies from where it
        // writes {{ content }}: the page never becomes a string of its own.
        var inner = InnerOutputs.Value!;
        var innerUtf8 = InnerUtf8.Value!;
        try
        {
            var written = reads is null && name switch
            {
                DefaultArticle.File => _shippedArticle.Value && DefaultArticle.TryWrite(model, innerUtf8),
                DefaultTerm.File => _shippedTerm.Value && _shippedItem.Value is not null && _builtins.Value is not null && _cached is { } cached
                    && DefaultTerm.TryWrite(model, innerUtf8, cached),
                DefaultArchive.File => _shippedArchive.Value && _shippedItem.Value is not null && _builtins.Value is not null && _cached is { } cached
                    && DefaultArchive.TryWrite(model, innerUtf8, cached),
                _ => false,
            };
            if (written)
            {
                PagesInCode.AddOrUpdate(name, 1, static (_, n) => n + 1);
            }

            if (!written && RenderOne(name, model, outputPath, diagnostics, static page => page, output: inner, reads: reads) is null)
            {
                return null;
            }

            if (reads is null && _shippedLayout.Value)
            {
                var output = Utf8Outputs.Value!;
                try
                {
                    if (written ? DefaultLayout.TryWrite(model, innerUtf8, output) : DefaultLayout.TryWrite(model, inner.Builder, output))
                    {
                        return fromUtf8(output);
                    }
                }
                finally
                {
                    output.Clear();
                }
            }

            if (written)
            {
                innerUtf8.DecodeInto(inner.Builder); // the layout is Scriban's: it takes the page as characters
            }

            var layout = new ScriptObject();
            layout.SetValue("content", new RawHtmlBuffer(inner.Builder), true);
            return RenderOne("base.sbn", layout, outputPath, diagnostics, fromChars, model, reads: reads);
        }
        finally
        {
            Release(inner);
            innerUtf8.Clear();
        }
    }

    private T? RenderOne<T>(string name, ScriptObject model, string outputPath, DiagnosticBag diagnostics, Func<StringBuilder, T> result, ScriptObject? outer = null, StringBuilderOutput? output = null, Incremental.ReadSchema? reads = null)
        where T : class
    {
        var template = Get(name, diagnostics);
        if (template is null)
        {
            return null;
        }

        var context = RentContext();
        context.Reads = reads;
        foreach (var (path, parsed) in _includes)
        {
            context.CachedTemplates[path] = parsed;
        }

        if (outer is not null)
        {
            context.PushGlobal(outer);
        }

        context.PushGlobal(model);
        try
        {
            // A reused, already grown buffer per thread: growing a fresh one for every page (and a huge
            // one for every list page) was most of the allocation in rendering.
            var own = output is null;
            output ??= Outputs.Value!;
            context.PushOutput(output);
            T html;
            try
            {
                Evaluate(template, context);
                html = result(output.Builder);
            }
            finally
            {
                context.PopOutput();
                if (own)
                {
                    Release(output);
                }
            }

            foreach (var (path, parsed) in context.CachedTemplates)
            {
                // Parsed partials are immutable: later pages reuse them instead of reading and parsing them again.
                _includes.TryAdd(path, parsed);
            }

            context.Reset();
            Reusable = (this, context);
            return html;
        }
        catch (ScriptParserRuntimeException ex)
        {
            // A broken partial: report its own file and line (once, not once per page).
            foreach (var message in ex.ParserMessages)
            {
                var location = Location(message.Span) with { Path = Display(message.Span.FileName) };
                if (_reportedPartialErrors.TryAdd($"{location}|{message.Message}", 0))
                {
                    diagnostics.Error(DiagnosticCodes.TemplateSyntax, message.Message, location);
                }
            }

            return null;
        }
        catch (ScriptRuntimeException ex)
        {
            // A partial's span names the file by the loader's full path: shown relative to the dossier, as page templates are.
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, $"{ex.OriginalMessage} (while rendering {outputPath})",
                Location(ex.Span) with { Path = Display(ex.Span.FileName) });
            return null;
        }
    }

    // A context costs some 20 KB to make, and every page needs two: each thread keeps one for its next page. It is
    // handed back only after a render that completed, with the page's globals popped (Reset); after a failed one
    // it is dropped, whatever state the failure left it in.
    [ThreadStatic]
    private static (TemplateRenderer Owner, EscapingTemplateContext Context)? Reusable;

    private EscapingTemplateContext RentContext()
    {
        if (Reusable is { } reusable && reusable.Owner == this)
        {
            Reusable = null;
            return reusable.Context;
        }

        return NewContext();
    }

    /// <summary>A context as every page gets it: strict variables, includes from templates/ only, no output cut.</summary>
    private EscapingTemplateContext NewContext()
    {
        return new EscapingTemplateContext(_builtins.Value)
        {
            TemplateLoader = _loader,
            StrictVariables = true,
            LoopLimit = 1_000_000,
            RecursiveLimit = 64,
            // Scriban cuts any string over 1 MB to "...": a large dossier's index would be published truncated.
            LimitToString = 0,
            // Includes resolve against templates/; nothing else on disk is reachable from a template.
            EnableRelaxedMemberAccess = false,
        };
    }

    /// <summary>Empties a thread's buffer for the next page, letting go of what one huge page grew it to.</summary>
    private static void Release(StringBuilderOutput output)
    {
        output.Builder.Clear();
        if (output.Builder.Capacity > 4 << 20)
        {
            output.Builder.Capacity = 64 << 10;
        }
    }

    /// <summary>What <see cref="Template.Render(TemplateContext)"/> does, less turning the output into a string.</summary>
    internal static void Evaluate(Template template, TemplateContext context)
    {
        if (template.Page is not { } page)
        {
            return; // only templates that parsed without errors are rendered
        }

        if (template.SourceFilePath is not null)
        {
            context.PushSourceFile(template.SourceFilePath);
        }

        try
        {
            if (context.Evaluate(page) is { } last && context.EnableOutput)
            {
                context.Write(page.Span, last);
            }
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                context.PopSourceFile();
            }
        }
    }

    private Template? Get(string name, DiagnosticBag diagnostics)
    {
        lock (_templates)
        {
            if (_templates.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var path = Path.Combine(_templatesDir, name);
            var display = $"{_displayDir}/{name}";
            Template? template = null;
            if (!File.Exists(path))
            {
                diagnostics.Error(DiagnosticCodes.TemplateMissing, $"Template '{name}' is missing from {_displayDir}/.", SourceLocation.InFile(display));
            }
            else if (TemplateFolderLoader.OutsideReason(path, _templatesDir, _displayDir) is { } reason)
            {
                diagnostics.Error(DiagnosticCodes.TemplateOutside, $"Template '{name}' {reason}", SourceLocation.InFile(display));
            }
            else
            {
                template = Template.Parse(File.ReadAllText(path), display);
                if (template.HasErrors)
                {
                    foreach (var message in template.Messages)
                    {
                        diagnostics.Error(DiagnosticCodes.TemplateSyntax, message.Message, Location(message.Span));
                    }

                    template = null;
                }
            }

            _templates[name] = template;
            return template;
        }
    }

    /// <summary>A template path as diagnostics show it: relative to the dossier, like the page templates.</summary>
    private string Display(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName) || !Path.IsPathRooted(fileName))
        {
            return fileName ?? string.Empty; // page templates are parsed under their display name already
        }

        var root = Path.GetFullPath(_templatesDir);
        var full = Path.GetFullPath(fileName, root);
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? $"{_displayDir}/{Path.GetRelativePath(root, full).Replace('\\', '/')}"
            : fileName;
    }

    internal static SourceLocation Location(SourceSpan span) =>
        new(span.FileName ?? string.Empty, span.Start.Line + 1, span.Start.Column + 1);
}
