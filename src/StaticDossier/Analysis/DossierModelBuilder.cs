using System.Globalization;
using StaticDossier.Cleaning;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Interface;
using Timings = StaticDossier.Building.BuildTimings;

namespace StaticDossier.Analysis;

/// <summary>Turns content pages into linked article views and index terms. Pure: no I/O, no clock.</summary>
internal sealed class DossierModelBuilder(SiteConfig config, InterfaceText text, MarkdownRenderer markdown, Func<string, RenderedMarkdown>? bodyRenderer = null)
{

    /// <summary>The seeds published beside their articles (by front matter path): only those are linked.</summary>
    public IReadOnlyDictionary<string, StaticDossier.Seeds.PublishedSeed> PublishedSeeds { get; init; } = new Dictionary<string, StaticDossier.Seeds.PublishedSeed>();

    /// <summary>Kept between builds by a long-lived builder: unchanged articles are not folded and tokenised again.</summary>
    public ModelMemo? Memo { get; init; }

    /// <summary>The pages were handed over (a one-off build): each is replaced in the caller's list by its view's copy,
    /// without the Markdown, once its body is rendered. Only without a <see cref="Memo"/>.</summary>
    public bool DropsMarkdown { get; init; }

    /// <summary>Up to this many articles, related lists compare every pair (tests lower it to reach the candidate search).</summary>
    internal int ExactUpTo { get; init; } = RelatedArticles.ExactUpTo;

    /// <summary>The candidate search's limits (tests lower them to reach their edges on a small dossier).</summary>
    internal TextSimilarity.Limits? SimilarityLimits { get; init; }

    public DossierModel Build(IReadOnlyList<ContentPage> pages, DiagnosticBag diagnostics)
    {
        var kinds = TaxonomyKind.All;
        var matchers = kinds.Select(k => k.Curated is { } curated ? new TermMatcher(curated(config), diagnostics, config.SourcePath, k.Key) : null).ToArray();
        Memo?.BeginBuild($"{config.Language}\n{config.BaseUrl}\n{text.Stamp}");
        var views = new ArticleView[pages.Count];
        var stage = Timings.Time("model: views (bodies)");
        var sub = Timings.Time("  views: made");
        var owned = DropsMarkdown && Memo is null && pages is List<ContentPage> list ? list : null;
        Parallel.For(0, pages.Count, i =>
        {
            views[i] = ToView(pages[i], diagnostics);
            if (owned is not null)
            {
                owned[i] = views[i].Page;
            }
        });
        sub.Dispose();
        sub = Timings.Time("  views: unique, in time order");
        var articles = Memo is null ? Timeline.Sort(Unique(views, diagnostics)) : Memo.Order.InTimeOrder(views, () => Timeline.Sort(Unique(views, diagnostics)));
        sub.Dispose();
        stage.Dispose();
        if (owned is not null)
        {
            Building.PhaseGarbage.Collect("collect: pages' Markdown", articles.Count);
        }

        stage = Timings.Time("model: keys, names, terms");

        sub = Timings.Time("  terms: keys, names");
        // Each article's folded text: a memo keeps them (serve); without one, each is folded where its names are matched
        // and its words taken for the similarity there, so the dossier's folded texts are never all held at once.
        var keys = Memo is null ? null : new string[articles.Count];
        var words = Memo is null ? new TextSimilarity.Words[articles.Count] : null;
        if (keys is not null)
        {
            Parallel.For(0, articles.Count, i => keys[i] = Memo!.Key(articles[i].Title, articles[i].PlainText));
        }

        // names[k][i]: the names article i has in taxonomy k.
        var names = kinds.Select(_ => new List<string>[articles.Count]).ToArray();
        Memo?.BeginNames(CuratedStamp(kinds));
        Parallel.For(0, articles.Count, i =>
        {
            var key = keys is not null ? keys[i] : TermMatcher.Key(articles[i].Title, articles[i].PlainText);
            List<string>[] Match(ArticleView article)
            {
                var found = new List<string>[kinds.Count];
                for (var k = 0; k < kinds.Count; k++)
                {
                    var given = kinds[k].Names(article);
                    found[k] = matchers[k] is { } matcher ? matcher.MatchKey(given, kinds[k].MatchesText ? key : string.Empty) : [.. given ?? []];
                }

                return found;
            }

            var of = Memo is null ? Match(articles[i]) : Memo.Names(articles[i], Match);
            if (words is not null)
            {
                words[i] = TextSimilarity.Words.Of(key);
            }

            for (var k = 0; k < kinds.Count; k++)
            {
                names[k][i] = of[k];
            }
        });
        sub.Dispose();
        sub = Timings.Time("  terms: links");
        var termLinks = kinds.Select((kind, k) => Memo is null ? Links(kind, names[k].SelectMany(n => n), text)
            : Memo.Order.Links(k, kinds.Count, names[k], text.Stamp, distinct => Links(kind, distinct, text))).ToArray();
        Memo?.BeginTerms([.. termLinks]);
        sub.Dispose();
        sub = Timings.Time("  terms: assign, cite");
        var terms = kinds.Select(_ => new IReadOnlyList<TermLink>[articles.Count]).ToArray();
        Parallel.For(0, articles.Count, i =>
        {
            if (Memo?.AssignedAlready(articles[i], k => names[k][i]) is { } already)
            {
                for (var k = 0; k < kinds.Count; k++)
                {
                    terms[k][i] = already.Terms[k];
                }

                articles[i] = already.View;
                return;
            }

            var of = new IReadOnlyList<TermLink>[kinds.Count];
            for (var k = 0; k < kinds.Count; k++)
            {
                of[k] = terms[k][i] = [.. names[k][i].Select(n => termLinks[k][n]).Distinct()];
            }

            ArticleView Assign(ArticleView article)
            {
                for (var k = 0; k < kinds.Count; k++)
                {
                    article = kinds[k].Assign(article, of[k]);
                }

                // Cited once its source has its curated name.
                return article with { Citation = Cite(article) };
            }

            articles[i] = Memo is null ? Assign(articles[i]) : Memo.Assigned(articles[i], of, Assign);
        });
        sub.Dispose();

        // The index of shared people and tags is one thread's work: it is built beside the text index, whose
        // merging steps leave a core free.
        stage.Dispose();
        stage = Timings.Time("model: text similarity");
        var termIndex = Task.Run(() => Timings.Time("  similarity: people and tags index (beside)", () => Memo?.TermIndex(articles) ?? new RelatedArticles.TermIndex(articles)));
        var similarity = words is not null
            ? new TextSimilarity(words, everyTriple: articles.Count <= ExactUpTo, SimilarityLimits)
            : new TextSimilarity(keys!, everyTriple: articles.Count <= ExactUpTo, Memo?.Words, SimilarityLimits);
        words = null;
        var chronological = articles.Where(a => a.Date is not null).Reverse().ToList();
        // Each article's place among the dated, oldest first (-1 when undated): the dated come in reverse of that order.
        var positions = new int[articles.Count];
        for (int i = 0, dated = 0; i < articles.Count; i++)
        {
            positions[i] = articles[i].Date is null ? -1 : chronological.Count - 1 - dated++;
        }

        var shared = termIndex.GetAwaiter().GetResult();
        var labels = RelatedLabels.From(text);
        stage.Dispose();
        stage = Timings.Time("model: related lists");
        List<ArticleLink> Related(int i) => RelatedArticles.For(articles, i, similarity, shared, labels);
        List<ArticleLink>[] related;
        if (Memo is null)
        {
            related = new List<ArticleLink>[articles.Count];
            Parallel.For(0, articles.Count, i => related[i] = Related(i));
        }
        else
        {
            related = Memo.Related.Lists(articles, keys!, similarity, labels, shared.UrlRank, i => (RelatedArticles.Choose(articles, i, similarity, shared, labels, out var scores), scores));
        }

        stage.Dispose();
        stage = Timings.Time("model: neighbours, taxonomies");
        sub = Timings.Time("  neighbours");
        Parallel.For(0, articles.Count, i =>
        {
            var position = positions[i];
            var earlier = position > 0 ? chronological[position - 1] : null;
            var later = position >= 0 && position + 1 < chronological.Count ? chronological[position + 1] : null;
            articles[i] = Memo is null ? ModelMemo.Finish(articles[i], related[i], earlier, later) : Memo.Finished(articles[i], related[i], earlier, later);
        });
        Memo?.EndBuild(articles);
        sub.Dispose();
        sub = Timings.Time("  taxonomies");

        var curated = kinds.Where(k => k.Curated is not null).SelectMany(k => k.Curated!(config))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, Curated, StringComparer.Ordinal);

        // One link per article, shared by every term list it is on: a list item rendered with include_cached is then
        // found again by the link itself, not by comparing seven strings.
        var links = articles.Select(a => Memo is null ? a.ToLink() : Memo.LinkTo(a)).ToArray();
        var taxonomies = Memo?.Taxonomies ?? new TaxonomyMemo();
        taxonomies.BeginBuild();
        var stamp = Memo is null ? string.Empty : TaxonomyStamp(kinds);
        Taxonomy Index(TaxonomyKind kind, IReadOnlyList<TermLink>[] termsOf) => taxonomies.Index(kind.Key, stamp, termsOf, links,
            (term, articleLinks) => curated.GetValueOrDefault(term.Name) is { } given && kind.Curated is not null
                ? new Term(term.Name, term.Url, articleLinks, given.Aliases)
                {
                    Role = given.Role,
                    Description = given.Description,
                    FullName = given.FullName,
                    HomePage = given.HomePage,
                }
                : new Term(term.Name, term.Url, articleLinks, []),
            term => kind.SortKey(term.Name, kind.Curated is not null ? curated.GetValueOrDefault(term.Name)?.SortAs : null),
            terms => new Taxonomy(kind.Key, text["taxonomy_" + kind.Key], kind.Url, terms));

        var model = new DossierModel(articles, [.. kinds.Select((kind, k) => Index(kind, terms[k]))]);
        Timings.Note("  taxonomies", $"{taxonomies.TermsMade} terms made");
        sub.Dispose();
        stage.Dispose();
        return model;
    }

    /// <summary>What a taxonomy's terms depend on besides the articles: the interface texts and every curated term's
    /// settings (a term's settings are found by its name among all curated kinds).</summary>
    private string TaxonomyStamp(IReadOnlyList<TaxonomyKind> kinds)
    {
        var stamp = new System.Text.StringBuilder(text.Stamp).Append('\u0001');
        foreach (var kind in kinds)
        {
            stamp.Append(kind.Key).Append('\u0001');
            foreach (var term in kind.Curated?.Invoke(config) ?? [])
            {
                stamp.Append(term.Name).Append('\u0002').AppendJoin('\u0003', term.Aliases ?? []).Append('\u0002').Append(term.Role)
                    .Append('\u0002').Append(term.Description).Append('\u0002').Append(term.FullName).Append('\u0002').Append(term.HomePage)
                    .Append('\u0002').Append(term.SortAs).Append('\u0004');
            }
        }

        return stamp.ToString();
    }

    /// <summary>What an article's names and citation depend on besides the article (and the settings its view was made
    /// with): each curated term's name, spellings and full name, and the dossier's title.</summary>
    private string CuratedStamp(IReadOnlyList<TaxonomyKind> kinds)
    {
        var stamp = new System.Text.StringBuilder(config.Title).Append('\u0001');
        foreach (var kind in kinds)
        {
            stamp.Append(kind.Key).Append('\u0001');
            foreach (var term in kind.Curated?.Invoke(config) ?? [])
            {
                stamp.Append(term.Name).Append('\u0002').AppendJoin('\u0003', term.Aliases ?? []).Append('\u0002').Append(term.FullName).Append('\u0004');
            }
        }

        return stamp.ToString();
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
        var body = RenderBody(page, diagnostics);
        var seedSha256 = page.Meta.Seed is { } from && PublishedSeeds.TryGetValue(from, out var publishedSeed) ? publishedSeed.Sha256 : null;
        if (Memo?.Made(page, body, seedSha256) is { } made)
        {
            return made;
        }

        var date = page.Meta.ParsedDate;
        var url = SitePaths.Article(page.Slug);
        var language = page.Meta.Language ?? config.Language;
        var view = new ArticleView
        {
            // The view carries the rendered body; keeping every page's Markdown as well would hold a copy of the
            // whole dossier's text through the rest of the build.
            Page = Memo is null ? page with { MarkdownBody = string.Empty } : Memo.WithoutMarkdown(page),
            Title = page.Meta.Title,
            Url = url,
            Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateDisplay = date is { } day ? text.Date(day) : null,
            // A curator's date wins over an inferred period.
            DateApprox = date is null && ApproximateDate.Parse(page.Meta.DateApprox) is not null ? page.Meta.DateApprox : null,
            DateApproxDisplay = date is null && ApproximateDate.Parse(page.Meta.DateApprox) is not null ? text.ApproximatePeriod(page.Meta.DateApprox!) : null,
            Language = language,
            LanguageName = text.LanguageName(language),
            Source = string.IsNullOrWhiteSpace(page.Meta.Source) ? null : page.Meta.Source.Trim(),
            Byline = page.Meta.Byline,
            SourceUrl = Uri.TryCreate(page.Meta.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : null,
            Body = body.Html,
            Seed = page.Meta.Seed,
            SeedUrl = page.Meta.Seed is { } seed && PublishedSeeds.TryGetValue(seed, out var published) ? SitePaths.Seed(published.Sha256) : null,
            SeedFileName = page.Meta.Seed is { } named && PublishedSeeds.TryGetValue(named, out var file) ? Path.GetFileName(SitePaths.Seed(file.Sha256)) : null,
            RetrievedAt = RetrievedAt(page.Meta.RetrievedAt),
            ArchiveLookupUrl = Uri.TryCreate(page.Meta.Url, UriKind.Absolute, out var original) && original.Scheme is "http" or "https"
                ? "https://web.archive.org/web/*/" + original.AbsoluteUri
                : null,
            SeedSha256 = page.Meta.SeedSha256,
            RemovedBlocks = page.Meta.RemovedBlocks is > 0 ? page.Meta.RemovedBlocks : null,
            PlainText = body.Text,
            Summary = string.IsNullOrWhiteSpace(page.Meta.Summary) ? Lead.Of(body.Text.Bytes) : page.Meta.Summary.Trim(),
            ReadingTime = text.ReadingTime(Lead.Words(body.Text.Bytes)),
            AbsoluteUrl = SiteUrls.Absolute(config.BaseUrl, url),
        };
        Memo?.Remember(page, body, seedSha256, view);
        return view;
    }

    /// <summary>A capture time (ISO 8601, UTC) for people and for <c>&lt;time&gt;</c>; null when it is not one.</summary>
    private CaptureTime? RetrievedAt(string? value)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return null;
        }

        var day = text.Date(DateOnly.FromDateTime(at.UtcDateTime));
        return new CaptureTime(value!.Trim(), day,
            value.Length > 10 ? text.Format("provenance_captured_time", day, at.ToString("HH:mm", CultureInfo.InvariantCulture)) : day);
    }

    private string Cite(ArticleView a)
    {
        var parts = new List<string>();
        if (a.Byline is not null)
        {
            parts.Add(a.Byline.Trim() + ".");
        }

        parts.Add($"“{a.Title.TrimEnd('.')}.”");
        var source = a.Source is null ? null : config.Sources.FirstOrDefault(s => s.Name == a.Source)?.FullName ?? a.Source;
        parts.Add((source is null ? string.Empty : source + ", ") + (a.DateDisplay ?? a.DateApproxDisplay ?? text["cite_undated"]) + ".");
        if (a.SourceUrl is not null)
        {
            parts.Add(a.SourceUrl + ".");
        }

        if (a.RetrievedAt is { } at)
        {
            parts.Add(text.Format("cite_accessed", at.Day));
        }

        parts.Add(text.Format("cite_archived_in", config.Title, a.AbsoluteUrl));
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
    private static Dictionary<string, TermLink> Links(TaxonomyKind kind, IEnumerable<string> names, InterfaceText text)
    {
        var bySlug = new Dictionary<string, TermLink>(StringComparer.Ordinal);
        var byName = new Dictionary<string, TermLink>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var slug = Slugger.Slugify(name);
            if (!bySlug.TryGetValue(slug, out var link))
            {
                link = new TermLink(kind.Display(name, text), SitePaths.Term(kind.Key, slug));
                bySlug[slug] = link;
            }

            byName[name] = link;
        }

        return byName;
    }

    /// <summary>A curated term's settings, its aliases those that differ from its name beyond case and diacritics
    /// ("phone talks" is the tag "Phone talks" again, and not worth showing as another spelling).</summary>
    private static TermConfig Curated(IGrouping<string, TermConfig> group)
    {
        var name = TermMatcher.Key(group.Key);
        return group.First() with
        {
            Aliases = [.. group.SelectMany(t => t.Aliases ?? []).Distinct(StringComparer.Ordinal).Where(a => TermMatcher.Key(a) != name)],
            Role = group.Select(t => t.Role).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r))?.Trim(),
            Description = group.Select(t => t.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim(),
            SortAs = group.Select(t => t.SortAs).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)),
            FullName = group.Select(t => t.FullName).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim(),
            HomePage = group.Select(t => t.HomePage).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim(),
        };
    }
}
