namespace StaticDossier.Rendering.Pages;

/// <summary>The 404 page. It sits at the root with relative links like every other page, so the site keeps
/// working from disk; hosts serve it for missing top-level paths.</summary>
internal sealed class NotFoundPage : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var model = context.Pages.NewModel(SitePaths.NotFound);
        model.SetValue("canonical", null, true);
        return [context.Pages.Render("404.sbn", model, SitePaths.NotFound, context.Diagnostics)];
    }
}
