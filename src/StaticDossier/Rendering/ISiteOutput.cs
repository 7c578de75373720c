using StaticDossier.Analysis;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering.Pages;

namespace StaticDossier.Rendering;

/// <summary>One kind of output of the site, a page type or a data file (as Hugo treats output formats as data and
/// Statiq makes every step a module): one class, registered once in <see cref="SiteOutputs.All"/>, its paths in
/// <see cref="SitePaths"/>. Pure: it renders from the context, writes nothing.</summary>
internal interface ISiteOutput
{
    /// <summary>True for an output that lists the rest of the site (the sitemap): it runs once every other output
    /// has rendered, and sees their files in <see cref="OutputContext.Rendered"/>.</summary>
    bool ListsSite => false;

    /// <summary>This output's files; a null entry is a page whose template reported an error.</summary>
    IEnumerable<OutputFile?> Render(OutputContext context);
}

/// <summary>What every output may use.</summary>
/// <param name="Config">The site's settings.</param>
/// <param name="Dossier">The articles and taxonomies.</param>
/// <param name="Pages">Renders a page template into the base layout, with the variables every page has.</param>
/// <param name="Intro">The home page's introduction, rendered.</param>
/// <param name="Diagnostics">Where problems go.</param>
/// <param name="Text">The interface's words in the site's language, and its formats for dates and numbers.</param>
internal sealed record OutputContext(SiteConfig Config, DossierModel Dossier, PageRenderer Pages, RawHtml Intro, DiagnosticBag Diagnostics, Interface.InterfaceText Text)
{
    /// <summary>Every other output's files, for an output that <see cref="ISiteOutput.ListsSite"/>; empty otherwise.</summary>
    public IReadOnlyList<OutputFile> Rendered { get; init; } = [];

    /// <summary>The seeds published beside their articles, as captured, by their path in front matter.</summary>
    public IReadOnlyDictionary<string, StaticDossier.Seeds.PublishedSeed> Seeds { get; init; } = new Dictionary<string, StaticDossier.Seeds.PublishedSeed>();

    /// <summary>What a long-lived builder keeps between builds; null for a one-off build.</summary>
    public Incremental.RenderMemo? Memo { get; init; }
}
