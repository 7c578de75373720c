using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning.Rules;

/// <summary>A short line that is mostly a date (<c>20:44 | 29/05/2020</c>, <c>Chris Davies - Nov 19, 2019</c>)
/// is metadata, not body; so is a date label glued to the lede (<c> date 2026-03-05 HÀ NỘI —</c>). The page's
/// date is the first such date above the article's prose, never one inside teasers or captions.</summary>
internal sealed partial class DateLineRule : INoiseRule
{
    public RuleId Id => RuleId.DateLine;

    public PageFacts Writes => PageFacts.Date | PageFacts.Byline;

    public void Apply(CleaningContext context)
    {
        var blocks = context.Blocks;
        // Day first: the dossier's outlets (Vietnamese, British, agency English) write 29/05/2020.
        const bool monthFirst = false;
        var firstGood = FirstGood(blocks);
        foreach (var b in blocks)
        {
            // Captions were decided first: a file photo's date is not the article's. Long blocks only matter
            // when a date label opens them.
            if (b.IsDecided || (b.Words > 16 && !LeadingLabel().IsMatch(b.Text)) || DateFinder.Find(b.Text, monthFirst) is not { } found)
            {
                continue;
            }

            var nearTop = b.Index <= firstGood + 2;
            var label = LeadingLabel().Match(b.Text);
            if (label.Success && label.Index == 0 && found.Index <= label.Length + 1 && b.Words > 15)
            {
                // A date label glued in front of the lede: the date leaves, the prose stays.
                b.Text = b.Text[(found.Index + found.Length)..].TrimStart(' ', ',', '|', '-');
                context.OfferDate(found.Date);
                continue;
            }

            var rest = b.Text.Remove(found.Index, found.Length);
            var restWords = TimeOfDay().Replace(rest, " ").Split([' ', '|', '-', '–', '—', ',', '/'], StringSplitOptions.RemoveEmptyEntries).Length;
            if (b.Words > 16 || restWords > 9 || b.Class == BlockClass.Good)
            {
                continue;
            }

            if (!nearTop && b.Index > firstGood && InsideProse(blocks, b.Index))
            {
                // A dated line between two paragraphs (an embedded post's signature) is content.
                continue;
            }

            b.Decide(false, BlockRole.Date, $"date line ({found.Date:yyyy-MM-dd})", Id);
            if (nearTop)
            {
                context.OfferDate(found.Date);
                if (context.Byline is null && BylineBefore(b.Text[..found.Index]) is { } byline)
                {
                    context.OfferByline(byline);
                }
            }
        }
    }

    private static bool InsideProse(IReadOnlyList<Block> blocks, int index)
    {
        static bool Prose(Block b) => b.Class == BlockClass.Good && !b.IsDecided;
        return index > 0 && index + 1 < blocks.Count && Prose(blocks[index - 1]) && Prose(blocks[index + 1]);
    }

    private static int FirstGood(IReadOnlyList<Block> blocks)
    {
        foreach (var b in blocks)
        {
            if (b.Class == BlockClass.Good)
            {
                return b.Index;
            }
        }

        return blocks.Count;
    }

    // "Chris Davies - " or "By Chris Davies | " in front of the date.
    private static string? BylineBefore(string text)
    {
        var t = text.Trim().TrimEnd('-', '–', '—', '|', ',', '·').Trim();
        if (t.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[3..].Trim();
        }

        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5 && words.All(w => char.IsUpper(w[0])) ? t : null;
    }

    [GeneratedRegex(@"^\s*(date|dated|published|posted|updated|ngày|ngày đăng|cập nhật)\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingLabel();

    [GeneratedRegex(@"\b\d{1,2}:\d\d(\s*(am|pm|a\.m\.|p\.m\.))?(\s*[A-Z]{2,4}\b)?|\b(GMT|UTC)[+-]?\d*", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();
}
