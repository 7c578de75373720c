using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;

namespace StaticDossier.Analysis;

/// <summary>Finds curated terms (people, tags) in front matter and in article text. Matching is on whole
/// words, ignoring case and diacritics, so "Sergei Lavrov", "Sergey Lavrov" and "Lavrov" meet on one name.</summary>
internal sealed class TermMatcher
{
    private readonly List<(string Key, string Name)> _spellings;
    private readonly Dictionary<string, string> _byKey;

    /// <summary>Builds the matcher; a spelling claimed by two terms stays with the first and, when
    /// <paramref name="diagnostics"/> is given, is reported as a warning against <paramref name="source"/>.</summary>
    public TermMatcher(IEnumerable<TermConfig> terms, DiagnosticBag? diagnostics = null, string source = "site.yml", string key = "people")
    {
        _spellings = [];
        _byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            foreach (var spelling in (term.Aliases ?? []).Prepend(term.Name))
            {
                var folded = Key(spelling);
                if (folded.Length == 0)
                {
                    continue;
                }

                if (_byKey.TryAdd(folded, term.Name))
                {
                    _spellings.Add((folded, term.Name));
                }
                else if (_byKey[folded] != term.Name)
                {
                    diagnostics?.Warning(DiagnosticCodes.ConfigValue,
                        $"'{spelling}' in '{key}' belongs to both '{_byKey[folded]}' and '{term.Name}' (case and diacritics are ignored); it leads to '{_byKey[folded]}'.",
                        SourceLocation.InFile(source));
                }
            }
        }

        // Longest first, so "Sergei Lavrov" is seen before "Lavrov" (both lead to the same name anyway).
        _spellings.Sort((a, b) => b.Key.Length != a.Key.Length ? b.Key.Length.CompareTo(a.Key.Length) : string.CompareOrdinal(a.Key, b.Key));
    }

    /// <summary>The canonical names for <paramref name="declared"/> (front matter) plus every curated term
    /// found in <paramref name="text"/>; ordinal order, no duplicates. A declared name that is not curated
    /// is kept as written.</summary>
    public List<string> Match(IEnumerable<string>? declared, string text) => MatchKey(declared, Key(text));

    /// <summary>As <see cref="Match"/>, for text already folded by <see cref="Key(string)"/>.</summary>
    public List<string> MatchKey(IEnumerable<string>? declared, string key)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in declared ?? [])
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add(_byKey.TryGetValue(Key(name), out var canonical) ? canonical : name.Trim());
            }
        }

        foreach (var (spelling, name) in _spellings)
        {
            if (!names.Contains(name) && ContainsWords(key, spelling))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    /// <summary>Whether <paramref name="spelling"/> occurs in <paramref name="key"/> as whole words (both folded).</summary>
    private static bool ContainsWords(string key, string spelling)
    {
        for (var at = key.IndexOf(spelling, StringComparison.Ordinal); at >= 0; at = key.IndexOf(spelling, at + 1, StringComparison.Ordinal))
        {
            var end = at + spelling.Length;
            if ((at == 0 || key[at - 1] == ' ') && (end == key.Length || key[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folds diacritics and case, and turns every run of non-letters into one space.</summary>
    internal static string Key(string text) => Key(text, (string?)null);

    /// <summary>As <see cref="Key(string)"/> of <paramref name="first"/>, a line break and <paramref name="second"/>,
    /// without joining them first.</summary>
    internal static string Key(string first, string? second) => Key(first, second, second is not null);

    /// <summary>As <see cref="Key(string, string?)"/> with the UTF-8 text <paramref name="second"/> (an article's body),
    /// decoded into a pooled buffer rather than a string of its own.</summary>
    internal static string Key(string first, Rendering.BodyText second)
    {
        var bytes = second.Bytes;
        // UTF-8 never takes fewer bytes than UTF-16 takes characters.
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            return Key(first, chars.AsSpan(0, System.Text.Encoding.UTF8.GetChars(bytes, chars)), true);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string Key(string first, ReadOnlySpan<char> second, bool hasSecond)
    {
        // Every body is folded once per build: one pooled buffer, and a table for the letters of the scripts a
        // dossier is written in; only text with other characters takes the way through Unicode normalisation.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(first.Length + second.Length + 1);
        try
        {
            var length = 0;
            if (!FoldInto(first, buffer, ref length) || (hasSecond && !(FoldInto("\n", buffer, ref length) && FoldInto(second, buffer, ref length))))
            {
                return KeyByNormalising(hasSecond ? string.Concat(first, "\n", second) : first);
            }

            return Finish(buffer, length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends the folded <paramref name="text"/>; false when a character is outside <see cref="Folds"/>.</summary>
    private static bool FoldInto(ReadOnlySpan<char> text, char[] buffer, ref int length)
    {
        var folds = Folds.Value;
        foreach (var c in text)
        {
            if (c >= folds.Length)
            {
                return false;
            }

            var folded = folds[c];
            if (folded == Dropped)
            {
                continue;
            }

            if (folded == Unfoldable)
            {
                return false;
            }

            Put(folded, buffer, ref length);
        }

        return true;
    }

    /// <summary>The key in <paramref name="buffer"/>, without the space a trailing separator left.</summary>
    private static string Finish(char[] buffer, int length) => new(buffer, 0, length > 0 && buffer[length - 1] == ' ' ? length - 1 : length);

    /// <summary>Appends a key character: a letter or digit as it is, a separator as one space between words.</summary>
    private static void Put(char key, char[] buffer, ref int length)
    {
        if (key != ' ')
        {
            buffer[length++] = key;
        }
        else if (length > 0 && buffer[length - 1] != ' ')
        {
            buffer[length++] = ' ';
        }
    }

    private const char Dropped = '\uFFFF';
    private const char Unfoldable = '\uFFFE';

    // Latin, IPA, Greek, Cyrillic, Latin and Greek extended (Vietnamese), punctuation and symbols. None of them
    // composes with a neighbour once marks are gone, so folding one character at a time gives what normalising the
    // whole text does; the tests hold the two to each other.
    private static readonly (int First, int Last)[] TableRanges = [(0x0000, 0x052F), (0x1D00, 0x1DFF), (0x1E00, 0x1FFF), (0x2000, 0x2BFF)];

    /// <summary>Each character's key: a lower-case letter or digit, ' ' for a separator, <see cref="Dropped"/> for a
    /// combining mark, <see cref="Unfoldable"/> when it must go through normalisation with its neighbours.</summary>
    private static readonly Lazy<char[]> Folds = new(() =>
    {
        var folds = new char[TableRanges[^1].Last + 1];
        Array.Fill(folds, Unfoldable);
        foreach (var (firstChar, lastChar) in TableRanges)
        {
            for (var c = firstChar; c <= lastChar; c++)
            {
                var folded = Slugger.Fold(((char)c).ToString());
                folds[c] = folded.Length switch
                {
                    0 => Dropped,
                    1 when char.IsLetterOrDigit(folded[0]) => char.ToLowerInvariant(folded[0]),
                    1 => ' ',
                    _ => Unfoldable,
                };
            }
        }

        return folds;
    });

    /// <summary>The key by Unicode normalisation of the whole text: for text outside the table's scripts.</summary>
    internal static string KeyByNormalising(string text)
    {
        var folded = Slugger.Fold(text);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(folded.Length);
        var length = 0;
        foreach (var c in folded)
        {
            Put(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ', buffer, ref length);
        }

        var key = Finish(buffer, length);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return key;
    }
}
