namespace StaticDossier.Cleaning;

/// <summary>Word-level measures of a block's text: words, stop words, sentence shape, content words.</summary>
internal static partial class TextShape
{
    private static readonly char[] TrimChars =
        ['.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', '«', '»', '…', '-', '–', '—', '|', '/', '*'];

    /// <summary>Counts words and the stop words of both lists in one pass, without allocating (the classifier's hot loop).</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static StopCounts Count(string text)
    {
        Span<char> buffer = stackalloc char[24];
        int words = 0, en = 0, viOnly = 0, vi = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            // The word, lower-cased as it is read (its first characters: a longer word is no stop word). A word holds
            // letters, digits and marks of the Basic Multilingual Plane, whose lower case is one character each, and
            // apostrophes between letters.
            var length = 0;
            for (; i < text.Length; i++, length++)
            {
                var c = text[i];
                var lower = LowerWordChar(c);
                if (lower == '\0')
                {
                    if (c is not ('\'' or '’') || i + 1 == text.Length || !char.IsLetter(text[i + 1]))
                    {
                        break;
                    }

                    lower = c;
                }

                if (length < buffer.Length)
                {
                    buffer[length] = lower;
                }
            }

            if (length == 0)
            {
                continue;
            }

            words++;
            // A word longer than every stop word is none: no lookup.
            if (length <= LongestStopWord)
            {
                var lists = StopWordTable.Find(buffer[..length]);
                var isEnglish = (lists & StopLists.English) != 0;
                var isVietnamese = (lists & StopLists.Vietnamese) != 0;
                en += isEnglish ? 1 : 0;
                vi += isVietnamese ? 1 : 0;
                viOnly += isVietnamese && !isEnglish ? 1 : 0;
            }
        }

        return new StopCounts(words, en, viOnly, vi);
    }

    private static readonly int LongestStopWord = Lexicon.StopWords.Keys.Max(w => w.Length);

    // ASCII first, inlined into the loops that call it per character: the Unicode category lookup is the slow part,
    // and no ASCII character is a mark.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : IsOtherWordChar(c);

    // A word character's lower case (one table look-up for ASCII), or 0 for any other character.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static char LowerWordChar(char c) => c < 128 ? (char)LowerAsciiWordChars[c] : IsOtherWordChar(c) ? char.ToLowerInvariant(c) : '\0';

    private static bool IsOtherWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

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

    /// <summary>Content words (not stop words, at least 3 letters) for lexical overlap: the words between spaces,
    /// lower-cased, with surrounding punctuation trimmed.</summary>
    public static HashSet<string> ContentWords(string text, string language)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        AddContentWords(text, language, set);
        return set;
    }

    /// <summary>Adds <paramref name="text"/>'s <see cref="ContentWords"/> to <paramref name="set"/> (an ordinal set),
    /// making a string only for a word the set does not hold yet.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static void AddContentWords(string text, string language, HashSet<string> set)
    {
        var words = set.GetAlternateLookup<ReadOnlySpan<char>>();
        var stopLists = language == "vi" ? StopLists.English | StopLists.Vietnamese : StopLists.English;
        Span<char> buffer = stackalloc char[64];
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range).Trim(TrimChars);
            if (word.Length < 3)
            {
                continue;
            }

            // Lower-casing keeps the length (one char for one char, as string.ToLowerInvariant does).
            var lower = word.Length <= buffer.Length ? buffer[..word.Length] : new char[word.Length];
            word.ToLowerInvariant(lower);
            if ((StopWordTable.Find(lower) & stopLists) == 0)
            {
                words.Add(lower);
            }
        }
    }

    // Per ASCII character, its lower case when it is a word character (a letter or digit), else 0.
    private static ReadOnlySpan<byte> LowerAsciiWordChars =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
    ];

    /// <summary>Lower-cased words separated by single spaces (punctuation dropped), for equality tests.</summary>
    public static string Key(string text) => Key(text.AsSpan());

    /// <inheritdoc cref="Key(string)"/>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static string Key(ReadOnlySpan<char> text)
    {
        // A key is never longer than its text: one buffer, no builder growth.
        var rented = text.Length > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(text.Length) : null;
        var buffer = rented is null ? stackalloc char[512] : rented;
        var key = new string(buffer[..KeyInto(text, buffer)]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }

    /// <summary>Writes <see cref="Key(string)"/> of <paramref name="text"/> into <paramref name="key"/> (at least as long
    /// as the text) and returns its length: a key looked up or hashed need not be a string.</summary>
    public static int KeyInto(ReadOnlySpan<char> text, Span<char> key) =>
        System.Text.Ascii.IsValid(text) ? AsciiKeyInto(text, key) : AnyKeyInto(text, key);

    // Most lines are ASCII: keyed through the table alone, in a loop with no call (the call for other characters
    // kept the loop's variables on the stack, and keys are made of every line of every seed, twice).
    private static int AsciiKeyInto(ReadOnlySpan<char> text, Span<char> key)
    {
        var table = LowerAsciiWordChars;
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            var lower = (char)table[c];
            if (lower != '\0')
            {
                if (space && n > 0)
                {
                    key[n++] = ' ';
                }

                key[n++] = lower;
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return n;
    }

    private static int AnyKeyInto(ReadOnlySpan<char> text, Span<char> key)
    {
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            // The lower-case letter or digit, or 0 for a separator.
            var lower = LowerWordChar(c);
            if (lower != '\0')
            {
                if (space && n > 0)
                {
                    key[n++] = ' ';
                }

                key[n++] = lower;
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return n;
    }

    /// <summary>True for a line of program code (a statement ending in ";" or a brace, a comment, a call on a member,
    /// an assignment, a line of markup): documentation pages print code a line at a time, and a menu or a teaser never looks like it.</summary>
    public static bool LooksLikeCode(string text) => text.Length <= 200 && MightBeCode(text) && CodeLine().IsMatch(text);

    /// <summary>False only for a text <see cref="CodeLine"/> cannot match: every alternative but the leading keywords
    /// needs one of <see cref="CodeCharacters"/>. The regex tries each alternative at every position, which made it a
    /// tenth of cleaning a text dump, whose lines are mostly prose and menus with none of them.</summary>
    private static bool MightBeCode(string text)
    {
        var t = text.AsSpan();
        if (t.IndexOfAny(CodeCharacters) >= 0)
        {
            return true;
        }

        // The regex's \s is char.IsWhiteSpace's set (Unicode separators, \t to \r, U+0085).
        t = t.TrimStart();
        foreach (var keyword in CodeKeywords)
        {
            if (t.StartsWith(keyword, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> CodeCharacters = System.Buffers.SearchValues.Create(";{}[]()/*#<:=");

    private static readonly string[] CodeKeywords = ["import", "def", "var", "let", "const", "function", "return"];

    /// <summary>A line of raw markup (a <c>&lt;noscript&gt;</c> fallback printed as text, a listing's line of HTML):
    /// it opens and closes with a tag and most of its characters are inside tags, so however long it is, it is not prose.</summary>
    public static bool IsMarkup(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length < 3 || t[0] != '<' || t[^1] != '>')
        {
            return false;
        }

        int inside = 0, depth = 0;
        foreach (var c in t)
        {
            depth = c == '<' ? 1 : depth;
            inside += depth;
            depth = c == '>' ? 0 : depth;
        }

        return inside >= 0.6 * t.Length;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[;{}\[(]\s*$|^\s*(//|/\*|\*/|#include\b|import\s|def\s|var\s|let\s|const\s|function\b|return\b|(if|for|while)\s*\(|[{}\]]|</?[A-Za-z!][^>]*>|(for|while|if|elif|def|class|with)\s[^.!?]*:\s*$|[\w.]+\([^()]*\)\s*$|[\w.\[\]]+\s*[-+*/]?=\s*[^=\s])|\w\.\w+\(|\)\s*;|=>|\s[=!]==?\s")]
    internal static partial System.Text.RegularExpressions.Regex CodeLine();
}
