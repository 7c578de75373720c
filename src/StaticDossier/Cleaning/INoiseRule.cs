namespace StaticDossier.Cleaning;

/// <summary>One cleaning heuristic. Rules run in the order of <see cref="CleaningOptions.Rules"/>; each decides
/// blocks no earlier rule has decided (first decision wins) and may record metadata.</summary>
internal interface INoiseRule
{
    /// <summary>Short stable name, printed by <c>dossier explain</c>.</summary>
    string Name { get; }

    /// <summary>Reads the page's blocks and decides some of them.</summary>
    void Apply(CleaningContext context);
}
