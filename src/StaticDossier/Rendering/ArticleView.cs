using StaticDossier.Content;

namespace StaticDossier.Rendering;

/// <summary>What templates see of an article. Property names reach templates in snake_case.</summary>
public sealed record ArticleView
{
    /// <summary>The content page behind this view.</summary>
    public required ContentPage Page { get; init; }

    /// <summary>Headline.</summary>
    public required string Title { get; init; }

    /// <summary>Path from the site root, e.g. <c>articles/slug.html</c>.</summary>
    public required string Url { get; init; }

    /// <summary>YYYY-MM-DD, or null when undated.</summary>
    public string? Date { get; init; }

    /// <summary>The date for people, e.g. "15 March 2022".</summary>
    public string? DateDisplay { get; init; }

    /// <summary>BCP 47 tag.</summary>
    public required string Language { get; init; }

    /// <summary>The outlet.</summary>
    public string? Source { get; init; }

    /// <summary>The byline.</summary>
    public string? Byline { get; init; }

    /// <summary>The original URL when it is http(s); anything else is dropped.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The rendered, sanitised body.</summary>
    public required RawHtml Body { get; init; }

    /// <summary>Seed path relative to the dossier root.</summary>
    public string? Seed { get; init; }

    /// <summary>The seed's SHA-256.</summary>
    public string? SeedSha256 { get; init; }

    /// <summary>How many blocks cleaning removed.</summary>
    public int? RemovedBlocks { get; init; }
}
