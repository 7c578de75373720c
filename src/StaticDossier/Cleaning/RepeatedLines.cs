using System.IO.Hashing;
using System.Runtime.InteropServices;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Lines that recur across seeds of one outlet (menus, slogans, "Other News" lists): boilerplate by
/// repetition. Seeds group by their sidecar URL's host; seeds without one form one group. Identical seeds count
/// as one.</summary>
internal static class RepeatedLines
{
    /// <summary>A line is shared once this many seeds of the same outlet carry it.</summary>
    public const int MinSeeds = 3;

    /// <summary>A 64-bit hash of a line's key.</summary>
    internal delegate ulong KeyHash(ReadOnlySpan<char> key);

    /// <summary>For each seed path, the normalised lines it shares with other seeds of its outlet.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Find(IReadOnlyList<SeedDocument> seeds) => Find(seeds, XxHash);

    /// <summary><see cref="Find(IReadOnlyList{SeedDocument})"/> with lines counted by <paramref name="hash"/> first. The
    /// answer does not depend on it: lines whose hash is on enough seeds are counted again by their keys, which is
    /// exact (tests pass a hash that collides all the time).</summary>
    /// <remarks>Counting every line's key as a string made a string per line of every seed and looked each up in one
    /// dictionary on one core (10,000 seeds: 156 MiB and about 600 ms of CPU). Hashes are made on every core from a
    /// buffer, and only the few lines that recur become strings.</remarks>
    internal static IReadOnlyDictionary<string, IReadOnlySet<string>> Find(IReadOnlyList<SeedDocument> seeds, KeyHash hash)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var group in seeds.Where(s => s.Kind == SeedKind.TextDump).GroupBy(Outlet, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            var lines = new SeedLines[members.Length];
            Parallel.For(0, members.Length, OnEveryCore, i => lines[i] = SeedLines.Of(members[i].Text, hash));

            // Copies of one file count once: three copies of an article would otherwise make every line of it
            // "repeated across the outlet", and cleaning would leave each copy empty.
            var counted = FirstOfEachText(members, lines);
            var byHash = new Dictionary<ulong, int>();
            foreach (var i in counted)
            {
                foreach (var h in lines[i].Distinct)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(byHash, h, out _)++;
                }
            }

            // The lines whose hash is on enough seeds, as keys; counted again by key, since two keys may share a hash.
            var candidates = new HashSet<string>[members.Length];
            Parallel.For(0, members.Length, OnEveryCore, i => candidates[i] = lines[i].Keys(members[i].Text, h => byHash[h] >= MinSeeds));
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var i in counted)
            {
                foreach (var key in candidates[i])
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(byKey, key, out _)++;
                }
            }

            // Read-only now: each seed's shared lines are picked out on every core.
            var shared = new IReadOnlySet<string>[members.Length];
            Parallel.For(0, members.Length, OnEveryCore, i => shared[i] = candidates[i].Where(k => byKey[k] >= MinSeeds).ToHashSet(StringComparer.Ordinal));
            for (var i = 0; i < members.Length; i++)
            {
                result[members[i].Path] = shared[i];
            }
        }

        return result;
    }

    private static readonly ParallelOptions OnEveryCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>The outlet whose seeds a text dump's lines are compared with: its sidecar URL's host, or "".</summary>
    internal static string Outlet(SeedDocument seed) =>
        Uri.TryCreate(seed.Sidecar?.Url, UriKind.Absolute, out var uri) ? uri.Host : string.Empty;

    private static ulong XxHash(ReadOnlySpan<char> key) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key));

    /// <summary>The indexes of <paramref name="members"/> whose text no earlier member has, in order.</summary>
    private static List<int> FirstOfEachText(SeedDocument[] members, SeedLines[] lines)
    {
        var first = new List<int>(members.Length);
        var byHash = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < members.Length; i++)
        {
            ref var same = ref CollectionsMarshal.GetValueRefOrAddDefault(byHash, lines[i].TextHash, out _);
            same ??= [];
            if (!same.Exists(j => string.Equals(members[j].Text, members[i].Text, StringComparison.Ordinal)))
            {
                same.Add(i);
                first.Add(i);
            }
        }

        return first;
    }

    /// <summary>One seed's lines with a key: where each is in the text and its key's hash; the distinct hashes; the
    /// whole text's hash.</summary>
    private readonly record struct SeedLines(Range[] Ranges, ulong[] Hashes, HashSet<ulong> Distinct, ulong TextHash)
    {
        [System.Runtime.CompilerServices.SkipLocalsInit]
        public static SeedLines Of(string text, KeyHash hash)
        {
            var ranges = new List<Range>();
            var hashes = new List<ulong>();
            var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length));
            try
            {
                foreach (var range in text.AsSpan().Split('\n'))
                {
                    var length = TextShape.KeyInto(text.AsSpan(range), buffer);
                    if (length > 0)
                    {
                        ranges.Add(range);
                        hashes.Add(hash(buffer.AsSpan(0, length)));
                    }
                }
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            }

            return new SeedLines([.. ranges], [.. hashes], [.. hashes], XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan())));
        }

        /// <summary>The distinct keys of the lines whose hash <paramref name="wanted"/> accepts.</summary>
        public HashSet<string> Keys(string text, Func<ulong, bool> wanted)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Ranges.Length; i++)
            {
                if (wanted(Hashes[i]))
                {
                    keys.Add(TextShape.Key(text.AsSpan(Ranges[i])));
                }
            }

            return keys;
        }
    }
}
