using System.Buffers;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Photo captions and credits (<c>Photos: VNA |</c>, <c>(Photo: VNA)</c>, <c>- Ảnh: VGP/…</c>,
/// <c>FILE - …</c>, figure captions) describe a picture, not the story.</summary>
internal sealed class CaptionRule : INoiseRule
{
    private static readonly string[] CreditWords = ["photo", "photos", "ảnh", "image", "picture", "hình", "credit", "photograph"];

    private static readonly SearchValues<string> Agencies = SearchValues.Create(
        ["Getty Images", "AP Photo", "Shutterstock", "AFP Photo", "Reuters Photo"], StringComparison.Ordinal);

    public RuleId Id => RuleId.Caption;

    public void Apply(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (b.IsDecided)
            {
                continue;
            }

            if (b.InFigure)
            {
                b.Decide(false, BlockRole.Caption, "inside a figure", Id);
            }
            else if (b.Words <= 60 && Caption(b.Text) is { } why)
            {
                b.Decide(false, BlockRole.Caption, $"photo caption ({why})", Id);
            }
        }
    }

    private static string? Caption(string text)
    {
        var t = text.AsSpan().TrimEnd();
        if (t.StartsWith("FILE -") || t.StartsWith("FILE –") || t.StartsWith("FILE PHOTO") || t.StartsWith("FILE:"))
        {
            return "file photo";
        }

        if (t.EndsWith('|'))
        {
            return "ends with a credit bar";
        }

        if (t.EndsWith(')') && t.LastIndexOf('(') is var open and >= 0 && StartsWithCreditWord(t[(open + 1)..]))
        {
            return "credit in brackets";
        }

        // "… - Ảnh: VGP/Hải Minh", "… Photo: Reuters": a credit word and a colon near the end.
        for (var colon = t.LastIndexOf(':'); colon > 0 && t.Length - colon <= 45; colon = t[..colon].LastIndexOf(':'))
        {
            var before = t[..colon].TrimEnd();
            var space = before.LastIndexOfAny(' ', '(', '-');
            if (StartsWithCreditWord(before[(space + 1)..]) && before.Length - space - 1 <= 12)
            {
                return "credit '" + before[(space + 1)..].ToString() + ":'";
            }
        }

        return t.IndexOfAny(Agencies) >= 0 ? "agency photo credit" : null;
    }

    private static bool StartsWithCreditWord(ReadOnlySpan<char> s)
    {
        foreach (var w in CreditWords)
        {
            if (s.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (s.Length == w.Length || !char.IsLetter(s[w.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
