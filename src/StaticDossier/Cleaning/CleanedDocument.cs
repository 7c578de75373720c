using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>An article taken out of a seed: its text as Markdown, its metadata, and every decision made.</summary>
public sealed record CleanedDocument(
    SeedDocument Seed,
    string Title,
    string MarkdownBody,
    ArticleMetadata Metadata,
    IReadOnlyList<BlockDecision> Decisions)
{
    /// <summary>Page-level explanations: a cut a rule stepped back from, and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What ingest changed in the kept text after cleaning (run-together words, a lede taken as the title),
    /// in order; the decisions keep the text as printed.</summary>
    public IReadOnlyList<Repairing.TextRepair> Repairs { get; init; } = [];

    /// <summary>Words that may be two run together, left as printed: warnings.</summary>
    public IReadOnlyList<Repairing.SuspectWord> Suspects { get; init; } = [];

    /// <summary>Why repairs were not made at all, when a curator turned them off (null when they were made).</summary>
    public string? RepairsOff { get; init; }

    /// <summary>How many blocks cleaning removed.</summary>
    public int RemovedCount => Decisions.Count(d => !d.Kept);
}

/// <summary>Facts about an article found on its page. Null means "the page does not say".</summary>
public sealed record ArticleMetadata
{
    /// <summary>Publication date, never guessed.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>When no <see cref="Date"/> is stated: the period the text's clues support, with the evidence.</summary>
    public ApproximateDate? DateApprox { get; init; }

    /// <summary>BCP 47 language tag (<c>en</c>, <c>vi</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>The outlet that published the article.</summary>
    public string? Source { get; init; }

    /// <summary>The author or authors as credited.</summary>
    public string? Byline { get; init; }

    /// <summary>The page's original URL, when known.</summary>
    public string? Url { get; init; }
}

/// <summary>One block of the seed and what cleaning did with it.</summary>
/// <param name="Line">1-based line of the block in the seed (0 when unknown).</param>
/// <param name="Text">The block's text.</param>
/// <param name="Kept">True when the block is in the article body.</param>
/// <param name="Role">What the block is: body, title, date, noise, ...</param>
/// <param name="Reason">Why it was kept or removed, for <c>dossier explain</c>.</param>
/// <param name="Rule">The cleaning rule that decided.</param>
public sealed record BlockDecision(int Line, string Text, bool Kept, string Role, string Reason, string Rule = "");
