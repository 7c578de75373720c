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

            var slashDot = MayEndWithSlashDot(b.Text) ? SlashDot().Match(b.Text) : Match.Empty;
            var signOff = slashDot.Success || !MayEndWithSignOff(b.Text) ? Match.Empty : SignOff().Match(b.Text);
            if (!slashDot.Success && !signOff.Success)
            {
                continue;
            }

            var marker = slashDot.Success ? "/." : signOff.Value.Trim();
            var (proseBefore, proseAfter) = ProseAround(blocks, i);
            if (proseBefore == 0 && proseAfter > 0)
            {
                // A sign-off on a sidebar line above the story: a marker ends an article only when one came before it
                // (teasers after a short story may well outweigh it, so no share is asked for).
                context.Note($"end marker: '{marker}' (line {b.Line}) is not where the article ends (no prose up to it, {proseAfter} characters after it)");
                continue;
            }

            if (slashDot.Success)
            {
                b.Text = b.Text[..slashDot.Index] + ".";
            }
            else
            {
                context.OfferSource(signOff.Groups["src"].Value);
                b.Text = b.Text[..signOff.Index].TrimEnd();
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

    // Characters of good prose up to and including block i, and after it.
    private static (int Before, int After) ProseAround(IReadOnlyList<Block> blocks, int i)
    {
        int before = 0, after = 0;
        for (var j = 0; j < blocks.Count; j++)
        {
            if (blocks[j].Class == BlockClass.Good && blocks[j].Kept != false)
            {
                if (j <= i)
                {
                    before += blocks[j].Length;
                }
                else
                {
                    after += blocks[j].Length;
                }
            }
        }

        return (before, after);
    }

    // Both markers end the line. The regexes try every space of a line as a start, which made them a fiftieth of
    // ingest; a line not ending in "/." or in a capital (after white space, which \s and $ pass over) cannot match.
    internal static bool MayEndWithSlashDot(string text) => text.AsSpan().TrimEnd().EndsWith("/.", StringComparison.Ordinal);

    internal static bool MayEndWithSignOff(string text) => text.AsSpan().TrimEnd() is [.., >= 'A' and <= 'Z'];

    [GeneratedRegex(@"\s*\.?/\.\s*$")]
    internal static partial Regex SlashDot();

    [GeneratedRegex(@"\s[—–-]{1,2}\s*(?<src>[A-Z]{2,8}(/[A-Z]{2,8})*)\s*$")]
    internal static partial Regex SignOff();
}
