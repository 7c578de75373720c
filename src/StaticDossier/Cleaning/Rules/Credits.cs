using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Recognises credit lines: a source outlet (<c>chinhphu.vn</c>, <c>Source: VNA</c>) or a byline
/// (<c>By Jane Roe</c>, or a bare name right after the last paragraph).</summary>
internal static partial class Credits
{
    public enum Kind
    {
        None,
        Source,
        Byline,
    }

    /// <summary>What kind of credit <paramref name="text"/> is, and the credited name.</summary>
    public static (Kind Kind, string Value) Read(string text, bool bareNameAllowed)
    {
        var t = text.Trim();
        if (t.Length > 60)
        {
            return (Kind.None, string.Empty);
        }

        if (Domain().IsMatch(t))
        {
            return (Kind.Source, t.TrimEnd('.'));
        }

        if (SourceLabel().Match(t) is { Success: true } s)
        {
            return (Kind.Source, s.Groups["v"].Value.Trim().TrimEnd('.'));
        }

        if (ByLabel().Match(t) is { Success: true } by)
        {
            // "By Tess Bonn - 11/19/19 06:56 AM EST": the name ends at the first separator.
            var name = by.Groups["v"].Value.Split([" - ", " – ", " — ", " | ", ", ", " on "], 2, StringSplitOptions.None)[0].Trim();
            if (IsName(name, 8))
            {
                return (Kind.Byline, name);
            }
        }

        return bareNameAllowed && IsName(t, 4) ? (Kind.Byline, t) : (Kind.None, string.Empty);
    }

    // Two to max capitalised words, no digits, no stop words, no sentence punctuation.
    private static bool IsName(string text, int max)
    {
        var words = text.Split([' ', ',', '&'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > max || Lexicon.EndSectionHeadings.Contains(TextShape.Key(text)))
        {
            return false;
        }

        foreach (var w in words)
        {
            var lower = w.ToLowerInvariant();
            if (!char.IsUpper(w[0]) && lower is not ("and" or "và"))
            {
                return false;
            }

            if (w.Any(c => char.IsDigit(c) || c is '.' or '!' or '?' or ':' or '"' or '“') && !(w.Length == 2 && w[1] == '.'))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(vn|com|net|org|gov|info|news|edu|co|ru|uk|int)(\.[a-z]{2})?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Domain();

    [GeneratedRegex(@"^(Source|Sources|Nguồn|Theo)\s*:?\s+(?<v>.{2,40})$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLabel();

    [GeneratedRegex(@"^(By|Bởi|Written by|Reporting by|Story by)\s*:?\s+(?<v>.{2,60})$", RegexOptions.IgnoreCase)]
    private static partial Regex ByLabel();
}
