namespace StaticDossier.Cleaning.Rules;

/// <summary>Three or more short lines in a row (menus, tag lists, teaser headlines) are not prose.</summary>
internal sealed class ShortItemRunRule : INoiseRule
{
    public RuleId Id => RuleId.ShortRun;

    public PageFacts Reads => PageFacts.BodyElements;

    public void Apply(CleaningContext context)
    {
        var run = new List<Block>();
        foreach (var b in context.Blocks)
        {
            if (b.IsDecided)
            {
                continue;
            }

            if (!context.IsTextDump && b.Class <= BlockClass.Short && b.Words >= 2 && context.BesideBody(b))
            {
                // Saved pages: short lines in the article's own element are its lists and Q&A, not a menu.
                Flush(run);
                b.Decide(true, BlockRole.Body, "short line in the article's own element", Id);
                continue;
            }

            if (context.IsTextDump && b.IsCode)
            {
                // Code in the article's run: a program listing, printed a line at a time.
                Flush(run);
                b.Decide(true, BlockRole.Body, "line of code in the article", Id);
                continue;
            }

            if (context.IsTextDump && b.InAnnouncedList)
            {
                Flush(run);
                b.Decide(true, BlockRole.Body, "item of the list the paragraph above announces", Id);
                continue;
            }

            if (b.Class <= BlockClass.Short)
            {
                run.Add(b);
                continue;
            }

            Flush(run);
        }

        Flush(run);
    }

    private void Flush(List<Block> run)
    {
        if (run.Count >= 3)
        {
            foreach (var b in run)
            {
                b.Decide(false, BlockRole.Noise, $"one of {run.Count} short lines in a row", Id);
            }
        }

        run.Clear();
    }
}
