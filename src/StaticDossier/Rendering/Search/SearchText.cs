using System.Globalization;
using System.Text;

namespace StaticDossier.Rendering.Search;

/// <summary>How text becomes search words, the same way on both sides: the build indexes with this class and
/// <c>templates/assets/search.js</c> splits and folds the reader's query with the same rules (runs of letters,
/// digits and combining marks; lower case; accents dropped; đ→d). Browser tests check the two agree.</summary>
internal static class SearchText
{
    /// <summary>Longer runs (URLs without separators, base64) are not words anyone types.</summary>
    public const int MaxWordLength = 40;

    /// <summary>One word of a text: where it starts and ends (UTF-16 offsets), its lower-case spelling and its folded form.</summary>
    public readonly record struct Word(int Start, int End, string Exact, string Folded);

    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<Word> Words(string text)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text, i))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            if (i - start <= MaxWordLength)
            {
                var exact = text[start..i].ToLowerInvariant();
                yield return new Word(start, i, exact, Fold(exact));
            }
        }
    }

    /// <summary>Lower case without accents: "Đà Nẵng" → "da nang".</summary>
    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            folded.Append(c == 'đ' ? 'd' : c);
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether the character at <paramref name="i"/> belongs to a word; ASCII answered without a category lookup.</summary>
    internal static bool IsWordChar(string text, int i) => IsWordChar(text.AsSpan(), i);

    /// <inheritdoc cref="IsWordChar(string, int)"/>
    internal static bool IsWordChar(ReadOnlySpan<char> text, int i) => text[i] < 128 ? char.IsAsciiLetterOrDigit(text[i]) : Category(text, i) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The category of the character at <paramref name="i"/>, or of the code point a surrogate pair there makes
    /// (as <see cref="CharUnicodeInfo.GetUnicodeCategory(string, int)"/> reads a string).</summary>
    private static UnicodeCategory Category(ReadOnlySpan<char> text, int i) =>
        i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1])
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(text[i]);
}
