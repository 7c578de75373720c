using System.Security.Cryptography;
using System.Text;
using StaticDossier.Diagnostics;

namespace StaticDossier.Rendering.Pages;

/// <summary>The 404 page. A host serves it in place of any missing address, at any depth
/// (<c>/vn-russia/articles/old/typo.html</c>: GitHub Pages, Netlify, nginx's <c>error_page</c>), where relative links
/// lead nowhere. So this one page stands alone: its links start from the site's <c>base_url</c> (opened from disk, they
/// lead to the published site), and its stylesheet is inline, allowed by its hash in the page's Content-Security-Policy,
/// so it is styled wherever it is served and loads nothing, from a host or from disk.</summary>
internal sealed class NotFoundPage : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var css = Stylesheet(context);
        if (css is null)
        {
            return [null];
        }

        var model = context.Pages.NewModel(SitePaths.NotFound);
        model.SetValue("canonical", null, true);
        model.SetValue("root", SiteUrls.Absolute(context.Config.BaseUrl, SitePaths.Home), true);
        model.SetValue("standalone", new Standalone(new RawHtml(css), "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))), true);
        return [context.Pages.Render("404.sbn", model, SitePaths.NotFound, context.Diagnostics)];
    }

    /// <summary>templates/assets/style.css, which the other pages link to; read as templates are, from inside templates/ only.</summary>
    private static string? Stylesheet(OutputContext context)
    {
        var templates = context.Config.TemplatesPath;
        var display = context.Config.RelativeToRoot(templates);
        var path = Path.Combine(templates, SitePaths.Stylesheet);
        var shown = $"{display}/{SitePaths.Stylesheet}";
        if (!File.Exists(path))
        {
            context.Diagnostics.Error(DiagnosticCodes.TemplateMissing, $"{shown} is missing: 404.html carries the stylesheet inline.", SourceLocation.InFile(shown));
            return null;
        }

        if (TemplateFolderLoader.OutsideReason(path, templates, display) is { } reason)
        {
            context.Diagnostics.Error(DiagnosticCodes.TemplateOutside, $"'{SitePaths.Stylesheet}' {reason}", SourceLocation.InFile(shown));
            return null;
        }

        var css = File.ReadAllText(path);
        if (css.Contains("</", StringComparison.Ordinal))
        {
            // "</style" inside would end the element early; CSS has no need of "</".
            context.Diagnostics.Error(DiagnosticCodes.TemplateRuntime, $"{shown} contains '</', which 404.html cannot carry inline.", SourceLocation.InFile(shown));
            return null;
        }

        return css;
    }
}

/// <summary>What a page that must load nothing (the 404 page) carries inline: its stylesheet and that text's hash
/// for the Content-Security-Policy.</summary>
/// <param name="Style">The stylesheet.</param>
/// <param name="StyleHash"><c>sha256-…</c> of <paramref name="Style"/>.</param>
internal sealed record Standalone(RawHtml Style, string StyleHash);
