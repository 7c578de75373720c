namespace StaticDossier.Rendering.Pages;

/// <summary>For each taxonomy (people, tags, sources, languages) an overview page and one page per term, its
/// articles in pages of <see cref="Pagination.PageSize"/>.</summary>
internal sealed class TaxonomyPages : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var (pages, diagnostics) = (context.Pages, context.Diagnostics);
        foreach (var taxonomy in context.Dossier.Taxonomies)
        {
            var overview = pages.NewModel(taxonomy.Url);
            overview.SetValue("nav_current", taxonomy.Key, false);
            overview.SetValue("taxonomy", taxonomy, true);
            yield return pages.Render("terms.sbn", overview, taxonomy.Url, diagnostics);

            foreach (var term in taxonomy.Terms)
            {
                foreach (var (path, pager, articles) in Pagination.Split(term.Articles, term.Url))
                {
                    var model = pages.NewModel(path);
                    model.SetValue("nav_current", taxonomy.Key, false);
                    model.SetValue("taxonomy", taxonomy, true);
                    model.SetValue("term", term, true);
                    model.SetValue("articles", articles, true);
                    model.SetValue("pager", pager, true);
                    yield return pages.Render("term.sbn", model, path, diagnostics, articles.Select(a => a.Date).FirstOrDefault(d => d is not null));
                }
            }
        }
    }
}
