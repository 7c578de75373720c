namespace StaticDossier.Cleaning.Rules;

/// <summary>The article is one run of prose. Each undecided block scores for (good prose, by its length) or
/// against (short or link-heavy lines, each one in a row costing more than the last, so a menu or a comment
/// header splits runs); the best-scoring contiguous run is the article and the rest goes.</summary>
internal sealed class MainRunRule : INoiseRule
{
    public string Name => "main-run";

    internal static double TeaserShare = 0.4;
    internal static double ShortCost = 10;
    internal static double ShortLengthCost = 0.3;
    internal static double TextShortCost = 30;
    internal static double TextShortLengthCost = 1;

    public void Apply(CleaningContext context)
    {
        var open = context.Blocks.Where(b => !b.IsDecided).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var shortCost = context.IsTextDump ? TextShortCost : ShortCost;
        var shortLengthCost = context.IsTextDump ? TextShortLengthCost : ShortLengthCost;
        var weights = new double[open.Count];
        var streak = 0;
        for (var i = 0; i < open.Count; i++)
        {
            var b = open[i];
            switch (b.Class)
            {
                case BlockClass.Good:
                    // Prose right after a short line (headline, author) is the teaser pattern; an article's
                    // paragraphs mostly follow one another.
                    weights[i] = i > 0 && open[i - 1].Class <= BlockClass.Short ? b.Text.Length * TeaserShare : b.Text.Length;
                    streak = 0;
                    break;
                case BlockClass.NearGood:
                    weights[i] = b.Text.Length * 0.5;
                    streak = 0;
                    break;
                default:
                    streak++;
                    weights[i] = -(shortCost * streak) - (b.Class == BlockClass.Bad ? b.Text.Length : b.Text.Length * shortLengthCost);
                    break;
            }
        }

        // Kadane: best-scoring contiguous run.
        double best = double.MinValue, current = 0;
        int bestStart = 0, bestEnd = -1, start = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (current <= 0)
            {
                current = 0;
                start = i;
            }

            current += weights[i];
            if (current > best)
            {
                best = current;
                bestStart = start;
                bestEnd = i;
            }
        }

        for (var i = 0; i < open.Count; i++)
        {
            if (i < bestStart)
            {
                open[i].Decide(false, "noise", "before the article's main run of prose", Name);
            }
            else if (i > bestEnd)
            {
                open[i].Decide(false, "noise", "after the article's main run of prose", Name);
            }
        }
    }
}
