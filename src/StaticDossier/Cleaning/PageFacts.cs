namespace StaticDossier.Cleaning;

/// <summary>What a rule learns about the page for later rules, beyond its block decisions (which every later rule
/// sees: the first decision wins). Each rule declares the facts it reads and writes; <see cref="CleaningOptions"/>
/// checks that every fact is written before it is read, and <see cref="CleaningContext"/> that no rule touches a
/// fact it did not declare.</summary>
[Flags]
internal enum PageFacts
{
    None = 0,
    /// <summary>The headline.</summary>
    Title = 1,
    /// <summary>The publication date.</summary>
    Date = 2,
    /// <summary>The outlet or agency credited.</summary>
    Source = 4,
    /// <summary>The author credited.</summary>
    Byline = 8,
    /// <summary>Saved pages: the element elected as the article's container.</summary>
    Container = 16,
    /// <summary>Saved pages: which navigation-like ancestors are real noise (not a class name that lies).</summary>
    RealNoise = 32,
    /// <summary>Blocks dropped for their markup (<see cref="RuleIds.JudgesByMarkup"/>) are all decided.</summary>
    MarkupNoise = 64,
    /// <summary>Saved pages: the elements that directly hold the article's paragraphs.</summary>
    BodyElements = 128,
    /// <summary>Facts any rule may offer, first offer wins: the order only sets priority.</summary>
    Metadata = Title | Date | Source | Byline,
}
