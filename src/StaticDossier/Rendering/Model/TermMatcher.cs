using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;

namespace StaticDossier.Rendering.Model;

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

    /// <summary>As <see cref="Match"/>, for text already folded by <see cref="Key"/>.</summary>
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

        var haystack = " " + key + " ";
        foreach (var (spelling, name) in _spellings)
        {
            if (!names.Contains(name) && haystack.Contains(" " + spelling + " ", StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    /// <summary>Folds diacritics and case, and turns every run of non-letters into one space.</summary>
    internal static string Key(string text)
    {
        var folded = Slugger.Fold(text);
        // Every body is folded once per build: one pooled buffer instead of a growing StringBuilder.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(folded.Length);
        var length = 0;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (length > 0 && buffer[length - 1] != ' ')
            {
                buffer[length++] = ' ';
            }
        }

        var key = new string(buffer, 0, length > 0 && buffer[length - 1] == ' ' ? length - 1 : length);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return key;
    }
}
