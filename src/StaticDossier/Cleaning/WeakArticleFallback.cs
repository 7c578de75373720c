namespace StaticDossier.Cleaning;

/// <summary>When the rules leave an article empty or near-empty, the evidence behind their cuts was weak: step back
/// to keeping more. An empty article is never right; a near-empty one is judged against what the cuts by shape
/// or place dropped.</summary>
internal static class WeakArticleFallback
{
    /// <summary>Keeps what was dropped only for its shape or place when nothing, or next to nothing, was kept; when
    /// even that leaves nothing, keeps the prose dropped for its markup. Returns a note saying why, or null.</summary>
    public static string? Apply(List<Block> blocks, bool isTextDump, CleaningThresholds t)
    {
        var kept = 0;
        var restorable = 0;
        var any = false;
        foreach (var b in blocks)
        {
            if (b.Kept == true)
            {
                kept += b.Length;
                any = true;
            }
            else if (JudgedByShape(b))
            {
                restorable += b.Length;
            }
        }

        var share = isTextDump ? t.TextNearEmptyShare : t.NearEmptyShare;
        string? note = null;
        if (!any)
        {
            note = "fallback: nothing was kept, so what was dropped for its shape or place is kept";
        }
        else if (kept < share * restorable)
        {
            note = $"fallback: the article kept {kept} characters, under {share:0.##} of the {restorable} its cuts by shape or "
                   + "place dropped: the cuts were weak evidence, so what they dropped is kept too";
        }

        if (note is null)
        {
            return null;
        }

        foreach (var b in blocks.Where(JudgedByShape))
        {
            Keep(b, any ? "the article was near-empty" : "nothing else was left");
        }

        if (!any && !blocks.Any(b => b.Kept == true))
        {
            // Even the shape-judged text was furniture: a page's own prose under a furniture-like class name
            // ("date-posts", "comment-body") is still better than no article.
            foreach (var b in blocks.Where(b => b.Kept == false && b.Rule.JudgesByMarkup() && b.Class >= BlockClass.NearGood
                                                 && b.LinkChars < b.Length / 2))
            {
                Keep(b, "nothing else was left, not even text dropped for its shape");
            }

            note += "; none was, so the prose dropped for its markup is kept";
        }

        return note;
    }

    // Blocks inside navigation, headers, footers and the like stay out, and so do link-only lines.
    private static bool JudgedByShape(Block b) => b.Kept == false && b.Rule.JudgesByShape() && b.NoisyAncestor is null && b.LinkChars < b.Length;

    private static void Keep(Block b, string why) =>
        b.Decide(true, BlockRole.Body, $"kept although '{b.Rule.Name()}' dropped it ({b.Reason}): {why}", RuleId.EmptyFallback, overrule: true);
}
