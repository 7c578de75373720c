namespace StaticDossier.Cleaning.Rules;

/// <summary>The article is one run of prose. Each undecided block scores for (good prose, by its length) or
/// against (short or link-heavy lines, each one in a row costing more than the last, so a menu or a comment
/// header splits runs); the best-scoring contiguous run is the article and the rest goes.</summary>
internal sealed class MainRunRule : INoiseRule
{
    public RuleId Id => RuleId.MainRun;

    public PageFacts Reads => PageFacts.MarkupNoise;

    public PageFacts Writes => PageFacts.BodyElements;

    public void Apply(CleaningContext context)
    {
        // Link lists and furniture already removed still separate runs (a teaser's link headline splits its
        // summary from the article), so they stay in the sequence as interruptions.
        var open = context.Blocks.Where(b => !b.IsDecided || b.Rule.JudgesByMarkup()).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var t = context.Thresholds;
        if (context.IsTextDump)
        {
            MarkAnnouncedLists(context.Blocks, t.AnnouncedListLines);
        }

        var weights = Weights(context, open, escalate: true);
        var (bestStart, bestEnd) = Kadane(weights);
        (bestStart, bestEnd) = StepBack(context, weights, open, bestStart, bestEnd);
        (bestStart, bestEnd) = Extend(open, bestStart, bestEnd, context.Language, t);
        if (context.IsTextDump)
        {
            (bestStart, bestEnd) = OtherParts(context, weights, open, bestStart, bestEnd);
        }
        if (!context.IsTextDump)
        {
            KeepListsInTheBody(context, open, bestStart, bestEnd);
            if (t.DropStandfirst)
            {
                DropStandfirst(context, open, bestStart, bestEnd);
            }
        }

        for (var i = 0; i < open.Count; i++)
        {
            if (i < bestStart)
            {
                open[i].Decide(false, BlockRole.Noise, "before the article's main run of prose", Id);
            }
            else if (i > bestEnd)
            {
                open[i].Decide(false, BlockRole.Noise, "after the article's main run of prose", Id);
            }
        }
    }

    // Each block's weight: good prose for (discounted after a teaser's headline), short and link-heavy lines against.
    // With escalate, each short line in a row costs more than the last, so a menu splits runs.
    private static double[] Weights(CleaningContext context, List<Block> open, bool escalate)
    {
        var t = context.Thresholds;
        var shortCost = context.IsTextDump ? t.TextShortCost : t.ShortCost;
        var shortLengthCost = context.IsTextDump ? t.TextShortLengthCost : t.ShortLengthCost;
        var weights = new double[open.Count];
        var streak = 0;
        var seenProse = false;
        for (var i = 0; i < open.Count; i++)
        {
            var b = open[i];
            // A summary cut short ("…", "...") is a teaser for another page.
            if (context.IsTextDump && (b.IsCode || b.InAnnouncedList) && !b.IsDecided)
            {
                // A line of code in a dump is part of a documentation page's prose, not an interruption of it; so is
                // an item of the list a paragraph announces.
                weights[i] = 0;
                streak = 0;
                continue;
            }

            var truncated = t.DropTruncated && (b.Text.EndsWith("...", StringComparison.Ordinal) || b.Text.EndsWith('…'));
            switch (b.IsDecided || truncated ? BlockClass.Bad : b.Class)
            {
                case BlockClass.Good:
                    // Teaser shape: one or two short lines (headline, author) between pieces of prose.
                    // After a longer list the discount is milder: the list, not the prose, was the interruption.
                    weights[i] = !seenProse || streak == 0 ? b.Length
                        : streak <= 2 ? b.Length * t.TeaserShare : b.Length * t.ListShare;
                    seenProse = true;
                    streak = 0;
                    break;
                case BlockClass.NearGood:
                    weights[i] = b.Length * 0.5;
                    streak = 0;
                    seenProse = true;
                    break;
                default:
                    streak++;
                    weights[i] = -(shortCost * (escalate ? streak : 1)) - (b.Class == BlockClass.Bad ? b.Length : b.Length * shortLengthCost);
                    break;
            }
        }

        return weights;
    }

    // A paragraph ending in a colon ("The rankings were as follows:") announces the short lines after it; when prose
    // follows them, they are the article's list, not a menu between two stories. A menu rarely follows a colon
    // with prose after it, and a list longer than maxLines is not counted as one.
    private static void MarkAnnouncedLists(IReadOnlyList<Block> blocks, double maxLines)
    {
        for (var i = 0; i + 2 < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.IsDecided || b.Class < BlockClass.NearGood || !b.Text.EndsWith(':'))
            {
                continue;
            }

            var end = i + 1;
            while (end < blocks.Count && !blocks[end].IsDecided && blocks[end].Class == BlockClass.Short && !blocks[end].Text.EndsWith(':'))
            {
                end++;
            }

            if (end > i + 1 && end - i - 1 <= maxLines && end < blocks.Count && !blocks[end].IsDecided && blocks[end].Class == BlockClass.Good)
            {
                for (var j = i + 1; j < end; j++)
                {
                    blocks[j].InAnnouncedList = true;
                }
            }

            i = end - 1;
        }
    }

    // Kadane: the best-scoring contiguous run.
    private static (int Start, int End) Kadane(double[] weights) => Kadane(weights, 0, weights.Length);

    // The best-scoring contiguous run within [from, to).
    private static (int Start, int End) Kadane(double[] weights, int from, int to)
    {
        double best = double.MinValue, current = 0;
        int bestStart = from, bestEnd = from - 1, start = from;
        for (var i = from; i < to; i++)
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

        return (bestStart, bestEnd);
    }

    // The run must hold the page's prose. When it holds less than MainRunMinShare of it, one run is weak evidence (an
    // article split into pieces by code blocks, tables or lists, each costlier to cross than a piece is worth): the
    // run is found again with every short line costing the same, so a stretch costs what it holds, not its length
    // squared, and the cut keeps both runs.
    private static (int Start, int End) StepBack(CleaningContext context, double[] weights, List<Block> open, int start, int end)
    {
        var share = context.IsTextDump ? context.Thresholds.TextMainRunMinShare : context.Thresholds.MainRunMinShare;
        if (share <= 0 || end < start)
        {
            return (start, end);
        }

        double inRun = 0, all = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                all += weights[i];
                inRun += i >= start && i <= end ? weights[i] : 0;
            }
        }

        if (inRun >= share * all)
        {
            return (start, end);
        }

        var (wideStart, wideEnd) = Kadane(Weights(context, open, escalate: false));
        if (wideEnd < start || wideStart > end || (wideStart >= start && wideEnd <= end))
        {
            return (start, end);
        }

        (wideStart, wideEnd) = (Math.Min(start, wideStart), Math.Max(end, wideEnd));
        context.Note($"main run: the best run (lines {open[start].Line}-{open[end].Line}) holds {inRun:F0} of the page's "
                     + $"{all:F0} weighted characters of prose; kept lines {open[wideStart].Line}-{open[wideEnd].Line}, "
                     + "where short lines in a row cost no more than one by one");
        return (wideStart, wideEnd);
    }

    // Text dumps: a page in several parts (a FAQ, a guide's sections, a recipe's steps) has several runs of prose, split
    // by lists or tables that cost more to cross than a part is worth. The best run beside the article's, on either side,
    // is another part of it when the text's shape says so: it scores at least PartShare of the main run, holds good
    // prose, most of its paragraphs are sentences, and nothing between marks another region of the page (an end
    // section, an end marker, a legal footer). The run then reaches over it; repeated outwards.
    private static (int Start, int End) OtherParts(CleaningContext context, double[] weights, List<Block> open, int start, int end)
    {
        var t = context.Thresholds;
        if (t.PartShare <= 0 || end < start)
        {
            return (start, end);
        }

        var main = Score(weights, start, end);
        if (main <= 0)
        {
            return (start, end);
        }

        var (first, last) = (start, end);
        while (Kadane(weights, last + 1, open.Count) is var (a, b) && IsPart(context, weights, open, a, b, last, main))
        {
            NotePart(a, b);
            last = b;
        }

        while (Kadane(weights, 0, first) is var (a, b) && IsPart(context, weights, open, a, b, first, main))
        {
            NotePart(a, b);
            first = a;
        }

        return (first, last);

        void NotePart(int a, int b) =>
            context.Note($"main run: lines {open[a].Line}-{open[b].Line} are another part of the article (prose in sentences, "
                         + $"{Score(weights, a, b):F0} weighted characters to the run's {main:F0}, nothing between that ends it)");
    }

    private static double Score(double[] weights, int start, int end)
    {
        double score = 0;
        for (var i = start; i <= end; i++)
        {
            score += weights[i];
        }

        return score;
    }

    // Is open[start..end] another part of the article whose nearest block so far is open[edge]?
    private static bool IsPart(CleaningContext context, double[] weights, List<Block> open, int start, int end, int edge, double main)
    {
        var t = context.Thresholds;
        if (end < start || Score(weights, start, end) < t.PartShare * main)
        {
            return false;
        }

        int good = 0, prose = 0, sentences = 0;
        for (var i = start; i <= end; i++)
        {
            if (!open[i].IsDecided && open[i].Class >= BlockClass.NearGood)
            {
                prose++;
                good += open[i].Class == BlockClass.Good ? 1 : 0;
                sentences += TextShape.EndsSentence(open[i].Text) ? 1 : 0;
            }
        }

        if (good == 0 || sentences < t.PartSentences * prose)
        {
            return false;
        }

        var (from, to) = start > edge ? (open[edge].Index, open[start].Index) : (open[end].Index, open[edge].Index);
        for (var i = from + 1; i < to; i++)
        {
            if (context.Blocks[i].Rule is RuleId.EndSection or RuleId.EndMarker or RuleId.Boilerplate)
            {
                return false;
            }
        }

        return true;
    }

    // Saved pages: lines and list items beside the article's paragraphs, in the same element, are part of it
    // (a list of tour dates, a table of results), even though they are too short to carry a run.
    private void KeepListsInTheBody(CleaningContext context, List<Block> open, int start, int end)
    {
        for (var i = start; i <= end; i++)
        {
            if (open[i].Class == BlockClass.Good && !open[i].IsDecided && open[i].Container?.ParentElement is { } parent)
            {
                context.AddBodyElement(parent);
            }
        }

        for (var i = 0; i < open.Count; i++)
        {
            var b = open[i];
            var listLike = b.Tag is "li" or "dd" or "dt" or "td" or "th" or "pre" or "blockquote" || b.IsHeading;
            if ((i >= start && i <= end) || b.IsDecided || b.Class == BlockClass.Bad || (!listLike && b.Words < context.Thresholds.ListLineWords))
            {
                continue;
            }

            if (context.BesideBody(b))
            {
                b.Decide(true, BlockRole.Body, "line or list item in the article's own element", Id);
            }
        }
    }

    // Saved pages: prose above the article's body element, in another element (a dek, a summary box), is the
    // page's standfirst, which the headline area owns.
    private void DropStandfirst(CleaningContext context, List<Block> open, int start, int end)
    {
        for (var i = start; i <= end; i++)
        {
            var b = open[i];
            if (b.IsDecided)
            {
                continue;
            }

            if (b.Container?.ParentElement is { } parent && context.BodyElements.Contains(parent))
            {
                return;
            }

            if (!context.BesideBody(b))
            {
                b.Decide(false, BlockRole.Standfirst, "summary above the article's body element", Id);
            }
        }
    }

    private static bool HasCandidate(List<Block> open, int start, int end, double maxGap)
    {
        for (var i = end + 1; i < open.Count && i - end - 1 <= maxGap; i++)
        {
            if (open[i].Class >= BlockClass.NearGood && !open[i].IsDecided)
            {
                return true;
            }
        }

        for (var i = start - 1; i >= 0 && start - i - 1 <= maxGap; i--)
        {
            if (open[i].Class >= BlockClass.NearGood && !open[i].IsDecided)
            {
                return true;
            }
        }

        return false;
    }

    // The run may stop at a short interruption (an ad slot, a tag list) inside the article. Prose just beyond it
    // that shares the run's vocabulary (lexical coherence) is the same story; a teaser about another one is not.
    private static (int Start, int End) Extend(List<Block> open, int start, int end, string language, CleaningThresholds t)
    {
        if (end < start || !HasCandidate(open, start, end, t.MaxGap))
        {
            return (start, end);
        }

        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i <= end; i++)
        {
            TextShape.AddContentWords(open[i].Text, language, vocabulary);
        }

        bool Coherent(Block b)
        {
            var words = TextShape.ContentWords(b.Text, language);
            return words.Count > 0 && words.Count(vocabulary.Contains) >= t.Coherence * words.Count;
        }

        for (var i = end + 1; i < open.Count && i - end - 1 <= t.MaxGap; i++)
        {
            if (open[i].Class >= BlockClass.NearGood)
            {
                if (!Coherent(open[i]))
                {
                    break;
                }

                end = i;
                TextShape.AddContentWords(open[i].Text, language, vocabulary);
            }
        }

        for (var i = start - 1; i >= 0 && start - i - 1 <= t.MaxGap; i--)
        {
            if (open[i].Class >= BlockClass.NearGood)
            {
                if (!Coherent(open[i]))
                {
                    break;
                }

                start = i;
            }
        }

        return (start, end);
    }
}
