using StaticDossier.Rendering.Data;

namespace StaticDossier.Rendering.Pages;

/// <summary>One page per article, with its provenance, citation, related articles, JSON-LD, Dublin Core and the
/// <c>citation_*</c> tags of reference managers.</summary>
internal sealed class ArticlePages : ISiteOutput
{
    /// <summary>Articles rendered together, on every core, before their pages are yielded: a build that writes
    /// pages as they come (<see cref="SiteRenderer.Sink"/>) then holds a chunk of them, not the whole site. Small, since a
    /// chunk's pages may outlive a collection or two before they are staged, and then lie dead in the oldest generation.</summary>
    private const int Chunk = 256;

    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var articles = context.Dossier.Articles;
        if (context.Memo is { } memo && articles.Count > 0)
        {
            memo.BeginShared("article.sbn", Shared(context.Pages, articles[0].Url));
        }

        // The settings a page's JSON-LD reads, as one key for all: not a string made per article on every save.
        var jsonLdKind = "json_ld " + context.Pages.Config.Title + " " + context.Pages.Config.BaseUrl;
        var rendered = new OutputFile?[Math.Min(Chunk, articles.Count)];
        for (var start = 0; start < articles.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, articles.Count - start);
            Parallel.For(0, count, i => rendered[i] = Render(articles[start + i], context, jsonLdKind));
            for (var i = 0; i < count; i++)
            {
                yield return rendered[i];
            }
        }
    }

    private static OutputFile? Render(ArticleView article, OutputContext context, string jsonLdKind)
    {
        var pages = context.Pages;
        var config = pages.Config;
        var memo = context.Memo;
        var jsonLd = memo is null ? JsonLdRenderer.Render(article, config)
            : memo.Derived(article, jsonLdKind, config, static (a, c) => JsonLdRenderer.Render(a, c));
        var dublinCore = memo is null ? DublinCore(article) : memo.Derived(article, "dublin_core", DublinCore);

        // Everything the model holds beyond the shared values (see Shared) follows from these: an unchanged article's
        // page is kept without its model being made or its key worked out.
        object?[]? own = memo is null ? null : [article, jsonLd, dublinCore, config.BaseUrl, SiteUrls.RootFrom(article.Url)];
        if (own is not null && memo!.ReuseOwn("article.sbn", article.Url, own) is { } kept)
        {
            return new OutputFile(article.Url, kept) { LastModified = article.Date };
        }

        var model = pages.NewModel(article.Url);
        Own(model, article, jsonLd, dublinCore);
        var page = pages.Render("article.sbn", model, article.Url, context.Diagnostics, article.Date);
        if (own is not null && page is not null)
        {
            memo!.RecordOwn("article.sbn", article.Url, own);
        }

        return page;
    }

    private static void Own(Scriban.Runtime.ScriptObject model, ArticleView? article, object? jsonLd, object? dublinCore)
    {
        model.SetValue("article", article, true);
        model.SetValue("page_description", article?.Summary, false);
        model.SetValue("json_ld", jsonLd, true);
        model.SetValue("dublin_core", dublinCore, true);
        model.SetValue("og_type", "article", false);
    }

    /// <summary>An article page's model without its own values (the article, what is made from it, its path): the same
    /// for every article page of this build, so it is hashed once.</summary>
    private static Scriban.Runtime.ScriptObject Shared(PageRenderer pages, string anyArticleUrl)
    {
        var model = pages.NewModel(anyArticleUrl);
        Own(model, null, null, null);
        model.SetValue("output_path", null, true);
        model.SetValue("canonical", null, true);
        model.SetValue("root", null, true);
        return model;
    }

    private static List<MetaTag> DublinCore(ArticleView a)
    {
        var tags = new List<MetaTag> { new("DC.title", a.Title), new("DC.language", a.Language), new("DC.type", "Text"), new("DC.identifier", a.AbsoluteUrl) };
        if (a.Date is not null)
        {
            tags.Add(new("DC.date", a.Date));
        }

        if (a.Byline is not null)
        {
            tags.Add(new("DC.creator", a.Byline));
        }

        if (a.Source is not null)
        {
            tags.Add(new("DC.publisher", a.Source));
        }

        if (a.SourceUrl is not null)
        {
            tags.Add(new("DC.source", a.SourceUrl));
        }

        tags.AddRange(a.People.Concat(a.Tags).Select(t => new MetaTag("DC.subject", t.Name)));
        if (a.Summary.Length > 0)
        {
            tags.Add(new("DC.description", a.Summary));
        }

        tags.AddRange(Citation(a));
        return tags;
    }

    /// <summary>The <c>citation_*</c> tags reference managers read (Zotero's embedded-metadata translator, Google
    /// Scholar's inclusion guidelines). A date only when it is exact: an inferred period is not a publication date.</summary>
    private static IEnumerable<MetaTag> Citation(ArticleView a)
    {
        yield return new("citation_title", a.Title);
        if (a.Byline is not null)
        {
            yield return new("citation_author", a.Byline);
        }

        if (a.Date is not null)
        {
            yield return new("citation_publication_date", a.Date.Replace('-', '/'));
        }

        if (a.Source is not null)
        {
            yield return new("citation_publisher", a.Source);
        }

        yield return new("citation_language", a.Language);
        if (a.Tags.Count > 0)
        {
            yield return new("citation_keywords", string.Join("; ", a.Tags.Select(t => t.Name)));
        }

        yield return new("citation_fulltext_html_url", a.AbsoluteUrl);
    }
}
