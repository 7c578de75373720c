using System.Numerics;

namespace StaticDossier.Cleaning;

/// <summary><see cref="Lexicon.StopWords"/> as a fixed open-addressed table, looked up by a lower-cased word in a
/// buffer: the classifier and the content-word sets look up every word of a page, and the frozen dictionary's
/// lookup by span (a delegate for the hash and one for the comparison) was a twentieth of cleaning a dump.</summary>
/// <remarks>The table is built once from the fixed lists and never grows, so no input can lengthen its probes.</remarks>
internal static class StopWordTable
{
    private static readonly string?[] Keys;
    private static readonly StopLists[] Lists;
    private static readonly int Mask;

    static StopWordTable()
    {
        // Four slots a word: probes stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Lexicon.StopWords.Count * 4);
        Keys = new string?[size];
        Lists = new StopLists[size];
        Mask = size - 1;
        foreach (var (word, lists) in Lexicon.StopWords)
        {
            var i = Slot(word);
            while (Keys[i] is not null)
            {
                i = (i + 1) & Mask;
            }

            Keys[i] = word;
            Lists[i] = lists;
        }
    }

    /// <summary>The lists <paramref name="lowerWord"/> is on (<see cref="StopLists.None"/> for a word on none), as
    /// <see cref="Lexicon.StopWords"/> holds it.</summary>
    public static StopLists Find(ReadOnlySpan<char> lowerWord)
    {
        for (var i = Slot(lowerWord); ; i = (i + 1) & Mask)
        {
            var key = Keys[i];
            if (key is null)
            {
                return StopLists.None;
            }

            if (lowerWord.SequenceEqual(key))
            {
                return Lists[i];
            }
        }
    }

    // FNV-1a over the characters.
    private static int Slot(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var c in word)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)(h ^ (h >> 16)) & Mask;
    }
}
