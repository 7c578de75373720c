using System.Buffers;

namespace StaticDossier.Content;

/// <summary>Sets of characters defined by a rule, for a vectorised test of whether a text holds any of them before a
/// per-character loop that applies the rule.</summary>
internal static class CharSets
{
    /// <summary>Every UTF-16 code unit for which <paramref name="rule"/> holds.</summary>
    public static SearchValues<char> Where(Func<char, bool> rule) =>
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(rule)]);
}
