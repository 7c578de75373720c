namespace StaticDossier.Content;

/// <summary>The YAML front matter of a content page. Property order is the order keys are written in.</summary>
public sealed record FrontMatter
{
    /// <summary>The headline. Required.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Publication date as YYYY-MM-DD; absent when the page does not give one.</summary>
    public string? Date { get; init; }

    /// <summary>When the page states no date: the period ingest inferred from its text, <c>YYYY-MM</c> or <c>YYYY</c>
    /// (evidence in <c>.ingest/removed/</c> and <c>dossier explain</c>). Never shown as exact; a <see cref="Date"/> wins.</summary>
    public string? DateApprox { get; init; }

    /// <summary>BCP 47 language tag of the article.</summary>
    public string? Language { get; init; }

    /// <summary>The outlet.</summary>
    public string? Source { get; init; }

    /// <summary>The author or authors as credited.</summary>
    public string? Byline { get; init; }

    /// <summary>The article's original URL.</summary>
    public string? Url { get; init; }

    /// <summary>Curated tags.</summary>
    public List<string>? Tags { get; init; }

    /// <summary>Curated people; matched against the people list in site.yml.</summary>
    public List<string>? People { get; init; }

    /// <summary>Overrides the URL slug.</summary>
    public string? Slug { get; init; }

    /// <summary>A one-paragraph summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Drafts are not published.</summary>
    public bool Draft { get; init; }

    /// <summary>The seed this page was made from, relative to the dossier root.</summary>
    public string? Seed { get; init; }

    /// <summary>SHA-256 of the seed's bytes when the page was made.</summary>
    public string? SeedSha256 { get; init; }

    /// <summary>How many blocks cleaning removed from the seed.</summary>
    public int? RemovedBlocks { get; init; }

    /// <summary>How many changes ingest made to the seed's words after cleaning (run-together words split, a lede taken
    /// as the title); each is listed in <c>.ingest/removed/</c> and by <c>dossier explain</c>. Absent when none.</summary>
    public int? Repairs { get; init; }

    /// <summary>When the seed was captured or archived (UTC, ISO 8601), from its sidecar.</summary>
    public string? RetrievedAt { get; init; }

    /// <summary>The web archive the seed was imported from (file name; for a WACZ, <c>x.wacz#archive/y.warc.gz</c>).</summary>
    public string? ArchiveFile { get; init; }

    /// <summary>The WARC record the seed was imported from (its <c>WARC-Record-ID</c>).</summary>
    public string? ArchiveRecord { get; init; }

    /// <summary>The date as a value, when it is valid.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public DateOnly? ParsedDate =>
        DateOnly.TryParseExact(Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
