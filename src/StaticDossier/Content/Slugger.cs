using System.Globalization;
using System.Text;

namespace StaticDossier.Content;

/// <summary>Makes URL- and file-safe slugs: ASCII, lower case, hyphens; never a path.</summary>
public static class Slugger
{
    /// <summary>Longest slug produced; file systems and readers both prefer short names.</summary>
    public const int MaxLength = 80;

    /// <summary>Slugifies <paramref name="text"/>, cut to <paramref name="maxLength"/> at a word boundary;
    /// "untitled" when nothing usable is left.</summary>
    public static string Slugify(string text, int maxLength = MaxLength)
    {
        var slug = Hyphenate(Fold(text));
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength];
            var cut = slug.LastIndexOf('-');
            slug = (cut > maxLength / 2 ? slug[..cut] : slug).Trim('-');
        }

        return slug.Length == 0 ? "untitled" : slug;
    }

    // ASCII letters and digits, lower case, every other run of characters one hyphen; none at either end.
    private static string Hyphenate(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>A headline's slug, for an ingested page's file name (and so its URL): when too long, cut between words,
    /// never inside a run of capitalised words (a name: "Việt Nam", "Phạm Minh Chính") nor after a function word
    /// ("…-between"). Curated slugs and file names keep <see cref="Slugify"/>'s cut, so their URLs never move.</summary>
    public static string ForTitle(string title, int maxLength = MaxLength)
    {
        if (Hyphenate(Fold(title)).Length <= maxLength)
        {
            return Slugify(title, maxLength);
        }

        // Units a cut may not enter: a name's words together, every other word alone; punctuation ends a name.
        var units = new List<string>();
        var inName = false;
        foreach (var token in Fold(title).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = Hyphenate(token);
            if (part.Length == 0)
            {
                inName = false; // a dash or other mark alone
                continue;
            }

            var capital = char.IsUpper(token.First(char.IsAsciiLetterOrDigit));

            if (capital && inName)
            {
                units[^1] += "-" + part;
            }
            else
            {
                units.Add(part);
            }

            inName = capital && char.IsLetterOrDigit(token[^1]);
        }

        var taken = new List<string>();
        var length = -1;
        foreach (var unit in units)
        {
            if (length + 1 + unit.Length > maxLength)
            {
                break;
            }

            taken.Add(unit);
            length += 1 + unit.Length;
        }

        while (taken.Count > 1 && Cleaning.Lexicon.IsStopWord("en", taken[^1]))
        {
            taken.RemoveAt(taken.Count - 1);
        }

        // A headline in title case is one long "name": cut it between words instead.
        var slug = string.Join('-', taken);
        return slug.Length > maxLength / 2 ? slug : TrimFunctionWords(Slugify(title, maxLength));
    }

    private static string TrimFunctionWords(string slug)
    {
        var words = slug.Split('-').ToList();
        while (words.Count > 1 && Cleaning.Lexicon.IsStopWord("en", words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join('-', words);
    }

    /// <summary>Removes diacritics (đ → d included) for matching and slugs: "Phạm Bình Minh" → "Pham Binh Minh".</summary>
    public static string Fold(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text; // nothing to decompose: most articles are English
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'đ': sb.Append('d'); break;
                case 'Đ': sb.Append('D'); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
