using StaticDossier.Cleaning.Rules;

namespace StaticDossier.Cleaning;

/// <summary>The ordered list of noise rules (Markdig-style: one extension per concern) and the thresholds they
/// read. Immutable: a tuning run makes a copy with <c>with</c>.</summary>
internal sealed record CleaningOptions
{
    private readonly IReadOnlyList<INoiseRule> _rules = [];

    /// <summary>Rules in the order they run; every fact a rule reads is written by an earlier one.</summary>
    public required IReadOnlyList<INoiseRule> Rules
    {
        get => _rules;
        init => _rules = CheckOrder(value);
    }

    /// <summary>The numbers the rules compare with.</summary>
    public CleaningThresholds Thresholds { get; init; } = CleaningThresholds.Default;

    /// <summary>Text dumps: the learned line scorer that reviews the rules' decisions last (null: the rules decide alone).</summary>
    public LineModel? TextLineModel { get; init; }

    /// <summary>Text dumps: called with the blocks and language once the rules have decided, before the line model
    /// reviews them (the benchmarks' <c>cleaning features</c> writes the model's training rows here).</summary>
    internal Action<IReadOnlyList<Block>, string>? BeforeReview { get; init; }

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
        TextLineModel = LineModel.Default,
    };

    /// <summary>Throws when a rule reads a fact no earlier rule writes, or writes one an earlier rule already read
    /// (that reader would have seen it unfinished). A wrong order is a programming error, not bad input.</summary>
    internal static IReadOnlyList<INoiseRule> CheckOrder(IReadOnlyList<INoiseRule> rules)
    {
        PageFacts written = PageFacts.None, read = PageFacts.None;
        foreach (var rule in rules)
        {
            if ((rule.Reads & ~written) is var missing and not PageFacts.None)
            {
                throw new ArgumentException($"Rule '{rule.Name}' reads {missing}, which no earlier rule writes.", nameof(rules));
            }

            if ((rule.Writes & read) is var late and not PageFacts.None)
            {
                throw new ArgumentException($"Rule '{rule.Name}' writes {late}, which an earlier rule has already read.", nameof(rules));
            }

            written |= rule.Writes;
            read |= rule.Reads;
        }

        return rules;
    }
}
