namespace StaticDossier.Rendering.Pages;

/// <summary>The full-text search page; it loads the search index and its script.</summary>
internal sealed class SearchPage : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var model = context.Pages.NewModel(SitePaths.Search);
        model.SetValue("nav_current", "search", false);
        model.SetValue("page_scripts", new[] { SitePaths.SearchIndex, SitePaths.SearchScript }, false);
        return [context.Pages.Render("search.sbn", model, SitePaths.Search, context.Diagnostics)];
    }
}
