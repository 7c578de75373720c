using StaticDossier.Config;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Interface;

namespace StaticDossier.Analysis;

/// <summary>One kind of index, as data: its key (folder and <c>nav_current</c>), its title, where an article's terms
/// come from and which field of the article view they fill. The site's kinds are <see cref="All"/>; adding one there
/// gives it an overview page, a page per term, a place in the navigation and on the home page.</summary>
/// <param name="Key">Folder name and anchor, e.g. <c>people</c>; its heading and navigation label is the interface
/// text <c>taxonomy_&lt;key&gt;</c> ("People", "Nhân vật").</param>
internal sealed record TaxonomyKind(string Key)
{
    /// <summary>For a curated kind, its list in site.yml: the terms are those of front matter (<see cref="Names"/>)
    /// plus the listed terms found in the article's text, matched ignoring case and diacritics. Null for a kind
    /// whose terms are simply the values of a field.</summary>
    public Func<SiteConfig, IReadOnlyList<TermConfig>>? Curated { get; init; }

    /// <summary>Whether a curated kind's terms are also found in the article's text (people, tags), or only in its front
    /// matter (sources: a credit "Photos: VNA" or "according to X" in the text names a source the article cites, not
    /// the outlet that published it).</summary>
    public bool MatchesText { get; init; } = true;

    /// <summary>The names an article gives: its front matter list (curated kinds) or the value of a field.</summary>
    public required Func<ArticleView, IEnumerable<string>?> Names { get; init; }

    /// <summary>The name shown for a value (a language code shows as its language, in the site's language); by
    /// default the value itself. The page's slug is always made from the value.</summary>
    public Func<string, InterfaceText, string> Display { get; init; } = static (value, _) => value;

    /// <summary>The key a term is listed by, from its name and site.yml's <c>sort_as</c>.</summary>
    public Func<string, string?, string> SortKey { get; init; } = NameOrder.TermKey;

    /// <summary>Puts an article's terms of this kind into its view.</summary>
    public required Func<ArticleView, IReadOnlyList<TermLink>, ArticleView> Assign { get; init; }

    /// <summary>The path of the kind's overview page.</summary>
    public string Url => SitePaths.Taxonomy(Key);

    /// <summary>The site's taxonomies, in the order of their pages, the navigation and the home page's counts.</summary>
    public static readonly IReadOnlyList<TaxonomyKind> All =
    [
        new("people")
        {
            SortKey = NameOrder.PersonKey,
            Curated = static config => config.People,
            Names = static article => article.Page.Meta.People,
            Assign = static (article, terms) => article with { People = terms },
        },
        new("tags")
        {
            Curated = static config => config.Tags,
            Names = static article => article.Page.Meta.Tags,
            Assign = static (article, terms) => article with { Tags = terms },
        },
        new("sources")
        {
            Curated = static config => config.Sources,
            MatchesText = false,
            Names = static article => article.Source is { } source ? [source] : null,
            // The outlet is then called by its curated name everywhere ("VNA/VNS" shows as VNA).
            Assign = static (article, terms) => article with { SourceLink = terms.Count > 0 ? terms[0] : null, Source = terms.Count > 0 ? terms[0].Name : article.Source },
        },
        new("languages")
        {
            Names = static article => [article.Language],
            Display = static (value, text) => text.LanguageName(value),
            Assign = static (article, terms) => article with { LanguageLink = terms.Count > 0 ? terms[0] : null },
        },
    ];
}
