namespace StaticDossier.Cleaning.Rules;

/// <summary>Saved pages: a block that is mostly link text is a menu or a teaser link.</summary>
internal sealed class LinkDensityRule : INoiseRule
{
    public string Name => "link-density";

    public void Apply(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (!b.IsDecided && b.Class == BlockClass.Bad && b.LinkDensity > 0.5)
            {
                b.Decide(false, "noise", $"link text is {b.LinkDensity:P0} of the block", Name);
            }
        }
    }
}
