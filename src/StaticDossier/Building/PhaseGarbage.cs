namespace StaticDossier.Building;

/// <summary>Full collections where a one-off build has just let go of a large part of what it held. What dies there
/// (every page's Markdown once the bodies are rendered; the folded texts and similarity once the model is made) has
/// lived long enough to sit in the oldest generation, which the server collector leaves for long: at 100,000 articles
/// the heap grew to 4.8 GB while 1.9 GB of it was dead, and the process kept the memory once it had it.</summary>
internal static class PhaseGarbage
{
    /// <summary>Below this many articles what dies at a phase end is a few hundred megabytes, which the collector's own
    /// pace handles for less than a forced collection costs (at 10,000 articles: 0.3 s of CPU, the same peak).</summary>
    public const int FromArticles = 20_000;

    /// <summary>For a dossier of <paramref name="articles"/> articles (nothing below <see cref="FromArticles"/>): collects,
    /// compacts and returns the freed memory to the system, timed as <paramref name="stage"/>.</summary>
    public static void Collect(string stage, int articles)
    {
        if (articles < FromArticles)
        {
            return;
        }

        using var _ = BuildTimings.Time(stage);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
