namespace StaticDossier.Cleaning.Rules;

/// <summary>Drops a block that repeats an earlier one (duplicated captions, a lede printed twice, a signature
/// under every forum post), exactly or nearly (four fifths of its words shared, and most of its runs of words). A paragraph of prose repeated
/// among the article's own paragraphs (same element on a saved page, a few lines on in a dump) is the text's own
/// refrain, not a copy, and stays. So does a near copy that is its original's tail (a teaser ran the story's first
/// paragraphs together; the story's own second paragraph is not the copy): both are left to the other rules.</summary>
internal sealed class DuplicateBlockRule : INoiseRule
{
    public RuleId Id => RuleId.Duplicate;

    public void Apply(CleaningContext context)
    {
        var seen = new Dictionary<string, Block>(StringComparer.Ordinal);
        var index = new LongBlockIndex();
        string? previous = null;
        foreach (var b in context.Blocks)
        {
            if (b.Words < 3)
            {
                continue;
            }

            var key = b.Key;
            var adjacent = key == previous;
            previous = key;

            // Short lines legitimately recur (recipes, tables); a repeat counts when adjacent or long.
            if (seen.TryGetValue(key, out var original) && (adjacent || b.Words >= 12))
            {
                if (!Refrain(context, original, b))
                {
                    b.Decide(false, BlockRole.Duplicate, $"repeats the block at line {original.Line}", Id);
                    continue;
                }

                // Left to the other rules, like its original; the next repeat is measured from this one.
                seen[key] = b;
                continue;
            }

            seen[key] = b;
            if (b.Words >= 15 && b.Class >= BlockClass.NearGood)
            {
                var sequence = context.Thresholds.NearCopySequence;
                if (index.FirstNearCopy(key, sequence > 0 ? o => Sequences.Shared(o.Key, key) >= sequence : null) is { } first)
                {
                    // A standfirst repeated as the first paragraph: the fuller copy (with its dateline) stays.
                    if (b.Text.Length > first.Text.Length && !first.IsDecided)
                    {
                        first.Decide(false, BlockRole.Duplicate, $"nearly repeated, more fully, by the block at line {b.Line}", Id);
                    }
                    else if (!Refrain(context, first, b) && !Sequences.IsTail(first.Key, b.Key))
                    {
                        b.Decide(false, BlockRole.Duplicate, $"nearly repeats the block at line {first.Line}", Id);
                    }
                }

                index.Add(b);
            }
        }
    }

    // Prose repeated beside its original: in the same element (a saved page), or within a few blocks with both set
    // apart as paragraphs by blank lines (a dump; a gallery's caption repeated under each slide is not).
    // On a saved page the repeat may also sit in a sibling of the original's element (the article's next section),
    // unless its neighbours repeat the original's too or it follows a copy: a run of paragraphs printed twice is a
    // copy of the article.
    private static bool Refrain(CleaningContext context, Block original, Block repeat) =>
        original.Class == BlockClass.Good && repeat.Class == BlockClass.Good && !original.InFigure && !repeat.InFigure
        && (context.IsTextDump
            ? (original.AfterGap || original.Index == 0) && repeat.AfterGap && repeat.Index - original.Index <= context.Thresholds.RefrainReach
            : original.Holder is { } holder && repeat.Holder is { } other
              && (holder == other || (holder.ParentElement is { } parent && parent == other.ParentElement
                                      && !SameNeighbour(context.Blocks, original, repeat, -1) && !SameNeighbour(context.Blocks, original, repeat, 1)
                                      && (repeat.Index == 0 || context.Blocks[repeat.Index - 1].Role != BlockRole.Duplicate))));

    private static bool SameNeighbour(IReadOnlyList<Block> blocks, Block original, Block repeat, int step)
    {
        int i = original.Index + step, j = repeat.Index + step;
        return i >= 0 && j < blocks.Count && i != repeat.Index && blocks[i].Words >= 3 && blocks[i].Key == blocks[j].Key;
    }
}
