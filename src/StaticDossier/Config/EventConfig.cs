namespace StaticDossier.Config;

/// <summary>A dated event in <c>site.yml</c> (<c>events:</c>) that articles may refer to without giving a full date:
/// "the invasion of Ukraine" places a report after 24 February 2022. Ingest uses them to infer an approximate date
/// for a page that states none; matching ignores case and diacritics, on whole words, as for people and tags.</summary>
public sealed record EventConfig
{
    /// <summary>The event as the evidence names it, e.g. "Russia's full-scale invasion of Ukraine". Required.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>When it happened (or began), YYYY-MM-DD. Required.</summary>
    public string Date { get; init; } = string.Empty;

    /// <summary>Phrases that refer to it in article text, e.g. "invasion of Ukraine".</summary>
    public List<string> Aliases { get; init; } = [];

    /// <summary>The date as a value, when it is valid.</summary>
    internal DateOnly? ParsedDate =>
        DateOnly.TryParseExact(Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
