namespace StaticDossier.Building;

/// <summary>Full collections where a one-off build has just let go of a large part of what it held. What dies there
/// (every page's Markdown once the bodies are rendered; the folded texts and similarity once the model is made) has
/// lived long enough to sit in the oldest generation, which the server collector leaves for long: at 100,000 articles
/// the heap grew to 4.8 GB while 1.9 GB of it was dead, and the process kept the memory once it had it.</summary>
internal static class PhaseGarbage
{
    /// <summary>Collects, compacts and returns the freed memory to the system, timed as <paramref name="stage"/>.</summary>
    public static void Collect(string stage)
    {
        using var _ = BuildTimings.Time(stage);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
