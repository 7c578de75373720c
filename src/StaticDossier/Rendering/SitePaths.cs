using Scriban.Runtime;

namespace StaticDossier.Rendering;

/// <summary>Where every file of the site is published: the one place the outputs take their paths from, and that
/// templates read as <c>paths</c> (<c>{{ root }}{{ paths.feed }}</c>), so no template spells a generated file's name.</summary>
public static class SitePaths
{
    /// <summary>The home page: introduction and timeline.</summary>
    public const string Home = "index.html";

    /// <summary>The full-text search page.</summary>
    public const string Search = "search.html";

    /// <summary>The page hosts serve for a missing path; left out of the sitemap.</summary>
    public const string NotFound = "404.html";

    /// <summary>The site's icon (a file of <c>templates/assets/</c>).</summary>
    public const string Favicon = "assets/favicon.svg";

    /// <summary>The stylesheet (a file of <c>templates/assets/</c>).</summary>
    public const string Stylesheet = "assets/style.css";

    /// <summary>The Atom feed.</summary>
    public const string Feed = "feed.xml";

    /// <summary>The sitemap (sitemaps.org 0.9).</summary>
    public const string Sitemap = "sitemap.xml";

    /// <summary>The crawlers' file, pointing to the sitemap.</summary>
    public const string Robots = "robots.txt";

    /// <summary>The search index's folder: term chunks, positions, one file per article and the facets, each a
    /// script so that it loads from <c>file://</c> (see <see cref="StaticDossier.Rendering.Search.SearchIndexRenderer"/>).</summary>
    public const string SearchFolder = "assets/search/";

    /// <summary>The search index's entry file, the one the search page loads itself.</summary>
    public const string SearchIndex = SearchFolder + "index.js";

    /// <summary>The search page's script (a file of <c>templates/assets/</c>).</summary>
    public const string SearchScript = "assets/search.js";

    /// <summary>Every article's metadata as JSON.</summary>
    public const string MetadataJson = "data/dossier.json";

    /// <summary>Every article's metadata as CSV.</summary>
    public const string MetadataCsv = "data/dossier.csv";

    /// <summary>The folder <c>templates/assets/</c> is copied to.</summary>
    public const string Assets = "assets/";

    /// <summary>The articles of one year (<c>2022</c>): the year's articles by month, or for a year with more
    /// than a page of them, its months with their counts.</summary>
    public static string ArchiveYear(string year) => $"archive/{year}.html";

    /// <summary>The articles of one month (<c>2022-03</c>) of a year with more than a page of them.</summary>
    public static string ArchiveMonth(string month) => $"archive/{month}.html";

    /// <summary>The articles of a year (one with a page per month) whose month is not known, only the year inferred.</summary>
    public static string ArchiveMonthUnknown(string year) => $"archive/{year}-month-unknown.html";

    /// <summary>The articles whose pages give no date.</summary>
    public const string ArchiveUndated = "archive/undated.html";

    /// <summary>Page <paramref name="number"/> of a list whose first page is <paramref name="first"/>: the first page
    /// itself for 1, else <c>tags/x/page/2.html</c> beside <c>tags/x.html</c>.</summary>
    public static string ListPage(string first, int number) =>
        number <= 1 ? first : $"{first[..^".html".Length]}/page/{number}.html";

    /// <summary>The page of the article whose slug is <paramref name="slug"/>.</summary>
    public static string Article(string slug) => $"articles/{slug}.html";

    /// <summary>Where a seed is published as captured: named by its SHA-256 (so two copies of a seed are one file, no
    /// two names differ only by case, and no name is too long) and always as plain text: hosts and browsers serve
    /// <c>.txt</c> as <c>text/plain</c>, which they never sniff into HTML, so a saved page's markup shows as text and
    /// none of its scripts runs. <c>sha256sum</c> on the download prints its own name.</summary>
    public static string Seed(string sha256) => $"{SeedsFolder}{sha256}.txt";

    /// <summary>The folder published seeds go in.</summary>
    public const string SeedsFolder = "seeds/";

    /// <summary>The overview page of the taxonomy <paramref name="key"/> (e.g. <c>people</c>).</summary>
    public static string Taxonomy(string key) => $"{key}/index.html";

    /// <summary>The page of one term of the taxonomy <paramref name="key"/>.</summary>
    public static string Term(string key, string slug) => $"{key}/{slug}.html";

    /// <summary>The paths above as templates see them (<c>paths.home</c>, <c>paths.metadata_json</c> …); read-only,
    /// so one object serves every page.</summary>
    internal static readonly ScriptObject ForTemplates = CreateForTemplates();

    private static ScriptObject CreateForTemplates()
    {
        var paths = new ScriptObject
        {
            ["home"] = Home,
            ["search"] = Search,
            ["not_found"] = NotFound,
            ["feed"] = Feed,
            ["sitemap"] = Sitemap,
            ["robots"] = Robots,
            ["search_folder"] = SearchFolder,
            ["search_index"] = SearchIndex,
            ["search_script"] = SearchScript,
            ["metadata_json"] = MetadataJson,
            ["metadata_csv"] = MetadataCsv,
            ["archive_undated"] = ArchiveUndated,
            ["favicon"] = Favicon,
            ["stylesheet"] = Stylesheet,
            ["seeds_folder"] = SeedsFolder,
        };
        paths.IsReadOnly = true;
        return paths;
    }
}
