using StaticDossier.Cleaning.Rules;

namespace StaticDossier.Cleaning;

/// <summary>The ordered list of noise rules (Markdig-style: one extension per concern).</summary>
internal sealed record CleaningOptions
{
    /// <summary>Rules in the order they run.</summary>
    public required IReadOnlyList<INoiseRule> Rules { get; init; }

    /// <summary>The rules the dossier uses.</summary>
    public static CleaningOptions Default { get; } = new()
    {
        Rules =
        [
            new HtmlMetadataRule(),
            new DuplicateBlockRule(),
            new CaptionRule(),
            new DateLineRule(),
            new EndOfArticleRule(),
            new EndSectionRule(),
            new CreditLineRule(),
            new RepeatedAcrossSeedsRule(),
            new BoilerplateRule(),
            new ContainerRule(),
            new SemanticNoiseRule(),
            new LinkDensityRule(),
            new MainRunRule(),
            new TitleRule(),
            new ShortItemRunRule(),
            new ShortBlockRule(),
        ],
    };
}
