namespace StaticDossier.Analysis;

/// <summary>What lists show of an article without its front matter <c>summary</c>: its first sentences, as many as fit
/// in about two lines of a list, and its length in words for the reading time.</summary>
internal static class Lead
{
    /// <summary>The longest lead: about two lines of a list on a desktop, or a search engine's description.</summary>
    public const int MaxLength = 200;

    /// <summary>A lead shorter than this takes the next sentence too (a dateline or a one-word sentence says nothing).</summary>
    private const int MinLength = 60;

    /// <summary>Whole sentences up to <see cref="MaxLength"/> characters; a first sentence longer than that is cut at a
    /// word and ends with an ellipsis.</summary>
    public static string Of(string text)
    {
        text = text.Trim();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var end = -1;
        for (var i = MinLength; i < MaxLength && i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' or '…' && char.IsWhiteSpace(text[i + 1]) && !IsInitial(text, i))
            {
                end = i + 1;
            }
        }

        if (end > 0)
        {
            return text[..end];
        }

        var cut = text.LastIndexOf(' ', MaxLength);
        return text[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Words (for Vietnamese, syllables) separated by white space.</summary>
    public static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    // "U.S. officials", "A. Kurenkov": a full stop after a single capital is an initial, not a sentence's end.
    private static bool IsInitial(string text, int dot) =>
        text[dot] == '.' && dot >= 1 && char.IsUpper(text[dot - 1]) && (dot == 1 || !char.IsLetter(text[dot - 2]));
}
