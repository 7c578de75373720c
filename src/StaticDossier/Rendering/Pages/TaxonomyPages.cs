namespace StaticDossier.Rendering.Pages;

/// <summary>For each taxonomy (people, tags, sources, languages) an overview page and one page per term.</summary>
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
                var model = pages.NewModel(term.Url);
                model.SetValue("nav_current", taxonomy.Key, false);
                model.SetValue("taxonomy", taxonomy, true);
                model.SetValue("term", term, true);
                yield return pages.Render("term.sbn", model, term.Url, diagnostics);
            }
        }
    }
}
