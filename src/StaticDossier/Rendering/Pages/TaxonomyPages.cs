using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Pages;

/// <summary>For each taxonomy (people, tags, sources, languages) an overview page and one page per term, its
/// articles in pages of <see cref="Pagination.PageSize"/>.</summary>
internal sealed class TaxonomyPages : ISiteOutput
{
    private const string TermTemplate = "term.sbn";

    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var (pages, diagnostics, memo) = (context.Pages, context.Diagnostics, context.Memo);
        if (memo is not null)
        {
            memo.BeginShared(TermTemplate, Shared(pages));
        }

        // A term page's model beyond the shared values follows from its term, its taxonomy's name and address (and its
        // other terms, where a template reads them) and its path: a page whose term holds what it held in the last build
        // is kept without its model being made or its key worked out.
        var readsTerms = memo?.Schema(TermTemplate).Reads(typeof(Taxonomy), "terms") ?? false;
        foreach (var taxonomy in context.Dossier.Taxonomies)
        {
            var overview = pages.NewModel(taxonomy.Url);
            overview.SetValue("nav_current", taxonomy.Key, false);
            overview.SetValue("taxonomy", taxonomy, true);
            yield return pages.Render("terms.sbn", overview, taxonomy.Url, diagnostics);

            var terms = memo is null ? null : taxonomy.Terms.Select(t => memo.Token("term " + t.Url, Parts(t))).ToArray();
            var others = readsTerms ? memo!.Token("taxonomy " + taxonomy.Key, [.. terms!]) : null;
            for (var i = 0; i < taxonomy.Terms.Count; i++)
            {
                var term = taxonomy.Terms[i];
                foreach (var (path, pager, articles) in Pagination.Split(term.Articles, term.Url))
                {
                    var newest = articles.Select(a => a.Date).FirstOrDefault(d => d is not null);
                    object?[]? own = memo is null ? null : [terms![i], others, taxonomy.Key, taxonomy.Title, taxonomy.Url, pages.Config.BaseUrl, path];
                    if (own is not null && memo!.ReuseOwn(TermTemplate, path, own) is { } kept)
                    {
                        yield return new OutputFile(path, kept) { LastModified = newest };
                        continue;
                    }

                    var model = pages.NewModel(path);
                    model.SetValue("nav_current", taxonomy.Key, false);
                    model.SetValue("taxonomy", taxonomy, true);
                    model.SetValue("term", term, true);
                    model.SetValue("articles", articles, true);
                    model.SetValue("pager", pager, true);
                    var page = pages.Render(TermTemplate, model, path, diagnostics, newest);
                    if (own is not null && page is not null)
                    {
                        memo!.RecordOwn(TermTemplate, path, own);
                    }

                    yield return page;
                }
            }
        }
    }

    /// <summary>Everything a term holds, its articles' links as the very objects (the model memo hands an unchanged
    /// article's link out again).</summary>
    private static object?[] Parts(Term term) =>
        [term.Name, term.Url, term.Role, term.Description, term.FullName, term.HomePage, term.Aliases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. term.Aliases, .. term.Articles];

    /// <summary>A term page's model without its own values (its taxonomy, term, articles, pager, path): the same for every
    /// term page of this build, so it is hashed once.</summary>
    private static Scriban.Runtime.ScriptObject Shared(PageRenderer pages)
    {
        var model = pages.NewModel(SitePaths.Home);
        model.SetValue("nav_current", null, false);
        model.SetValue("taxonomy", null, true);
        model.SetValue("term", null, true);
        model.SetValue("articles", null, true);
        model.SetValue("pager", null, true);
        model.SetValue("output_path", null, true);
        model.SetValue("canonical", null, true);
        model.SetValue("root", null, true);
        return model;
    }
}
