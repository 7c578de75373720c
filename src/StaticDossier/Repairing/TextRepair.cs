namespace StaticDossier.Repairing;

/// <summary>One change ingest made to the text as the seed printed it, recorded so a curator can check and undo it.</summary>
/// <param name="Line">The seed line of the block changed (0 when unknown).</param>
/// <param name="Column">1-based position in that block's text.</param>
/// <param name="Original">The text as printed.</param>
/// <param name="Replacement">What the article has instead ("" when it was moved out, as a lede taken as the title).</param>
/// <param name="Rule">Why ingest was sure: <see cref="RepairRules"/>.</param>
public sealed record TextRepair(int Line, int Column, string Original, string Replacement, string Rule);

/// <summary>A word that may be two run together, left as printed because no rule made ingest sure: a warning.</summary>
/// <param name="Line">The seed line of the block (0 when unknown).</param>
/// <param name="Column">1-based position in that block's text.</param>
/// <param name="Word">The word as printed.</param>
/// <param name="Split">The split it might be ("battle front").</param>
public sealed record SuspectWord(int Line, int Column, string Word, string Split);

/// <summary>The names of the repair rules, as written in <c>.ingest/</c> and shown by <c>dossier explain</c>.</summary>
public static class RepairRules
{
    /// <summary>"conflictin" → "conflict in": one half is a function word (the, in, and, with, for, of, is …).</summary>
    public const string FunctionWord = "function-word";

    /// <summary>"Sonaffirmed" → "Son affirmed": the first half is a word of a curated name (site.yml people, tags, sources).</summary>
    public const string CuratedName = "curated-name";

    /// <summary>"inUkraine" → "in Ukraine": a lower-case word runs into a capitalised one.</summary>
    public const string CamelCase = "camel-case";

    /// <summary>"internationaldisputes" → "international disputes": both halves long, the split the only one.</summary>
    public const string LongHalves = "long-halves";

    /// <summary>"process,the" → "process, the": a comma between two letters.</summary>
    public const string SpaceAfterComma = "space-after-comma";

    /// <summary>A page with no headline: the lede's first sentence became the title, so it leaves the body.</summary>
    public const string TitleFromLede = "title-from-lede";
}
