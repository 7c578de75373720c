namespace StaticDossier.Rendering.Pages;

/// <summary><c>index.html</c>: the introduction, the newest articles, and the timeline as years and months with their
/// counts, each linking to its archive page, so the page stays small however many articles there are.</summary>
internal sealed class HomePage : ISiteOutput
{
    /// <summary>How many of the newest articles the home page shows with their summaries.</summary>
    public const int Latest = 10;

    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var (dossier, pages) = (context.Dossier, context.Pages);
        var model = pages.NewModel(SitePaths.Home);
        model.SetValue("nav_current", "home", false);
        model.SetValue("intro", context.Intro, true);
        model.SetValue("articles", dossier.Articles, true);
        model.SetValue("latest", dossier.Articles.Take(Latest).ToList(), true);
        model.SetValue("timeline", Timeline.Group(dossier.Articles, context.Text), true);
        model.SetValue("undated_count", dossier.Articles.Count(a => a.TimeKey is null), true);
        return [pages.Render("index.sbn", model, SitePaths.Home, context.Diagnostics, (dossier.Articles.Count > 0 ? dossier.Articles[0].Date : null))];
    }
}
