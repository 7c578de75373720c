using System.Globalization;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>Turns content pages into linked article views and index terms. Pure: no I/O, no clock.</summary>
internal sealed class DossierModelBuilder(SiteConfig config, MarkdownRenderer markdown, Func<string, RenderedMarkdown>? bodyRenderer = null)
{
    private const int SummaryLength = 240;

    public DossierModel Build(IReadOnlyList<ContentPage> pages, DiagnosticBag diagnostics)
    {
        var peopleMatcher = new TermMatcher(config.People, diagnostics, config.SourcePath, "people");
        var tagMatcher = new TermMatcher(config.Tags, diagnostics, config.SourcePath, "tags");
        var views = new ArticleView[pages.Count];
        Parallel.For(0, pages.Count, i => views[i] = ToView(pages[i], diagnostics));
        var articles = Timeline.Sort(Unique(views, diagnostics));

        var keys = new string[articles.Count];
        Parallel.For(0, articles.Count, i => keys[i] = TermMatcher.Key(articles[i].Title, articles[i].PlainText));
        var peopleNames = new List<string>[articles.Count];
        var tagNames = new List<string>[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            peopleNames[i] = peopleMatcher.MatchKey(articles[i].Page.Meta.People, keys[i]);
            tagNames[i] = tagMatcher.MatchKey(articles[i].Page.Meta.Tags, keys[i]);
        });
        var people = Links("people", peopleNames.SelectMany(n => n));
        var tags = Links("tags", tagNames.SelectMany(n => n));
        var sources = Links("sources", articles.Select(a => a.Source).OfType<string>());
        var languages = articles.Select(a => a.Language).Distinct(StringComparer.Ordinal)
            .ToDictionary(l => l, l => new TermLink(LanguageNames.Of(l), $"languages/{Slugger.Slugify(l)}.html"), StringComparer.Ordinal);

        Parallel.For(0, articles.Count, i =>
        {
            articles[i] = articles[i] with
            {
                People = [.. peopleNames[i].Select(n => people[n]).Distinct()],
                Tags = [.. tagNames[i].Select(n => tags[n]).Distinct()],
                SourceLink = articles[i].Source is { } s ? sources[s] : null,
                LanguageLink = languages[articles[i].Language],
            };
        });

        // The index of shared people and tags is one thread's work: it is built beside the text index, whose
        // merging steps leave a core free.
        var termIndex = Task.Run(() => new RelatedArticles.TermIndex(articles));
        var similarity = new TextSimilarity(keys, everyTriple: articles.Count <= RelatedArticles.ExactUpTo);
        var chronological = articles.Where(a => a.Date is not null).Reverse().ToList();
        var positions = chronological.Select((a, i) => (a.Url, i)).ToDictionary(x => x.Url, x => x.i, StringComparer.Ordinal);
        var related = new List<ArticleLink>[articles.Count];
        var terms = termIndex.GetAwaiter().GetResult();
        Parallel.For(0, articles.Count, i => related[i] = RelatedArticles.For(articles, i, similarity, terms));
        Parallel.For(0, articles.Count, i =>
        {
            var position = positions.GetValueOrDefault(articles[i].Url, -1);
            articles[i] = articles[i] with
            {
                Related = related[i],
                Earlier = position > 0 ? chronological[position - 1].ToLink() : null,
                Later = position >= 0 && position + 1 < chronological.Count ? chronological[position + 1].ToLink() : null,
            };
        });

        var aliases = config.People.Concat(config.Tags)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(t => t.Aliases ?? []).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);

        // One link per article, shared by every term list it is on: a list item rendered with include_cached is then
        // found again by the link itself, not by comparing seven strings.
        var links = articles.Select(a => a.ToLink()).ToArray();
        Taxonomy Index(string key, string title, Func<ArticleView, IEnumerable<TermLink>> termsOf) =>
            new(key, title, $"{key}/index.html", [.. articles
                .SelectMany((a, i) => termsOf(a).Select(t => (Term: t, Link: links[i])))
                .GroupBy(x => x.Term)
                .Select(g => new Term(g.Key.Name, g.Key.Url, [.. g.Select(x => x.Link)], key is "people" or "tags" ? aliases.GetValueOrDefault(g.Key.Name, []) : []))
                .OrderBy(t => SortKey(t.Name), StringComparer.Ordinal)
                .ThenBy(t => t.Name, StringComparer.Ordinal)]);

        return new DossierModel(articles,
        [
            Index("people", "People", a => a.People),
            Index("tags", "Tags", a => a.Tags),
            Index("sources", "Sources", a => a.SourceLink is { } s ? [s] : []),
            Index("languages", "Languages", a => a.LanguageLink is { } l ? [l] : []),
        ]);
    }

    // Markdown that Markdig refuses (absurd nesting from a hostile seed) is a diagnostic at the page, never a crash.
    private RenderedMarkdown RenderBody(ContentPage page, DiagnosticBag diagnostics)
    {
        var location = new SourceLocation(page.Path, page.BodyStartLine, 1);
        if (bodyRenderer is null)
        {
            return markdown.RenderBody(page.MarkdownBody, location, diagnostics) ?? Unrenderable;
        }

        try
        {
            return bodyRenderer(page.MarkdownBody);
        }
        catch (ArgumentException)
        {
            return markdown.RenderBody(page.MarkdownBody, location, diagnostics) ?? Unrenderable;
        }
    }

    private static readonly RenderedMarkdown Unrenderable = new(string.Empty, string.Empty);

    private ArticleView ToView(ContentPage page, DiagnosticBag diagnostics)
    {
        var date = page.Meta.ParsedDate;
        var body = RenderBody(page, diagnostics);
        var plain = body.Text;
        var url = SiteUrls.Article(page.Slug);
        var language = page.Meta.Language ?? config.Language;
        var view = new ArticleView
        {
            // The view carries the rendered body; keeping every page's Markdown as well would hold a copy of the
            // whole dossier's text through the rest of the build.
            Page = page with { MarkdownBody = string.Empty },
            Title = page.Meta.Title,
            Url = url,
            Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateDisplay = date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            Language = language,
            LanguageName = LanguageNames.Of(language),
            Source = string.IsNullOrWhiteSpace(page.Meta.Source) ? null : page.Meta.Source.Trim(),
            Byline = page.Meta.Byline,
            SourceUrl = Uri.TryCreate(page.Meta.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : null,
            Body = new RawHtml(body.Html),
            Seed = page.Meta.Seed,
            SeedSha256 = page.Meta.SeedSha256,
            RemovedBlocks = page.Meta.RemovedBlocks,
            PlainText = plain,
            Summary = string.IsNullOrWhiteSpace(page.Meta.Summary) ? Shorten(plain) : page.Meta.Summary.Trim(),
            AbsoluteUrl = SiteUrls.Absolute(config.BaseUrl, url),
        };
        return view with { Citation = Cite(view) };
    }

    private string Cite(ArticleView a)
    {
        var parts = new List<string>();
        if (a.Byline is not null)
        {
            parts.Add(a.Byline.Trim() + ".");
        }

        parts.Add($"“{a.Title.TrimEnd('.')}.”");
        parts.Add((a.Source is null ? string.Empty : a.Source + ", ") + (a.DateDisplay ?? "undated") + ".");
        if (a.SourceUrl is not null)
        {
            parts.Add(a.SourceUrl + ".");
        }

        parts.Add($"Archived in {config.Title}: {a.AbsoluteUrl}");
        return string.Join(' ', parts);
    }

    private static List<ArticleView> Unique(IEnumerable<ArticleView> views, DiagnosticBag diagnostics)
    {
        var byUrl = new Dictionary<string, ArticleView>(StringComparer.Ordinal);
        var unique = new List<ArticleView>();
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

    /// <summary>One link per distinct slug; names that slug alike share the first name's page.</summary>
    private static Dictionary<string, TermLink> Links(string folder, IEnumerable<string> names)
    {
        var bySlug = new Dictionary<string, TermLink>(StringComparer.Ordinal);
        var byName = new Dictionary<string, TermLink>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var slug = Slugger.Slugify(name);
            if (!bySlug.TryGetValue(slug, out var link))
            {
                link = new TermLink(name, $"{folder}/{slug}.html");
                bySlug[slug] = link;
            }

            byName[name] = link;
        }

        return byName;
    }

    private static string SortKey(string name) => TermMatcher.Key(name);

    private static string Shorten(string text)
    {
        if (text.Length <= SummaryLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SummaryLength);
        return text[..(cut > SummaryLength / 2 ? cut : SummaryLength)] + "…";
    }
}
