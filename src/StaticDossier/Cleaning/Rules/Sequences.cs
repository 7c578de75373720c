namespace StaticDossier.Cleaning.Rules;

/// <summary>Word sequences two texts share: a copy repeats runs of words, while two paragraphs written to one
/// template ("learn more about Greeks in Australia", "... about New Zealanders ...") share words but not runs.</summary>
internal static class Sequences
{
    /// <summary>The share of the smaller key's word trigrams that the other key holds too (keys as
    /// <see cref="TextShape.Key(string)"/> makes them: lower-cased words, one space apart).</summary>
    public static double Shared(string a, string b)
    {
        var ta = Trigrams(a);
        var tb = Trigrams(b);
        if (ta.Count == 0 || tb.Count == 0)
        {
            return 0;
        }

        var (small, large) = ta.Count <= tb.Count ? (ta, tb) : (tb, ta);
        var shared = small.Count(large.Contains);
        return shared / (double)small.Count;
    }

    /// <summary>Whether <paramref name="copy"/> is the tail of <paramref name="original"/>: it opens with a run of words
    /// found inside the original past its start, and both end with the same words. Teasers, standfirsts and captions
    /// repeat a text's opening; a tail copy is a paragraph the original held after others (a teaser that ran the
    /// story's first paragraphs together, then the story itself).</summary>
    public static bool IsTail(string original, string copy)
    {
        var o = original.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var c = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (c.Length < 3 || c.Length >= o.Length || !o.AsSpan(o.Length - 3).SequenceEqual(c.AsSpan(c.Length - 3)))
        {
            return false;
        }

        var opening = c.AsSpan(0, 3);
        for (var p = 1; p + 3 <= o.Length; p++)
        {
            if (o.AsSpan(p, 3).SequenceEqual(opening))
            {
                return true;
            }
        }

        return false;
    }

    // Compared as words, not hashes: a collision must not decide what a page keeps. Only blocks that already share
    // four fifths of their words get here, so the sets are made rarely.
    private static HashSet<(string, string, string)> Trigrams(string key)
    {
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<(string, string, string)>();
        for (var i = 0; i + 2 < words.Length; i++)
        {
            set.Add((words[i], words[i + 1], words[i + 2]));
        }

        return set;
    }
}
