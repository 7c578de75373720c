namespace StaticDossier.Rendering.Pages;

/// <summary><c>index.html</c>: the introduction and the timeline, undated articles apart.</summary>
internal sealed class HomePage : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var (dossier, pages) = (context.Dossier, context.Pages);
        var model = pages.NewModel(SitePaths.Home);
        model.SetValue("nav_current", "home", false);
        model.SetValue("intro", context.Intro, true);
        model.SetValue("articles", dossier.Articles, true);
        model.SetValue("timeline", Timeline.Group(dossier.Articles), true);
        model.SetValue("undated", dossier.Articles.Where(a => a.Date is null).ToList(), true);
        return [pages.Render("index.sbn", model, SitePaths.Home, context.Diagnostics)];
    }
}
