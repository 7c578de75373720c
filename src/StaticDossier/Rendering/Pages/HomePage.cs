using StaticDossier.Diagnostics;
using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Pages;

/// <summary><c>index.html</c>: the introduction and the timeline, undated articles apart.</summary>
internal static class HomePage
{
    public static OutputFile? Render(DossierModel dossier, RawHtml intro, PageRenderer pages, DiagnosticBag diagnostics)
    {
        var model = pages.NewModel("index.html");
        model.SetValue("nav_current", "home", false);
        model.SetValue("intro", intro, true);
        model.SetValue("articles", dossier.Articles, true);
        model.SetValue("timeline", Timeline.Group(dossier.Articles), true);
        model.SetValue("undated", dossier.Articles.Where(a => a.Date is null).ToList(), true);
        model.SetValue("taxonomies", dossier.Taxonomies, true);
        return pages.Render("index.sbn", model, "index.html", diagnostics);
    }
}
