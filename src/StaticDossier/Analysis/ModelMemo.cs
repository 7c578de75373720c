using System.Runtime.CompilerServices;

namespace StaticDossier.Analysis;

/// <summary>What a long-lived builder (<c>serve</c>) keeps of the model between builds: each article's folded text and
/// its words, found by the very plain-text string the body cache keeps for an unchanged body (and checked against the
/// title), so an unchanged article is not folded and tokenised again. The model built from them is the same.</summary>
internal sealed class ModelMemo
{
    private readonly ConditionalWeakTable<string, Tuple<string, string>> _keys = new();

    /// <summary>The folded words of the text, for <see cref="TextSimilarity"/>.</summary>
    internal TextSimilarity.Memo Words { get; } = new();

    /// <summary><see cref="TermMatcher.Key(string, string?)"/> of <paramref name="title"/> and <paramref name="plain"/>.</summary>
    public string Key(string title, string plain)
    {
        if (_keys.TryGetValue(plain, out var known) && known.Item1 == title)
        {
            return known.Item2;
        }

        var key = TermMatcher.Key(title, plain);
        _keys.AddOrUpdate(plain, Tuple.Create(title, key));
        return key;
    }
}
