using System.Globalization;
using System.Text;
using Scriban.Runtime;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier;

/// <summary>content/ → rendered pages → checked → published. Thin: each step is a stage of its own.</summary>
public sealed class SiteBuilder
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly SiteConfig _config;
    private readonly MarkdownRenderer _markdown = new();

    /// <summary>Creates a builder for <paramref name="config"/>.</summary>
    public SiteBuilder(SiteConfig config) => _config = config;

    /// <summary>Markdown → sanitised HTML for article bodies; the incremental builder passes a cached one.</summary>
    internal Func<string, string>? BodyRenderer { get; init; }

    /// <summary>Builds the site in memory; null when errors were reported.</summary>
    public IReadOnlyList<OutputFile>? Render(DiagnosticBag diagnostics)
    {
        var pages = new ContentPageReader(_config.RootDirectory).ReadAll(_config.ContentPath, diagnostics)
            .Where(p => !p.Meta.Draft)
            .ToList();
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var templates = new TemplateRenderer(_config.TemplatesPath, _config.RelativeToRoot(_config.TemplatesPath));
        var articles = ToViews(pages, diagnostics);
        var files = new List<OutputFile>();

        var home = NewModel("index.html");
        home.SetValue("articles", Timeline.Sort(articles), true);
        home.SetValue("timeline", Timeline.Group(articles), true);
        home.SetValue("undated", articles.Where(a => a.Date is null).OrderBy(a => a.Title, StringComparer.Ordinal).ToList(), true);
        home.SetValue("description", new RawHtml(_markdown.Render(_config.Description)), true);
        AddPage(files, templates, "index.sbn", home, "index.html", diagnostics);

        var rendered = new OutputFile?[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var article = articles[i];
            var model = NewModel(article.Url);
            model.SetValue("article", article, true);
            var html = templates.Render("article.sbn", model, article.Url, diagnostics);
            rendered[i] = html is null ? null : new OutputFile(article.Url, Utf8.GetBytes(html));
        });
        files.AddRange(rendered.OfType<OutputFile>());
        files.AddRange(StaticAssets());

        if (diagnostics.HasErrors)
        {
            return null;
        }

        files.Sort((a, b) => string.CompareOrdinal(a.OutputPath, b.OutputPath));
        LinkChecker.Check(files, diagnostics);
        return diagnostics.HasErrors ? null : files;
    }

    /// <summary>Renders and publishes to the output folder; the previous site stays if anything fails.</summary>
    public bool Build(DiagnosticBag diagnostics)
    {
        var files = Render(diagnostics);
        if (files is null)
        {
            return false;
        }

        try
        {
            SiteWriter.Write(_config.OutputPath, files);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"Could not write the site: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
            return false;
        }
    }

    private List<ArticleView> ToViews(List<ContentPage> pages, DiagnosticBag diagnostics)
    {
        var views = new ArticleView[pages.Count];
        Parallel.For(0, pages.Count, i => views[i] = ToView(pages[i]));
        var byUrl = new Dictionary<string, ArticleView>(StringComparer.Ordinal);
        var unique = new List<ArticleView>(views.Length);
        foreach (var view in views)
        {
            if (byUrl.TryGetValue(view.Url, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateOutputPath,
                    $"'{view.Page.Path}' and '{first.Page.Path}' would both be published as '{view.Url}'. Give one a 'slug' in its front matter.",
                    SourceLocation.InFile(view.Page.Path));
                continue;
            }

            byUrl[view.Url] = view;
            unique.Add(view);
        }

        return unique;
    }

    private ArticleView ToView(ContentPage page)
    {
        var date = page.Meta.ParsedDate;
        return new ArticleView
        {
            Page = page,
            Title = page.Meta.Title,
            Url = SiteUrls.Article(page.Slug),
            Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateDisplay = date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            Language = page.Meta.Language ?? _config.Language,
            Source = page.Meta.Source,
            Byline = page.Meta.Byline,
            SourceUrl = Uri.TryCreate(page.Meta.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : null,
            Body = new RawHtml(BodyRenderer is null ? _markdown.Render(page.MarkdownBody) : BodyRenderer(page.MarkdownBody)),
            Seed = page.Meta.Seed,
            SeedSha256 = page.Meta.SeedSha256,
            RemovedBlocks = page.Meta.RemovedBlocks,
        };
    }

    private ScriptObject NewModel(string outputPath)
    {
        var model = new ScriptObject();
        model.SetValue("site", new { _config.Title, _config.Language, _config.BaseUrl, _config.Author }, true);
        model.SetValue("root", SiteUrls.RootFrom(outputPath), true);
        model.SetValue("output_path", outputPath, true);
        return model;
    }

    private static void AddPage(List<OutputFile> files, TemplateRenderer templates, string template, ScriptObject model, string path, DiagnosticBag diagnostics)
    {
        var html = templates.Render(template, model, path, diagnostics);
        if (html is not null)
        {
            files.Add(new OutputFile(path, Utf8.GetBytes(html)));
        }
    }

    /// <summary>Everything under templates/assets/ is copied to assets/ as it is.</summary>
    private IEnumerable<OutputFile> StaticAssets()
    {
        var assets = Path.Combine(_config.TemplatesPath, "assets");
        if (!Directory.Exists(assets))
        {
            return [];
        }

        return Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new OutputFile("assets/" + Path.GetRelativePath(assets, f).Replace('\\', '/'), File.ReadAllBytes(f)));
    }
}
