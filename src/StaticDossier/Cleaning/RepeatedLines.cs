using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Lines that recur across seeds of one outlet (menus, slogans, "Other News" lists): boilerplate by
/// repetition. Seeds group by their sidecar URL's host; seeds without one form one group. Identical seeds count
/// as one.</summary>
internal static class RepeatedLines
{
    /// <summary>A line is shared once this many seeds of the same outlet carry it.</summary>
    public const int MinSeeds = 3;

    /// <summary>For each seed path, the normalised lines it shares with other seeds of its outlet.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Find(IReadOnlyList<SeedDocument> seeds)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var group in seeds.Where(s => s.Kind == SeedKind.TextDump).GroupBy(Outlet, StringComparer.Ordinal))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var perSeed = group.AsParallel().AsOrdered().Select(s => (Seed: s, Lines: Lines(s.Text))).ToList();
            // Copies of one file count once: three copies of an article would otherwise make every line of it
            // "repeated across the outlet", and cleaning would leave each copy empty.
            foreach (var (_, lines) in perSeed.DistinctBy(p => p.Seed.Text, StringComparer.Ordinal))
            {
                foreach (var line in lines)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, line, out _)++;
                }
            }

            // Read-only now: each seed's shared lines are picked out on every core.
            var shared = new IReadOnlySet<string>[perSeed.Count];
            Parallel.For(0, perSeed.Count, OnEveryCore, i => shared[i] = perSeed[i].Lines.Where(l => counts[l] >= MinSeeds).ToHashSet(StringComparer.Ordinal));
            for (var i = 0; i < perSeed.Count; i++)
            {
                result[perSeed[i].Seed.Path] = shared[i];
            }
        }

        return result;
    }

    private static readonly ParallelOptions OnEveryCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>The outlet whose seeds a text dump's lines are compared with: its sidecar URL's host, or "".</summary>
    internal static string Outlet(SeedDocument seed) =>
        Uri.TryCreate(seed.Sidecar?.Url, UriKind.Absolute, out var uri) ? uri.Host : string.Empty;

    private static HashSet<string> Lines(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var key = TextShape.Key(text.AsSpan(range));
            if (key.Length > 0)
            {
                set.Add(key);
            }
        }

        return set;
    }
}
