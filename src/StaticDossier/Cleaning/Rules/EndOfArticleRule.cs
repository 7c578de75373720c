using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Vietnamese and agency copy closes with a marker: <c>/.</c>, or a sign-off such as <c>— VNA/VNS</c>.
/// Everything after the marker (teasers, other stories) is not the article, except credit lines right after it.</summary>
internal sealed partial class EndOfArticleRule : INoiseRule
{
    public RuleId Id => RuleId.EndMarker;

    public PageFacts Writes => PageFacts.Source | PageFacts.Byline;

    public void Apply(CleaningContext context)
    {
        var blocks = context.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.IsDecided || b.Class < BlockClass.NearGood)
            {
                continue;
            }

            string marker;
            if (SlashDot().Match(b.Text) is { Success: true } sd)
            {
                marker = "/.";
                b.Text = b.Text[..sd.Index] + ".";
            }
            else if (SignOff().Match(b.Text) is { Success: true } so)
            {
                marker = so.Value.Trim();
                context.OfferSource(so.Groups["src"].Value);
                b.Text = b.Text[..so.Index].TrimEnd();
            }
            else
            {
                continue;
            }

            var credits = true;
            for (var j = i + 1; j < blocks.Count; j++)
            {
                var after = blocks[j];
                if (credits && Credits.Read(after.Text, bareNameAllowed: true) is { Kind: not Credits.Kind.None } c)
                {
                    CreditLineRule.Record(context, after, c, Id);
                    continue;
                }

                credits = false;
                after.Decide(false, BlockRole.Noise, $"after the end-of-article marker '{marker}' at line {b.Line}", Id);
            }

            return;
        }
    }

    [GeneratedRegex(@"\s*\.?/\.\s*$")]
    private static partial Regex SlashDot();

    [GeneratedRegex(@"\s[—–-]{1,2}\s*(?<src>[A-Z]{2,8}(/[A-Z]{2,8})*)\s*$")]
    private static partial Regex SignOff();
}
