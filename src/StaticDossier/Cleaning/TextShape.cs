namespace StaticDossier.Cleaning;

/// <summary>Word-level measures of a block's text: words, stop words, sentence shape, content words.</summary>
internal static class TextShape
{
    /// <summary>Lower-cased words with surrounding punctuation trimmed.</summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim(TrimChars);
            if (w.Length > 0)
            {
                yield return w.ToLowerInvariant();
            }
        }
    }

    private static readonly char[] TrimChars =
        ['.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', '«', '»', '…', '-', '–', '—', '|', '/', '*'];

    /// <summary>Counts words and stop words.</summary>
    public static (int Words, int Stop) Count(string text, string language)
    {
        int words = 0, stop = 0;
        foreach (var w in Words(text))
        {
            words++;
            if (Lexicon.IsStopWord(language, w))
            {
                stop++;
            }
        }

        return (words, stop);
    }

    /// <summary>True when the text ends like a sentence.</summary>
    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0)
        {
            return false;
        }

        var c = t[^1];
        if (c is '"' or '”' or '’' or ')' or '»' or '\'')
        {
            t = t[..^1].TrimEnd();
            c = t.Length > 0 ? t[^1] : ' ';
        }

        return c is '.' or '!' or '?' or '…' or ':' or '。' or '！' or '？' or '」' or '؟' or '।';
    }

    /// <summary>Content words (not stop words, at least 3 letters) for lexical overlap.</summary>
    public static HashSet<string> ContentWords(string text, string language)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in Words(text))
        {
            if (w.Length >= 3 && !Lexicon.IsStopWord(language, w) && !Lexicon.IsStopWord("en", w))
            {
                set.Add(w);
            }
        }

        return set;
    }

    /// <summary>Whitespace-collapsed, lower-cased text for equality tests.</summary>
    public static string Key(string text) => string.Join(' ', Words(text));
}
