using YamlDotNet.Serialization;

namespace StaticDossier.Config;

/// <summary>The dossier's settings, read from <c>site.yml</c>. Keys are lower_snake_case.</summary>
public sealed record SiteConfig
{
    /// <summary>The dossier's title, shown on every page.</summary>
    public string Title { get; init; } = "Dossier";

    /// <summary>A sentence or two introducing the dossier (Markdown allowed).</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Absolute URL the site is published at; feeds and sitemaps need it. Required.</summary>
    public string BaseUrl { get; init; } = string.Empty;

    /// <summary>The home page's introduction (Markdown). The body of <c>content/_index.md</c>, when that
    /// file exists, takes precedence; when both are empty the home page shows <see cref="Description"/>.</summary>
    public string Intro { get; init; } = string.Empty;

    /// <summary>Default language (BCP 47) of the site's own pages.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Who curates the dossier (feed author, bag source organisation).</summary>
    public string Author { get; init; } = string.Empty;

    /// <summary>How many of the newest articles <c>feed.xml</c> carries (0: every article). Feed readers
    /// want what is new; a feed of a whole large dossier would be tens of megabytes fetched on every poll.</summary>
    public int FeedLimit { get; init; } = 50;

    /// <summary>Curated people, with aliases. Each gets a page listing the articles that name them in
    /// front matter (<c>people:</c>) or in their text.</summary>
    public List<TermConfig> People { get; init; } = [];

    /// <summary>Curated tags, with aliases. An article gets a tag when its front matter lists it or its
    /// text contains the tag's name or an alias.</summary>
    public List<TermConfig> Tags { get; init; } = [];

    /// <summary>Curated sources (outlets), with their full name, home page and aliases ("VNA", "VNA/VNS" → Vietnam News
    /// Agency). Matched on the front matter's <c>source:</c> only, never on text: a photo credit or "according to X"
    /// in the text does not make X the outlet.</summary>
    public List<TermConfig> Sources { get; init; } = [];

    /// <summary>Dated events articles refer to ("the invasion of Ukraine"): ingest infers an approximate date from them
    /// for a page that gives no full date (see <see cref="EventConfig"/>).</summary>
    public List<EventConfig> Events { get; init; } = [];

    /// <summary>Folder of curated Markdown, relative to site.yml.</summary>
    public string ContentDir { get; init; } = "content";

    /// <summary>Folder of raw seeds, relative to site.yml.</summary>
    public string SeedsDir { get; init; } = "seeds";

    /// <summary>Folder of Scriban templates, relative to site.yml.</summary>
    public string TemplatesDir { get; init; } = "templates";

    /// <summary>Folder the site is written to, relative to site.yml.</summary>
    public string OutputDir { get; init; } = "_site";

    /// <summary>The folder holding site.yml; relative folders resolve against it.</summary>
    [YamlIgnore]
    public string RootDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The path site.yml was read from, for diagnostics.</summary>
    [YamlIgnore]
    public string SourcePath { get; init; } = "site.yml";

    /// <summary>Absolute path of <see cref="ContentDir"/>.</summary>
    public string ContentPath => Resolve(ContentDir);

    /// <summary>Absolute path of <see cref="SeedsDir"/>.</summary>
    public string SeedsPath => Resolve(SeedsDir);

    /// <summary>Absolute path of <see cref="TemplatesDir"/>.</summary>
    public string TemplatesPath => Resolve(TemplatesDir);

    /// <summary>Absolute path of <see cref="OutputDir"/>.</summary>
    public string OutputPath => Resolve(OutputDir);

    /// <summary>A config rooted at <paramref name="root"/> with test defaults.</summary>
    public static SiteConfig ForTests(string root) => new()
    {
        Title = "Test dossier",
        BaseUrl = "https://example.org/dossier/",
        RootDirectory = Path.GetFullPath(root),
        SourcePath = Path.Combine(root, "site.yml"),
    };

    /// <summary>Turns a path relative to the repository root into a display path with forward slashes.</summary>
    public string RelativeToRoot(string path) =>
        Path.GetRelativePath(RootDirectory, path).Replace('\\', '/');

    private string Resolve(string dir) => Path.GetFullPath(Path.Combine(RootDirectory, dir));
}
