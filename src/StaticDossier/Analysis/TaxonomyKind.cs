using StaticDossier.Config;
using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>One kind of index, as data: its key (folder and <c>nav_current</c>), its title, where an article's terms
/// come from and which field of the article view they fill. The site's kinds are <see cref="All"/>; adding one there
/// gives it an overview page, a page per term, a place in the navigation and on the home page.</summary>
/// <param name="Key">Folder name and anchor, e.g. <c>people</c>.</param>
/// <param name="Title">Heading and navigation label, e.g. "People".</param>
internal sealed record TaxonomyKind(string Key, string Title)
{
    /// <summary>For a curated kind, its list in site.yml: the terms are those of front matter (<see cref="Names"/>)
    /// plus the listed terms found in the article's text, matched ignoring case and diacritics. Null for a kind
    /// whose terms are simply the values of a field.</summary>
    public Func<SiteConfig, IReadOnlyList<TermConfig>>? Curated { get; init; }

    /// <summary>The names an article gives: its front matter list (curated kinds) or the value of a field.</summary>
    public required Func<ArticleView, IEnumerable<string>?> Names { get; init; }

    /// <summary>The name shown for a value (a language code shows as its language); by default the value itself.
    /// The page's slug is always made from the value.</summary>
    public Func<string, string> Display { get; init; } = static value => value;

    /// <summary>Puts an article's terms of this kind into its view.</summary>
    public required Func<ArticleView, IReadOnlyList<TermLink>, ArticleView> Assign { get; init; }

    /// <summary>The path of the kind's overview page.</summary>
    public string Url => SitePaths.Taxonomy(Key);

    /// <summary>The site's taxonomies, in the order of their pages, the navigation and the home page's counts.</summary>
    public static readonly IReadOnlyList<TaxonomyKind> All =
    [
        new("people", "People")
        {
            Curated = static config => config.People,
            Names = static article => article.Page.Meta.People,
            Assign = static (article, terms) => article with { People = terms },
        },
        new("tags", "Tags")
        {
            Curated = static config => config.Tags,
            Names = static article => article.Page.Meta.Tags,
            Assign = static (article, terms) => article with { Tags = terms },
        },
        new("sources", "Sources")
        {
            Names = static article => article.Source is { } source ? [source] : null,
            Assign = static (article, terms) => article with { SourceLink = terms.Count > 0 ? terms[0] : null },
        },
        new("languages", "Languages")
        {
            Names = static article => [article.Language],
            Display = LanguageNames.Of,
            Assign = static (article, terms) => article with { LanguageLink = terms.Count > 0 ? terms[0] : null },
        },
    ];
}
