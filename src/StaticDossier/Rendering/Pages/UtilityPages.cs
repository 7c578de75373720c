using StaticDossier.Diagnostics;
using StaticDossier.Rendering.Data;

namespace StaticDossier.Rendering.Pages;

/// <summary>The search page and the 404 page.</summary>
internal static class UtilityPages
{
    public const string SearchPath = "search.html";

    public static OutputFile? Search(PageRenderer pages, DiagnosticBag diagnostics)
    {
        var model = pages.NewModel(SearchPath);
        model.SetValue("nav_current", "search", false);
        model.SetValue("page_scripts", new[] { SearchIndexRenderer.Path, "assets/search.js" }, false);
        return pages.Render("search.sbn", model, SearchPath, diagnostics);
    }

    /// <summary>The 404 page sits at the root with relative links like every other page, so the site keeps
    /// working from disk; hosts serve it for missing top-level paths.</summary>
    public static OutputFile? NotFound(PageRenderer pages, DiagnosticBag diagnostics)
    {
        var model = pages.NewModel(SitemapRenderer.NotFoundPath);
        model.SetValue("canonical", null, true);
        return pages.Render("404.sbn", model, SitemapRenderer.NotFoundPath, diagnostics);
    }
}
