namespace StaticDossier.Cleaning.Rules;

/// <summary>A heading such as "Other News", "Trending", "XEM THÊM TIN" or "Related" opens a list of other stories.
/// When less prose follows it than precedes it, the article has ended; otherwise only the heading and the
/// short items under it go.</summary>
internal sealed partial class EndSectionRule : INoiseRule
{
    public RuleId Id => RuleId.EndSection;

    public void Apply(CleaningContext context)
    {
        var blocks = context.Blocks;
        if (context.IsTextDump && context.Thresholds.ThreadSignatures > 0 && ThreadStart(context) is { } thread)
        {
            for (var j = thread.Index; j < blocks.Count; j++)
            {
                blocks[j].Decide(false, BlockRole.Noise, $"readers' comments from line {thread.Line} (signatures recur)", Id);
            }
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var comments = b.Words <= 12 && CommentsHeading().IsMatch(b.Text);
            if (b.IsDecided || (!comments && (b.Words > 6 || !IsEndHeading(b))))
            {
                continue;
            }

            // A bare "Comments" may be a menu link; with signatures recurring under it, it heads the readers' comments.
            var signed = !comments && BareCommentsHeading().IsMatch(b.Text) && Signatures(blocks, i + 1) >= context.Thresholds.ThreadSignatures;
            var before = context.GoodChars(0, i);
            // In a dump, one below the article's prose heads them too, unless more prose follows it than precedes it:
            // a toolbar's "Comments" link sits above the story (beside "Print", "Email"), a comment form below it.
            var bare = !comments && !signed && context.IsTextDump && before > 0 && BareComments().IsMatch(b.Text)
                       && context.GoodChars(i + 1, NextHeading(blocks, i)) <= before * context.Thresholds.BareCommentsRunLead;
            comments |= signed || bare;
            if (comments && before == 0 && context.IsTextDump && !signed)
            {
                // A short post may be one paragraph too short to count as good prose: it is still the article.
                before = context.ProseChars(0, i, BlockClass.NearGood);
            }

            // A comment counter in the article's header ("11 Comments" by the byline): the story follows it. Run is
            // weighed against run: teasers above the story add up to more than it, but each of them is short.
            if (comments && !signed && !bare && before > 0 && FirstRunAfter(blocks, i) is var run
                && LongestRunBefore(blocks, i) is var above && run > above * context.Thresholds.CommentsRunLead)
            {
                b.Decide(false, BlockRole.Noise, $"comment counter above the article ('{b.Text}')", Id);
                context.Note($"end section: '{b.Text}' (line {b.Line}) is not where the article ends: the run of prose right "
                             + $"after it ({run} characters) outweighs the longest run before it ({above})");
                continue;
            }

            if (comments && before > 0)
            {
                // Readers' comments can outweigh the article, so their heading ends it whatever follows.
                b.Decide(false, BlockRole.Noise, signed
                    ? $"heading of readers' comments ('{b.Text}', signatures recur under it)"
                    : bare ? $"heading of readers' comments ('{b.Text}', below the article's prose)"
                    : $"heading of readers' comments ('{b.Text}')", Id);
                for (var j = i + 1; j < blocks.Count; j++)
                {
                    blocks[j].Decide(false, BlockRole.Noise, $"readers' comments under line {b.Line}", Id);
                }

                return;
            }

            b.Decide(false, BlockRole.Noise, $"heading of a list of other stories ('{b.Text}')", Id);
            // Saved pages mark their other-stories lists with links and containers; there a heading alone is weak.
            if (context.IsTextDump && before > 0 && context.GoodChars(i + 1, blocks.Count) < before / 2
                && (i + 1 >= blocks.Count || blocks[i + 1].Class < BlockClass.Good))
            {
                for (var j = i + 1; j < blocks.Count; j++)
                {
                    blocks[j].Decide(false, BlockRole.Noise, $"under '{b.Text}' (line {b.Line}), after the article", Id);
                }

                return;
            }

            for (var j = i + 1; j < blocks.Count && blocks[j].Class <= BlockClass.Short; j++)
            {
                blocks[j].Decide(false, BlockRole.Noise, $"item under '{b.Text}' (line {b.Line})", Id);
            }
        }
    }

    // Readers' comments without a heading have a shape: signatures (short lines with a date and a time of day,
    // "Posted by: Tom at November 9, 2012 7:49 AM") recurring down to the page's last paragraph, with a comment's prose
    // between each two. Embedded posts and photo captions carry a date but rarely a time, so they do not count.
    private static Block? ThreadStart(CleaningContext context)
    {
        var blocks = context.Blocks;
        var firstGood = -1;
        for (var i = 0; i < blocks.Count && firstGood < 0; i++)
        {
            firstGood = blocks[i].Class == BlockClass.Good && !blocks[i].IsDecided ? i : -1;
        }

        if (firstGood < 0)
        {
            return null;
        }

        // The thread runs to the page's last paragraph: a list of dated teasers above the article does not.
        var lastGood = -1;
        for (var i = blocks.Count - 1; i > firstGood && lastGood < 0; i--)
        {
            lastGood = blocks[i].Class == BlockClass.Good && !blocks[i].IsDecided ? i : -1;
        }

        // Walking back from the last paragraph: each signature closes a segment of prose (one comment). The thread
        // grows while no segment outweighs all the prose above it (the article): a long segment is the article itself.
        // A comment of short lines alone ("Rome, Italy") does not break it, nor do two in a row; more in a row (a list
        // of dated teasers) do.
        int chain = 0, segment = 0, start = -1, empty = 0;
        for (var i = lastGood; i > firstGood + 2; i--)
        {
            var b = blocks[i];
            if (IsSignature(b))
            {
                if (segment == 0 && chain > 0)
                {
                    if (++empty > context.Thresholds.ThreadShortComments)
                    {
                        break;
                    }

                    start = i;
                    continue;
                }

                empty = 0;

                var above = context.GoodChars(0, i);
                if (above == 0 || segment > above)
                {
                    break;
                }

                chain++;
                start = i;
                segment = 0;
            }
            else if (b.Class >= BlockClass.NearGood && !b.IsDecided)
            {
                segment += b.Text.Length;
            }
        }

        if (start < 0 || chain < context.Thresholds.ThreadSignatures)
        {
            return null;
        }

        context.Note($"end section: {chain} signatures (short dated lines) with a comment's prose beside each, from line {blocks[start].Line} to the last paragraph, none outweighing the prose above: readers' comments");
        return blocks[start];
    }

    // The index of the next end-section or comments heading after block i (the page's end when none): the prose
    // between is what a heading heads; a sidebar under a later heading is that heading's.
    private static int NextHeading(IReadOnlyList<Block> blocks, int i)
    {
        for (var j = i + 1; j < blocks.Count; j++)
        {
            var t = blocks[j].Text;
            if ((blocks[j].Words <= 12 && CommentsHeading().IsMatch(t)) || (blocks[j].Words <= 6 && IsEndHeading(blocks[j])))
            {
                return j;
            }
        }

        return blocks.Count;
    }

    // Signatures among the blocks from index `from` on.
    private static int Signatures(IReadOnlyList<Block> blocks, int from)
    {
        var count = 0;
        for (var j = from; j < blocks.Count; j++)
        {
            count += IsSignature(blocks[j]) ? 1 : 0;
        }

        return count;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^\w]*((readers?'?|user) )?(comments?|responses?|replies|discussion)[^\w]*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BareCommentsHeading();

    // "Comments", "Reader comments", "Comment:" (a comment form's field): not "Discussion" or "Responses", which
    // head sections of papers and documentation.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^\w]*((readers?'?|user) )?comments?[^\w]*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BareComments();

    private static bool IsSignature(Block b) =>
        b.Class < BlockClass.Good && b.Words <= 16 && (b.Rule == RuleId.DateLine || (!b.IsDecided && DateFinder.Find(b.Text) is not null))
        && TimeOfDay().IsMatch(b.Text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2}:\d\d\s*(am|pm|a\.m\.|p\.m\.)?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TimeOfDay();

    // Characters of the first run of prose after block i: paragraphs in a row, through single short lines
    // (subheadings, captions) but not two non-prose blocks in a row (a commenter's name and date) nor a date line
    // (a comment's signature); the run must
    // start within a few lines of the heading.
    private static int FirstRunAfter(IReadOnlyList<Block> blocks, int i)
    {
        int run = 0, gap = 0;
        for (var j = i + 1; j < blocks.Count; j++)
        {
            var b = blocks[j];
            switch (InRun(b))
            {
                case RunPart.Prose:
                    run += b.Text.Length;
                    gap = 0;
                    break;
                case RunPart.Bridge:
                    gap = 0;
                    break;
                case RunPart.Other when ++gap >= (run > 0 ? 2 : 4) || (run > 0 && b.Rule == RuleId.DateLine):
                    return run;
            }
        }

        return run;
    }

    // Characters of the longest run of prose above block i, cut where FirstRunAfter cuts one.
    private static int LongestRunBefore(IReadOnlyList<Block> blocks, int i)
    {
        int best = 0, run = 0, gap = 0;
        for (var j = 0; j < i; j++)
        {
            var b = blocks[j];
            switch (InRun(b))
            {
                case RunPart.Prose:
                    run += b.Text.Length;
                    gap = 0;
                    break;
                case RunPart.Bridge:
                    gap = 0;
                    break;
                case RunPart.Other when ++gap >= 2 || b.Rule == RuleId.DateLine:
                    run = 0;
                    gap = 0;
                    break;
            }

            best = Math.Max(best, run);
        }

        return best;
    }

    private enum RunPart { Skipped, Prose, Bridge, Other }

    // What a block is to a run of prose: undecided prose adds to it, an undecided near-prose line bridges it, a
    // paragraph already dropped as a copy (a photo's caption shown twice) neither adds to it nor breaks it.
    private static RunPart InRun(Block b) =>
        b.Role == BlockRole.Duplicate && b.Class >= BlockClass.NearGood ? RunPart.Skipped
        : b.Class == BlockClass.Good && !b.IsDecided ? RunPart.Prose
        : b.Class == BlockClass.NearGood && !b.IsDecided ? RunPart.Bridge
        : RunPart.Other;

    private static bool IsEndHeading(Block block)
    {
        var key = block.Key;
        foreach (var heading in Lexicon.EndSectionHeadings)
        {
            if (key == heading || (key.StartsWith(heading, StringComparison.Ordinal) && key.Length <= heading.Length + 12
                && heading.Length >= 7))
            {
                return true;
            }
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^\w]*(\d+\s+(of\s+\d+\s+)?(comments?|responses?|replies|bình luận)\b|(leave a (comment|reply)|post a comment|join the discussion|comments? \(\d+\)|comments are (now )?closed|show comments|view comments|bình luận \(\d+\)))", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CommentsHeading();
}
