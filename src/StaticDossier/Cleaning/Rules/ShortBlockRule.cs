namespace StaticDossier.Cleaning.Rules;

/// <summary>A short block inside the article stays only when it reads as a subheading: a heading element, or a
/// short line without a full stop followed by prose. Other short lines ("Advertisement", "Share") go.</summary>
internal sealed class ShortBlockRule : INoiseRule
{
    public RuleId Id => RuleId.Short;

    public PageFacts Reads => PageFacts.BodyElements;

    public void Apply(CleaningContext context)
    {
        var open = context.Blocks.Where(b => !b.IsDecided).ToList();
        for (var i = 0; i < open.Count; i++)
        {
            var b = open[i];
            if (b.Class > BlockClass.Short)
            {
                continue;
            }

            var next = i + 1 < open.Count ? open[i + 1] : null;
            var previous = i > 0 ? open[i - 1] : null;
            var beforeProse = next is not null && next.Class >= BlockClass.NearGood;
            var afterProse = previous is not null && previous.Class >= BlockClass.NearGood && previous.Kept != false;
            if (beforeProse && b.Words >= 2 && (b.IsHeading || !TextShape.EndsSentence(b.Text) || b.Text.EndsWith(':')))
            {
                b.Decide(true, BlockRole.Heading, "subheading before a paragraph", Id);
            }
            else if (beforeProse && afterProse && TextShape.EndsSentence(b.Text) && b.Words >= context.Thresholds.SentenceWords)
            {
                b.Decide(true, BlockRole.Body, "short sentence between paragraphs", Id);
            }
            else if (!context.IsTextDump && b.Words >= 2 && context.BesideBody(b))
            {
                b.Decide(true, BlockRole.Body, "short line in the article's own element", Id);
            }
            else
            {
                b.Decide(false, BlockRole.Noise, "short line that is not a subheading", Id);
            }
        }
    }
}
