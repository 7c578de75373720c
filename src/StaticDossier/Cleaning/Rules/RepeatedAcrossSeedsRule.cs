namespace StaticDossier.Cleaning.Rules;

/// <summary>A line that other seeds of the same outlet also carry (menus, slogans, footers) is boilerplate.</summary>
internal sealed class RepeatedAcrossSeedsRule : INoiseRule
{
    public RuleId Id => RuleId.Repeated;

    public void Apply(CleaningContext context)
    {
        if (context.SharedLines.Count == 0)
        {
            return;
        }

        foreach (var b in context.Blocks)
        {
            if (!b.IsDecided && context.SharedLines.Contains(b.Key))
            {
                b.Decide(false, BlockRole.Noise, "repeated in other seeds of the same outlet", Id);
            }
        }
    }
}
