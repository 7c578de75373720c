namespace StaticDossier.Cleaning.Rules;

/// <summary>Saved pages: blocks inside navigation-like elements (<c>nav</c>, <c>aside</c>, <c>footer</c>,
/// ARIA landmarks, class/id names such as <c>sidebar</c>, <c>related</c>, <c>share</c>, <c>comments</c>).</summary>
internal sealed class SemanticNoiseRule : INoiseRule
{
    public RuleId Id => RuleId.Semantic;

    public PageFacts Reads => PageFacts.Container | PageFacts.RealNoise;

    public PageFacts Writes => PageFacts.MarkupNoise;

    public void Apply(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (!b.IsDecided && b.NoisyAncestor is { } n && context.IsRealNoise(n)
                && (context.Container is null || context.Container != n))
            {
                b.Decide(false, BlockRole.Noise, $"inside {ContainerRule.Describe(n)} ({b.NoiseHint})", Id);
            }
        }
    }
}
