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

    /// <summary>As <see cref="Of(string)"/> of the UTF-8 <paramref name="text"/>, decoding only its beginning: a lead is read
    /// from the first <see cref="MaxLength"/> characters or so, and a body is some thousands.</summary>
    public static string Of(ReadOnlySpan<byte> text)
    {
        // 1 KB holds at least 256 characters; a cut inside a character is moved back to its first byte.
        if (text.Length > PrefixBytes)
        {
            var cut = PrefixBytes;
            while (cut > 0 && (text[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            // Of reads at most the first MaxLength + 1 characters after leading white space, so a prefix that keeps more
            // than that once trimmed gives the same lead as the whole text.
            var prefix = System.Text.Encoding.UTF8.GetString(text[..cut]);
            if (prefix.AsSpan().Trim().Length > MaxLength + 1)
            {
                return Of(prefix);
            }
        }

        return Of(System.Text.Encoding.UTF8.GetString(text));
    }

    private const int PrefixBytes = 1024;

    /// <summary>As <see cref="Words(string)"/> of the UTF-8 <paramref name="text"/>. A body's text arrives collapsed (single
    /// spaces, no other white space, nothing at either end), where the words are the spaces plus one, counted on every
    /// core's vector lanes; any other text is decoded and walked.</summary>
    public static int Words(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        if (text[0] != (byte)' ' && text[^1] != (byte)' ' && text.IndexOfAny(OtherSpace) < 0 && text.IndexOf("  "u8) < 0)
        {
            return text.Count((byte)' ') + 1;
        }

        return Words(System.Text.Encoding.UTF8.GetString(text));
    }

    // What char.IsWhiteSpace holds besides the space, as the bytes that begin it in UTF-8 (0xC2: U+0085 and U+00A0;
    // 0xE1, 0xE2, 0xE3: U+1680, U+2000-U+205F and U+3000, and other characters: the slow way is then merely taken).
    private static readonly System.Buffers.SearchValues<byte> OtherSpace =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(c => char.IsWhiteSpace((char)c)).Select(c => (byte)c), 0xC2, 0xE1, 0xE2, 0xE3]);

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
