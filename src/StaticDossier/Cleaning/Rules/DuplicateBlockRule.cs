namespace StaticDossier.Cleaning.Rules;

/// <summary>Drops a block that repeats an earlier one (duplicated captions, a lede printed twice),
/// exactly or nearly (four fifths of its words shared).</summary>
internal sealed class DuplicateBlockRule : INoiseRule
{
    public RuleId Id => RuleId.Duplicate;

    public void Apply(CleaningContext context)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
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
            if (seen.TryGetValue(key, out var line) && (adjacent || b.Words >= 12))
            {
                b.Decide(false, BlockRole.Duplicate, $"repeats the block at line {line}", Id);
                continue;
            }

            seen[key] = b.Line;
            if (b.Words >= 15 && b.Class >= BlockClass.NearGood)
            {
                if (index.FirstNearCopy(key) is { } first)
                {
                    // A standfirst repeated as the first paragraph: the fuller copy (with its dateline) stays.
                    if (b.Text.Length > first.Text.Length && !first.IsDecided)
                    {
                        first.Decide(false, BlockRole.Duplicate, $"nearly repeated, more fully, by the block at line {b.Line}", Id);
                    }
                    else
                    {
                        b.Decide(false, BlockRole.Duplicate, $"nearly repeats the block at line {first.Line}", Id);
                    }
                }

                index.Add(b);
            }
        }
    }
}
