using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering.Data;
using StaticDossier.Analysis;
using StaticDossier.Rendering.Pages;

namespace StaticDossier.Rendering;

/// <summary>Content pages + config + templates → every file of the site, in memory, sorted by path.
/// Pure apart from reading <c>templates/</c>: no clock, no output folder, so it can be cached or run twice.</summary>
public sealed class SiteRenderer
{
    private readonly SiteConfig _config;
    private readonly MarkdownRenderer _markdown = new();

    /// <summary>Creates a renderer for <paramref name="config"/>.</summary>
    public SiteRenderer(SiteConfig config) => _config = config;

    /// <summary>Markdown → safe HTML and text for article bodies; a caching builder may pass its own.</summary>
    internal Func<string, RenderedMarkdown>? BodyRenderer { get; init; }

    /// <summary>Renders the site; null when errors were reported. <paramref name="index"/> is
    /// <c>content/_index.md</c>, whose body becomes the home page's introduction.</summary>
    public IReadOnlyList<OutputFile>? Render(IReadOnlyList<ContentPage> pages, ContentPage? index, DiagnosticBag diagnostics)
    {
        var dossier = new DossierModelBuilder(_config, _markdown, BodyRenderer).Build(pages, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var templates = new TemplateRenderer(_config.TemplatesPath, _config.RelativeToRoot(_config.TemplatesPath));
        var renderer = new PageRenderer(_config, templates);
        // The site-wide pages and data files are each one serial piece of work; they run beside the
        // article pages (which already use every core) instead of after them, so no core sits idle.
        var intro = Intro(index, diagnostics);
        var sideWork = new Func<IEnumerable<OutputFile?>>[]
        {
            () => [HomePage.Render(dossier, intro, renderer, diagnostics)],
            () => [.. IndexPages.Render(dossier, renderer, diagnostics)],
            () => [UtilityPages.Search(renderer, diagnostics), UtilityPages.NotFound(renderer, diagnostics)],
            () => [SearchIndexRenderer.Render(dossier)],
            () => [AtomFeedRenderer.Render(dossier, _config)],
            () => [.. MetadataExporter.Render(dossier)],
            () => [.. StaticAssets(diagnostics)],
        }.Select(Task.Run).ToList();
        var files = new List<OutputFile?>(ArticlePages.Render(dossier, renderer, diagnostics));
        foreach (var work in sideWork)
        {
            files.AddRange(work.GetAwaiter().GetResult());
        }
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var site = files.OfType<OutputFile>().ToList();
        site.AddRange(SitemapRenderer.Render(site.Where(f => f.IsHtml).Select(f => f.OutputPath), _config));
        ReportDuplicates(site, diagnostics);
        site.Sort((a, b) => string.CompareOrdinal(a.OutputPath, b.OutputPath));
        return diagnostics.HasErrors ? null : site;
    }

    private RawHtml Intro(ContentPage? index, DiagnosticBag diagnostics)
    {
        var markdown = index is not null && !string.IsNullOrWhiteSpace(index.MarkdownBody) ? index.MarkdownBody
            : !string.IsNullOrWhiteSpace(_config.Intro) ? _config.Intro
            : _config.Description;
        var location = index is not null ? new SourceLocation(index.Path, index.BodyStartLine, 1) : SourceLocation.InFile(_config.SourcePath);
        return new RawHtml(_markdown.Render(markdown, location, diagnostics) ?? string.Empty);
    }

    private static void ReportDuplicates(List<OutputFile> files, DiagnosticBag diagnostics)
    {
        foreach (var group in files.GroupBy(f => f.OutputPath, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateOutputPath,
                $"Two outputs would be written to '{group.Key}' (a file in templates/assets/ may clash with a generated one).",
                SourceLocation.InFile("_site/" + group.Key));
        }
    }

    /// <summary>Everything under templates/assets/ is copied to assets/ as it is. Links are followed only where their real
    /// path stays inside templates/ (decided as for partials), and a linked folder seen before (a loop) adds nothing.</summary>
    private List<OutputFile> StaticAssets(DiagnosticBag diagnostics)
    {
        var assets = Path.Combine(_config.TemplatesPath, "assets");
        var files = new List<OutputFile>();
        if (!Directory.Exists(assets))
        {
            return files;
        }

        var display = _config.RelativeToRoot(_config.TemplatesPath);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([assets]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (IO.RealPaths.Of(dir) is not { } realDir || !seen.Add(realDir))
            {
                continue;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                if (new FileInfo(entry).LinkTarget is not null && TemplateFolderLoader.OutsideReason(entry, _config.TemplatesPath, display) is { } reason)
                {
                    diagnostics.Error(DiagnosticCodes.TemplateOutside, $"'{_config.RelativeToRoot(entry)}' {reason}", SourceLocation.InFile(_config.RelativeToRoot(entry)));
                }
                else if (Directory.Exists(entry))
                {
                    pending.Push(entry);
                }
                else
                {
                    files.Add(new OutputFile("assets/" + Path.GetRelativePath(assets, entry).Replace('\\', '/'), File.ReadAllBytes(entry)));
                }
            }
        }

        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.OutputPath, b.OutputPath));
        return files;
    }
}
