using StaticDossier.Content;

namespace StaticDossier.Rendering;

/// <summary>What templates see of an article. Property names reach templates in snake_case.</summary>
public sealed record ArticleView
{
    /// <summary>The content page behind this view: its path and front matter (its Markdown body is not kept; the
    /// view has the rendered <see cref="Body"/>).</summary>
    public required ContentPage Page { get; init; }

    /// <summary>Headline.</summary>
    public required string Title { get; init; }

    /// <summary>Path from the site root, e.g. <c>articles/slug.html</c>.</summary>
    public required string Url { get; init; }

    /// <summary>YYYY-MM-DD, or null when undated.</summary>
    public string? Date { get; init; }

    /// <summary>The date for people, e.g. "15 March 2022".</summary>
    public string? DateDisplay { get; init; }

    /// <summary>When there is no <see cref="Date"/>: the period ingest inferred from the text, <c>YYYY-MM</c> or
    /// <c>YYYY</c>. Shown as approximate, never as a date.</summary>
    public string? DateApprox { get; init; }

    /// <summary>The inferred period for people, marked approximate in the site's language, e.g. "c. March 2022"
    /// (templates add that it was inferred).</summary>
    public string? DateApproxDisplay { get; init; }

    /// <summary>Where the article sits in time: its date, else its inferred period, else null.</summary>
    public string? TimeKey => Date ?? DateApprox;

    /// <summary>BCP 47 tag.</summary>
    public required string Language { get; init; }

    /// <summary>The outlet.</summary>
    public string? Source { get; init; }

    /// <summary>The byline.</summary>
    public string? Byline { get; init; }

    /// <summary>The original URL when it is http(s); anything else is dropped.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The rendered body, safe by construction (see <see cref="MarkdownRenderer"/>), as UTF-8.</summary>
    public required Utf8Html Body { get; init; }

    /// <summary>Seed path relative to the dossier root.</summary>
    public string? Seed { get; init; }

    /// <summary>Where the seed is published as captured, as plain text (path from the site root); null when it is not.</summary>
    public string? SeedUrl { get; init; }

    /// <summary>The published seed's file name, for the command that checks it.</summary>
    public string? SeedFileName { get; init; }

    /// <summary>When the seed was captured (its sidecar's <c>retrieved_at</c>), when known.</summary>
    public CaptureTime? RetrievedAt { get; init; }

    /// <summary>A web-archive lookup of the original address (the Wayback Machine's list of captures), when known.</summary>
    public string? ArchiveLookupUrl { get; init; }

    /// <summary>The seed's SHA-256.</summary>
    public string? SeedSha256 { get; init; }

    /// <summary>How many blocks cleaning removed; null when none (nothing is said about zero).</summary>
    public int? RemovedBlocks { get; init; }

    /// <summary>The body as plain text, for search and similarity, as UTF-8. Not for templates: a one-off build lets go
    /// of it once the search files are made.</summary>
    [Scriban.Runtime.ScriptMemberIgnore]
    public BodyText PlainText { get; init; } = BodyText.Empty;

    /// <summary>The front matter's summary, else the body's first sentences (about a line of a list).</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>How long the body takes to read, in the site's language ("3 min read").</summary>
    public string ReadingTime { get; init; } = string.Empty;

    /// <summary>The page's absolute URL under the site's base URL.</summary>
    public string AbsoluteUrl { get; init; } = string.Empty;

    /// <summary>The name of <see cref="Language"/> in the site's language.</summary>
    public string LanguageName { get; init; } = string.Empty;

    /// <summary>Tags: curated ones found in the text plus those in front matter.</summary>
    public IReadOnlyList<TermLink> Tags { get; init; } = [];

    /// <summary>People: curated ones found in the text plus those in front matter.</summary>
    public IReadOnlyList<TermLink> People { get; init; } = [];

    /// <summary>The outlet's index page, when the source is known.</summary>
    public TermLink? SourceLink { get; init; }

    /// <summary>The language's index page.</summary>
    public TermLink? LanguageLink { get; init; }

    /// <summary>Articles on the same story or naming the same people or tags, closest first.</summary>
    public IReadOnlyList<ArticleLink> Related { get; init; } = [];

    /// <summary>The article just before this one in time.</summary>
    public ArticleLink? Earlier { get; init; }

    /// <summary>The article just after this one in time.</summary>
    public ArticleLink? Later { get; init; }

    /// <summary>A ready-made citation, as plain text.</summary>
    public string Citation { get; init; } = string.Empty;

    /// <summary>A link to this article, for lists on other pages.</summary>
    public ArticleLink ToLink(string? reason = null) =>
        new(Title, Url, Language, Date, DateDisplay, Source, reason, Summary, ReadingTime) { DateApprox = DateApprox, DateApproxDisplay = DateApproxDisplay };
}

/// <summary>A capture time as written (<c>2026-12-06T01:02:03Z</c>), its day for people and citations, and the
/// time for people.</summary>
/// <param name="Value">As the sidecar gives it, for <c>datetime</c>.</param>
/// <param name="Day">"6 December 2026".</param>
/// <param name="Display">"6 December 2026, 01:02 UTC".</param>
public sealed record CaptureTime(string Value, string Day, string Display);

/// <summary>A link to an index page (a person, tag, source or language).</summary>
/// <param name="Name">What the link says.</param>
/// <param name="Url">Path from the site root.</param>
public sealed record TermLink(string Name, string Url);

/// <summary>A link to an article from another page.</summary>
/// <param name="Title">Headline.</param>
/// <param name="Url">Path from the site root.</param>
/// <param name="Language">The article's language, for <c>lang</c> and <c>hreflang</c>.</param>
/// <param name="Date">YYYY-MM-DD or null.</param>
/// <param name="DateDisplay">The date for people, or null.</param>
/// <param name="Source">The outlet, or null.</param>
/// <param name="Reason">Why it is listed (related articles), or null.</param>
/// <param name="Summary">One or two sentences, for lists.</param>
/// <param name="ReadingTime">"3 min read", in the site's language.</param>
public sealed record ArticleLink(string Title, string Url, string Language, string? Date, string? DateDisplay, string? Source, string? Reason,
    string Summary = "", string ReadingTime = "")
{
    /// <summary>The inferred period (<c>YYYY-MM</c> or <c>YYYY</c>) of an article with no date, or null.</summary>
    public string? DateApprox { get; init; }

    /// <summary>That period for people, marked approximate ("c. March 2022"), or null.</summary>
    public string? DateApproxDisplay { get; init; }
}
