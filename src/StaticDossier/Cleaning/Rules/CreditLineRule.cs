namespace StaticDossier.Cleaning.Rules;

/// <summary>Byline and source lines (<c>Hải Minh</c>, <c>chinhphu.vn</c>, <c>By Jane Roe</c>) become metadata.
/// A credit after the article's prose also ends the article when less prose follows it than precedes it
/// (what follows is then other stories' teasers).</summary>
internal sealed partial class CreditLineRule : INoiseRule
{
    public RuleId Id => RuleId.Credit;

    public PageFacts Writes => PageFacts.Source | PageFacts.Byline;

    public void Apply(CleaningContext context)
    {
        FindDatelineSource(context);
        ReadCredits(context);
        FindOutletInProse(context);
    }

    private static void ReadCredits(CleaningContext context)
    {
        var blocks = context.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.IsDecided || b.Words > 10)
            {
                continue;
            }

            var afterProse = i > 0 && blocks[i - 1].Class >= BlockClass.NearGood;
            var credit = Credits.Read(b.Text, bareNameAllowed: afterProse && context.IsTextDump);
            if (credit.Kind == Credits.Kind.None)
            {
                continue;
            }

            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            var nextCredit = next is null ? Credits.Kind.None : Credits.Read(next.Text, bareNameAllowed: false).Kind;
            if (credit.Kind == Credits.Kind.Byline && !b.Text.Contains(' ', StringComparison.Ordinal) is false
                && next is not null && next.Class >= BlockClass.NearGood && nextCredit == Credits.Kind.None
                && !b.Text.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
            {
                // A bare name before prose is a subheading more often than a byline.
                continue;
            }

            Record(context, b, credit, RuleId.Credit);
            var explicitCredit = credit.Kind == Credits.Kind.Source || nextCredit != Credits.Kind.None
                || b.Text.StartsWith("By ", StringComparison.OrdinalIgnoreCase);
            var before = context.GoodChars(0, i);
            if (before == 0 || context.GoodChars(i + 1, blocks.Count) >= before)
            {
                continue;
            }

            // Credits at the article's foot: the prose above is the article, the rest is other stories.
            var j = i + 1;
            for (; j < blocks.Count && Credits.Read(blocks[j].Text, bareNameAllowed: true).Kind != Credits.Kind.None; j++)
            {
                Record(context, blocks[j], Credits.Read(blocks[j].Text, true), RuleId.Credit);
            }

            if (!afterProse || !explicitCredit)
            {
                continue;
            }

            for (; j < blocks.Count; j++)
            {
                blocks[j].Decide(false, BlockRole.Noise, $"after the article's credit line at line {b.Line}", RuleId.Credit);
            }

            return;
        }
    }

    // "Hanoi (VNA) – …": the agency in a lede's dateline is the source.
    private static void FindDatelineSource(CleaningContext context)
    {
        foreach (var b in context.Blocks.Take(20))
        {
            if (b.Class >= BlockClass.NearGood && DatelineAgency().Match(b.Text) is { Success: true } m)
            {
                context.OfferSource(m.Groups["src"].Value);
                return;
            }
        }
    }

    // "VOA emailed the Russian mission … seeking comment": an outlet that names itself asking for comment is the one
    // reporting. Weakest of the clues, so only when no dateline or credit named the source; the outlet must be written
    // as an acronym, so "The ministry contacted …" names nobody, and a credit ("Photos: VNA") or "according to X" never
    // matches: those name a source the article cites, not its publisher.
    private static void FindOutletInProse(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (b.Class >= BlockClass.NearGood && b.Kept != false && MayAskForComment(b.Text) && OutletAsksForComment().Match(b.Text) is { Success: true } m)
            {
                context.OfferSource(m.Groups["src"].Value);
                return;
            }
        }
    }

    // The regex tries a start at every capital; only a line naming a comment can match it.
    internal static bool MayAskForComment(string text) => text.Contains("comment", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[.!?]\s+)(?<src>\p{Lu}{2,6})\s+(?:e-?mailed|contacted|reached out to|wrote to|telephoned|called)\b[^.!?]{0,200}?\b(?:seeking|for|to seek|to request|requesting)\s+(?:a\s+)?comments?\b")]
    internal static partial System.Text.RegularExpressions.Regex OutletAsksForComment();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\p{Lu}[\p{L} .'-]{1,30}\s*\((?<src>\p{Lu}{2,10}(/\p{Lu}{2,10})?)\)\s*[–—-]")]
    private static partial System.Text.RegularExpressions.Regex DatelineAgency();

    /// <summary>Records a credit line as metadata and removes it from the body.</summary>
    public static void Record(CleaningContext context, Block block, (Credits.Kind Kind, string Value) credit, RuleId rule)
    {
        if (credit.Kind == Credits.Kind.Source)
        {
            context.OfferSource(credit.Value);
            block.Decide(false, BlockRole.Source, $"source credit ({credit.Value})", rule);
        }
        else
        {
            context.OfferByline(credit.Value);
            block.Decide(false, BlockRole.Byline, $"byline ({credit.Value})", rule);
        }
    }
}
