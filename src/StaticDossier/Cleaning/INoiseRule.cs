namespace StaticDossier.Cleaning;

/// <summary>One cleaning heuristic. Rules run in the order of <see cref="CleaningOptions.Rules"/>; each decides
/// blocks no earlier rule has decided (first decision wins) and may record facts about the page. A rule declares
/// the facts it reads and writes, so the order they need is checked, not remembered.</summary>
internal interface INoiseRule
{
    /// <summary>The rule's id; its name is printed by <c>dossier explain</c>.</summary>
    RuleId Id { get; }

    /// <summary>Short stable name, printed by <c>dossier explain</c>.</summary>
    string Name => Id.Name();

    /// <summary>Facts an earlier rule must have written before this one runs.</summary>
    PageFacts Reads => PageFacts.None;

    /// <summary>Facts this rule writes (or offers, for <see cref="PageFacts.Metadata"/>).</summary>
    PageFacts Writes => PageFacts.None;

    /// <summary>Reads the page's blocks and decides some of them.</summary>
    void Apply(CleaningContext context);
}
