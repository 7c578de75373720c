namespace StaticDossier.Cleaning.Rules;

/// <summary>Saved pages: a block that is mostly link text is a menu or a teaser link.</summary>
internal sealed class LinkDensityRule : INoiseRule
{
    public RuleId Id => RuleId.LinkDensity;

    public PageFacts Writes => PageFacts.MarkupNoise;

    public void Apply(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (!b.IsDecided && b.Class == BlockClass.Bad && b.LinkDensity > 0.5)
            {
                b.Decide(false, BlockRole.Noise, $"link text is {b.LinkDensity:P0} of the block", Id);
            }
        }
    }
}
