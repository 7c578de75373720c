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
        var folded = Fold(text);
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

        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength];
            var cut = slug.LastIndexOf('-');
            slug = (cut > maxLength / 2 ? slug[..cut] : slug).Trim('-');
        }

        return slug.Length == 0 ? "untitled" : slug;
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
