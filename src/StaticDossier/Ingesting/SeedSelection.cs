using StaticDossier.Cleaning;
using StaticDossier.Seeds;

namespace StaticDossier.Ingesting;

/// <summary>Which seeds a run reads. A seed whose file and sidecar bear the stamps the last run recorded, in an outlet
/// none of whose text dumps came, went or changed since, has the bytes, sidecar and repeated lines it had then: the
/// cleaning key recorded then is its key now. It is left unread when that key still lets its cleaning be skipped
/// (<see cref="IngestSkip.IsUnchanged(string, string, Content.IngestManifest, IngestCache, string)"/>: the page is the one that key made, as written). Every other seed is read, and
/// with a text dump every seed of its outlet, whose repeated lines it may move. With nothing changed, no seed is read.</summary>
internal sealed class SeedSelection
{
    private SeedSelection(IReadOnlyList<string> paths, SeedDocument?[] read, KnownSeed?[] unread)
    {
        Paths = paths;
        Read = read;
        Unread = unread;
    }

    /// <summary>The seed files' paths (<see cref="SeedDocument.Path"/>), in listing order.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Per seed file, the seed as read; null when it was left unread or could not be read.</summary>
    public IReadOnlyList<SeedDocument?> Read { get; }

    /// <summary>Per seed file, what is known of it when it was left unread; null when it was read.</summary>
    public IReadOnlyList<KnownSeed?> Unread { get; }

    /// <param name="paths">The seed files' paths (<see cref="SeedDocument.Path"/>), in listing order.</param>
    /// <param name="stamps">Their stamps now (null: read it).</param>
    /// <param name="known">What the last run knew of each seed; empty to read them all.</param>
    /// <param name="cleaningSkipped">Whether a seed's cleaning is skipped with the key the last run recorded for it.</param>
    /// <param name="read">Reads the seed at an index (null when it cannot be used); called on several threads.</param>
    public static SeedSelection Make(IReadOnlyList<string> paths, IReadOnlyList<SeedStamp?> stamps, IReadOnlyDictionary<string, KnownSeed> known,
        Func<string, KnownSeed, bool> cleaningSkipped, Func<int, SeedDocument?> read)
    {
        var docs = new SeedDocument?[paths.Count];
        var unread = new KnownSeed?[paths.Count];
        // Outlets whose text dumps may not be those the recorded keys were made with.
        var unsettled = new HashSet<string>(StringComparer.Ordinal);
        var first = new List<int>();
        for (var i = 0; i < paths.Count; i++)
        {
            var seed = known.GetValueOrDefault(paths[i]);
            if (seed is not null && stamps[i] == seed.Stamp)
            {
                unread[i] = seed;
                continue;
            }

            first.Add(i);
            if (seed?.Outlet is { } outlet)
            {
                unsettled.Add(outlet);
            }
        }

        var present = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var (path, seed) in known)
        {
            if (seed.Outlet is { } outlet && !present.Contains(path))
            {
                unsettled.Add(outlet);
            }
        }

        // A seed whose cleaning cannot be skipped is cleaned again, which needs its outlet's lines, so its text.
        var candidates = Enumerable.Range(0, paths.Count).Where(i => unread[i] is not null).ToArray();
        var skipped = new bool[paths.Count];
        Parallel.ForEach(candidates, Ingestor.OnEveryCore, i => skipped[i] = cleaningSkipped(paths[i], unread[i]!));
        foreach (var i in candidates.Where(i => !skipped[i]))
        {
            first.Add(i);
            if (unread[i]!.Outlet is { } outlet)
            {
                unsettled.Add(outlet);
            }

            unread[i] = null;
        }

        ReadEach(first, docs, read);
        foreach (var i in first)
        {
            if (docs[i] is { Kind: SeedKind.TextDump } doc)
            {
                unsettled.Add(RepeatedLines.Outlet(doc));
            }
        }

        // The rest of each unsettled outlet: their repeated lines are found again over the whole outlet.
        var rest = candidates.Where(i => unread[i]?.Outlet is { } outlet && unsettled.Contains(outlet)).ToList();
        foreach (var i in rest)
        {
            unread[i] = null;
        }

        ReadEach(rest, docs, read);
        return new SeedSelection(paths, docs, unread);
    }

    /// <summary>Each usable seed's path and hash, read or not, in listing order.</summary>
    public IReadOnlyList<(string Path, string Sha256)> Hashes() =>
    [
        .. Enumerable.Range(0, Paths.Count)
            .Select(i => (Paths[i], Read[i]?.Sha256 ?? Unread[i]?.Sha256))
            .Where(s => s.Item2 is not null)
            .Select(s => (s.Item1, s.Item2!)),
    ];

    private static void ReadEach(List<int> indexes, SeedDocument?[] docs, Func<int, SeedDocument?> read) =>
        Parallel.ForEach(indexes, Ingestor.OnEveryCore, i => docs[i] = read(i));
}
