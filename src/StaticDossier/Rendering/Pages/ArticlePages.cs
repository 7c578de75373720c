using StaticDossier.Rendering.Data;

namespace StaticDossier.Rendering.Pages;

/// <summary>One page per article, with its provenance, citation, related articles, JSON-LD and Dublin Core.</summary>
internal sealed class ArticlePages : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var (dossier, pages, diagnostics) = (context.Dossier, context.Pages, context.Diagnostics);
        var rendered = new OutputFile?[dossier.Articles.Count];
        Parallel.For(0, dossier.Articles.Count, i =>
        {
            var article = dossier.Articles[i];
            var model = pages.NewModel(article.Url);
            model.SetValue("article", article, true);
            model.SetValue("page_description", article.Summary, false);
            model.SetValue("json_ld", JsonLdRenderer.Render(article, pages.Config), true);
            model.SetValue("dublin_core", DublinCore(article), true);
            model.SetValue("og_type", "article", false);
            rendered[i] = pages.Render("article.sbn", model, article.Url, diagnostics, article.Date);
        });
        return rendered.OfType<OutputFile>();
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

        return tags;
    }
}
