using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>Everything the page generators need: the articles in timeline order and the index pages.</summary>
/// <param name="Articles">Newest first, undated last.</param>
/// <param name="Taxonomies">One per <see cref="TaxonomyKind.All"/>, in that order.</param>
internal sealed record DossierModel(IReadOnlyList<ArticleView> Articles, IReadOnlyList<Taxonomy> Taxonomies);

/// <summary>One kind of index (see <see cref="TaxonomyKind"/>) and its terms.</summary>
/// <param name="Key">Folder name and anchor, e.g. <c>people</c>.</param>
/// <param name="Title">Heading, e.g. "People".</param>
/// <param name="Url">Path of the kind's overview page.</param>
/// <param name="Terms">Terms in their sort order (<see cref="Config.TermConfig.SortAs"/>, family names first for people),
/// diacritics ignored.</param>
internal sealed record Taxonomy(string Key, string Title, string Url, IReadOnlyList<Term> Terms);

/// <summary>A person, tag, source or language, with the articles that have it.</summary>
/// <param name="Name">What it is called on the site.</param>
/// <param name="Url">Path of its page.</param>
/// <param name="Articles">Its articles, newest first.</param>
/// <param name="Aliases">Other spellings from site.yml that lead here, those that differ from the name beyond case and
/// diacritics.</param>
internal sealed record Term(string Name, string Url, IReadOnlyList<ArticleLink> Articles, IReadOnlyList<string> Aliases)
{
    /// <summary>Who or what it is, from site.yml's <c>role</c>; null when not given.</summary>
    public string? Role { get; init; }

    /// <summary>site.yml's <c>description</c>; null when not given.</summary>
    public string? Description { get; init; }

    /// <summary>A source's full name ("Vietnam News Agency"), from site.yml's <c>full_name</c>; null when not given.</summary>
    public string? FullName { get; init; }

    /// <summary>A source's home page, from site.yml's <c>home_page</c>; null when not given.</summary>
    public string? HomePage { get; init; }

    /// <summary>How many articles have it.</summary>
    public int Count => Articles.Count;
}
