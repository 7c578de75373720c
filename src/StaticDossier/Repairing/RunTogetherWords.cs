namespace StaticDossier.Repairing;

/// <summary>Finds words a text dump ran together ("conflictin", "Thetwo", "inUkraine", "process,the") and decides,
/// word by word, whether ingest may repair one or only flag it.</summary>
/// <remarks>A word not in <see cref="WordList"/> that splits into exactly two listed words is a candidate, but a
/// two-word split alone is weak evidence: compounds missing from the list split too ("battlefront" → battle + front).
/// So a split is made only when one generic rule makes it near-certain (<see cref="RepairRules"/>); otherwise the
/// word is flagged and left as printed. Words of non-ASCII letters (Vietnamese names), capitals (acronyms), names
/// (capitalised inside a sentence), and a listed word with an ending (attach + es) are never touched.</remarks>
internal sealed class RunTogetherWords
{
    // Closed-class words that run into their neighbours ("conflictin", "andtake", "Forhis").
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "an", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "into",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "his", "her", "its", "their", "our", "my", "your",
        "this", "that", "these", "those", "he", "she", "it", "we", "they", "not", "than",
    };

    // Function words that also begin words as prefixes: as a first half they count only before another function word
    // ("Forhis"), so "inbound", "onboarding", "overstretched" and the like stay whole.
    private static readonly HashSet<string> PrefixLike = new(StringComparer.Ordinal)
    {
        "in", "on", "be", "to", "for", "by", "at", "as", "an", "or", "he", "we", "it", "his", "her", "our", "my", "is",
    };

    // Halves that build compounds ("counteroffensive", "transformative"): never a split's first half by length alone.
    private static readonly HashSet<string> CompoundPrefixes = new(StringComparer.Ordinal)
    {
        "anti", "auto", "back", "counter", "cross", "cyber", "down", "fore", "inter", "macro", "mega", "micro", "mini",
        "multi", "non", "out", "over", "post", "self", "semi", "sub", "super", "trans", "ultra", "under", "up",
    };

    // Endings a listed word takes that the list may lack ("attaches", "creativities").
    private static readonly string[] Endings = ["s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "ment", "ments", "ness", "ies", "ied"];

    private readonly HashSet<string> _nameWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameWordSpans;
    private readonly HashSet<string> _keep;

    /// <param name="nameWords">Words of curated names, as written ("Son", "Lavrov"): known words, and a split's
    /// first half when capitalised.</param>
    /// <param name="keep">Words a curator wants left as printed, ignoring case (a seed sidecar's <c>keep_words</c>).</param>
    public RunTogetherWords(IEnumerable<string> nameWords, IEnumerable<string> keep)
    {
        _nameWords = new HashSet<string>(nameWords, StringComparer.Ordinal);
        _nameWordSpans = _nameWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _keep = new HashSet<string>(keep, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A change to make at <paramref name="Index"/> in the text: <paramref name="Length"/> characters become
    /// <paramref name="Replacement"/>, for <paramref name="Rule"/> (null: only flag it). <paramref name="Split"/> is
    /// the word split in two; for a comma, the two words it joins.</summary>
    public readonly record struct Finding(int Index, int Length, string Replacement, string? Rule, string Split);

    /// <summary>Every candidate in <paramref name="text"/>, in order: with a rule (repair it) or without (flag it).
    /// Only comma spacing applies unless <paramref name="english"/>: Vietnamese spaces its syllables.</summary>
    public IEnumerable<Finding> Find(string text, bool english)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ',' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]) && !InAddress(text, i))
            {
                yield return new Finding(i, 1, ", ", RepairRules.SpaceAfterComma, WordAround(text, i));
            }

            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (english && Judge(text, start, i - start) is { } finding)
            {
                yield return finding;
            }
        }
    }

    private Finding? Judge(string text, int start, int length)
    {
        // Most words are known: they are told apart on the text itself, before any string is made for them.
        var letters = text.AsSpan(start, length);
        if (length < 5 || !System.Text.Ascii.IsValid(letters) || !letters.ContainsAnyExceptInRange('A', 'Z') || IsKnown(letters))
        {
            return null;
        }

        var word = letters.ToString();
        if (IsInflected(word.ToLowerInvariant()) || _keep.Contains(word) || Glued(text, start, length) || InAddress(text, start))
        {
            return null;
        }

        var nameLike = char.IsUpper(word[0]) && !StartsSentence(text, start);
        Finding? confident = null;
        var splits = 0;
        var confidentSplits = 0;
        string? firstSplit = null;
        for (var cut = 2; cut <= length - 2; cut++)
        {
            var left = word[..cut];
            var right = word[cut..];
            if (!IsKnown(left) || !IsKnown(right) || HasInnerCapital(left) || HasInnerCapital(right[1..]))
            {
                continue;
            }

            splits++;
            firstSplit ??= left + " " + right;
            if (Rule(left, right, nameLike) is { } rule)
            {
                confidentSplits++;
                confident = new Finding(start, length, left + " " + right, rule, left + " " + right);
            }
        }

        if (confidentSplits == 1)
        {
            return confident;
        }

        // A name, or a word with no split at all, is not flagged: only a plausible split is worth a curator's look.
        return splits > 0 && !nameLike ? new Finding(start, length, word, null, firstSplit!) : null;
    }

    private string? Rule(string left, string right, bool nameLike)
    {
        var l = left.ToLowerInvariant();
        var rightLower = right.All(char.IsLower);
        if (left.All(char.IsLower) && char.IsUpper(right[0]) && right[1..].All(char.IsLower))
        {
            return RepairRules.CamelCase;
        }

        if (char.IsUpper(left[0]) && _nameWords.Contains(left) && rightLower && right.Length >= 3)
        {
            return RepairRules.CuratedName;
        }

        if (nameLike || !rightLower)
        {
            return null; // "Putin" is not "Put in"
        }

        var leftFunction = FunctionWords.Contains(l);
        var rightFunction = FunctionWords.Contains(right);
        if ((leftFunction && rightFunction) || (rightFunction && left.Length >= 3) || (leftFunction && !PrefixLike.Contains(l) && right.Length >= 3))
        {
            return RepairRules.FunctionWord;
        }

        return left.Length >= 4 && right.Length >= 4 && left.Length + right.Length >= 13 && !CompoundPrefixes.Contains(l)
            ? RepairRules.LongHalves
            : null;
    }

    // "process,the": the words on either side of the comma at <paramref name="comma"/>, for the record.
    private static string WordAround(string text, int comma)
    {
        var from = comma;
        while (from > 0 && char.IsLetter(text[from - 1]))
        {
            from--;
        }

        var to = comma + 1;
        while (to < text.Length && char.IsLetter(text[to]))
        {
            to++;
        }

        return text[from..to];
    }

    private bool IsKnown(string word) => WordList.Contains(word.ToLowerInvariant()) || _nameWords.Contains(word);

    // IsKnown for ASCII letters, lower-cased into a buffer rather than a new string.
    private bool IsKnown(ReadOnlySpan<char> letters)
    {
        if (letters.Length > 64)
        {
            return IsKnown(letters.ToString());
        }

        Span<char> lower = stackalloc char[letters.Length];
        System.Text.Ascii.ToLower(letters, lower, out _);
        return WordList.Contains(lower) || _nameWordSpans.Contains(letters);
    }

    /// <summary>A listed word with an ending the list lacks ("attach" + "es"): a real word, never split.</summary>
    private static bool IsInflected(string lower)
    {
        foreach (var ending in Endings)
        {
            if (!lower.EndsWith(ending, StringComparison.Ordinal) || lower.Length - ending.Length < 3)
            {
                continue;
            }

            var stem = lower[..^ending.Length];
            if (WordList.Contains(stem) || WordList.Contains(stem + "e") || WordList.Contains(stem + "y")
                || (stem.Length > 3 && stem[^1] == stem[^2] && WordList.Contains(stem[..^1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasInnerCapital(string s) => s.Length > 1 && s[1..].Any(char.IsUpper);

    // Joined to digits, hyphens or apostrophes ("COVID19", "socio-economic", "don't"): not a run-together word.
    private static bool Glued(string text, int start, int length)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        var after = start + length < text.Length ? text[start + length] : ' ';
        return char.IsDigit(before) || char.IsDigit(after) || before is '-' or '_' or '\'' or '’' or '@' or '/' or '.'
               || after is '-' or '_' or '@' or '/' || (after is '.' && start + length + 1 < text.Length && char.IsLetter(text[start + length + 1]));
    }

    // Inside an address or a file name ("vnanet.vn/a,b", "name@site"): left alone.
    private static bool InAddress(string text, int index)
    {
        var from = index;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            from--;
        }

        var to = index;
        while (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            to++;
        }

        var chunk = text.AsSpan(from, to - from);
        return chunk.Contains("://", StringComparison.Ordinal) || chunk.Contains("www.", StringComparison.Ordinal) || chunk.Contains('@') || chunk.Contains('/');
    }

    // At the start of the block or after a sentence's end: a capital says nothing about a name there.
    private static bool StartsSentence(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '(' or '\''))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '—' or '–';
    }
}
