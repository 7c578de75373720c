namespace StaticDossier.Analysis;

/// <summary>For a large dossier's related lists: the articles holding each pair of people and tags, and each term's
/// articles in URL order. An article's term score against another is the weight of the terms they share; walking every
/// article of every shared tag grows with the square of the dossier (a tag is on a fiftieth of it). Here an article
/// sharing two terms or more is found in the postings of the pairs it shares (a pair is on a few hundredths of a
/// percent), and one sharing a single term is wanted only while it can still beat the five kept: its term's articles
/// are read in URL order (the tie-breaker) until one is refused. The five kept are exactly the full walk's.</summary>
internal sealed class TermPairs
{
    private readonly Dictionary<long, int> _ids;
    private readonly int[][] _postings;
    private readonly int[][] _byRank;

    private TermPairs(Dictionary<long, int> ids, int[][] postings, int[][] byRank) => (_ids, _postings, _byRank) = (ids, postings, byRank);

    /// <summary>The pairs of <paramref name="termsOf"/> (each article's distinct terms); null when they would hold more
    /// than eight times the entries of the terms' own postings (articles with dozens of names: the walk is cheaper).</summary>
    /// <param name="termsOf">Each article's distinct term ids.</param>
    /// <param name="postings">Each term's articles.</param>
    /// <param name="byUrl">The articles in URL order.</param>
    public static TermPairs? Make(int[][] termsOf, int[][] postings, int[] byUrl)
    {
        long singles = 0, pairs = 0;
        foreach (var terms in termsOf)
        {
            singles += terms.Length;
            pairs += (long)terms.Length * (terms.Length - 1) / 2;
        }

        if (!Wanted(singles, pairs))
        {
            return null;
        }

        var ids = new Dictionary<long, int>(PairKeys.Instance);
        var counts = new List<int>();
        foreach (var terms in termsOf)
        {
            ForEachPair(terms, key =>
            {
                if (!ids.TryGetValue(key, out var id))
                {
                    id = ids[key] = counts.Count;
                    counts.Add(0);
                }

                counts[id]++;
            });
        }

        var lists = counts.Select(c => new int[c]).ToArray();
        var filled = new int[lists.Length];
        for (var article = 0; article < termsOf.Length; article++)
        {
            var at = article;
            ForEachPair(termsOf[article], key =>
            {
                var id = ids[key];
                lists[id][filled[id]++] = at;
            });
        }

        var byRank = postings.Select(p => new List<int>(p.Length)).ToArray();
        foreach (var article in byUrl)
        {
            foreach (var term in termsOf[article])
            {
                byRank[term].Add(article);
            }
        }

        return new TermPairs(ids, lists, [.. byRank.Select(l => l.ToArray())]);
    }

    /// <summary>Whether the pairs of articles holding <paramref name="singles"/> terms in all, <paramref name="pairs"/> pairs
    /// of terms in all, are worth indexing: not when they would hold more than eight times the entries of the terms' own
    /// postings.</summary>
    public static bool Wanted(long singles, long pairs) => pairs <= (8 * singles) + 1024;

    /// <summary>These pairs after the articles at <paramref name="changed"/> (ascending) went from the terms
    /// <paramref name="before"/> to those <paramref name="after"/>: only the pairs they held or hold, and the URL order of
    /// the <paramref name="touched"/> terms, are made again; <paramref name="termCount"/> terms in all now.</summary>
    internal TermPairs Patched(int[][] before, int[][] after, IReadOnlyList<int> changed, bool[] isChanged, IEnumerable<int> touched, int termCount, int[] urlRank)
    {
        var ids = new Dictionary<long, int>(_ids, PairKeys.Instance);
        var postings = new List<int[]>(_postings);
        var keys = new HashSet<long>();
        foreach (var i in changed)
        {
            ForEachPair(before[i], key => keys.Add(key));
            ForEachPair(after[i], key => keys.Add(key));
        }

        foreach (var key in keys)
        {
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids[key] = postings.Count;
                postings.Add([]);
            }

            var (a, b) = ((int)(key >> 32), (int)key);
            postings[id] = RelatedArticles.TermIndex.Spliced(
                postings[id], isChanged, changed.Where(i => Array.IndexOf(after[i], a) >= 0 && Array.IndexOf(after[i], b) >= 0), i => i);
        }

        var byRank = new int[termCount][];
        Array.Copy(_byRank, byRank, _byRank.Length);
        byRank.AsSpan(_byRank.Length).Fill([]);
        foreach (var term in touched)
        {
            byRank[term] = RelatedArticles.TermIndex.Spliced(byRank[term], isChanged, changed.Where(i => Array.IndexOf(after[i], term) >= 0), i => urlRank[i]);
        }

        return new TermPairs(ids, [.. postings], byRank);
    }

    /// <summary>These pairs with article a now numbered <paramref name="to"/>[a]: the same pairs, each posting ascending
    /// again, each term's URL order the same.</summary>
    internal TermPairs Renumbered(int[] to) => new(
        _ids,
        [.. _postings.Select(p => RelatedArticles.TermIndex.Renumbered(p, to, sort: true))],
        [.. _byRank.Select(p => RelatedArticles.TermIndex.Renumbered(p, to, sort: false))]);

    /// <summary>The articles holding both terms <paramref name="a"/> and <paramref name="b"/> (for tests).</summary>
    internal IReadOnlyList<int> ArticlesOf(int a, int b) => _ids.TryGetValue(Key(a, b), out var id) ? _postings[id] : [];

    /// <summary>The articles holding <paramref name="term"/>, in URL order (for tests).</summary>
    internal IReadOnlyList<int> InUrlOrder(int term) => _byRank[term];

    /// <summary>Offers <paramref name="best"/> every article that might be kept on its people and tags alone (the text
    /// candidates, <paramref name="text"/>, ascending, were offered already with their text scores).</summary>
    internal void Offer(RelatedArticles.TermIndex terms, int index, List<int> text, RelatedArticles.Best best, RelatedArticles.Scratch scratch)
    {
        if (scratch.PairCount.Length < scratch.TermScore.Length)
        {
            scratch.PairCount = new int[scratch.TermScore.Length];
        }

        var (count, weight, touched) = (scratch.PairCount, scratch.TermScore, scratch.Touched);
        var mine = terms.TermsOf[index];
        touched.Clear();
        for (var a = 0; a < mine.Length; a++)
        {
            for (var b = a + 1; b < mine.Length; b++)
            {
                if (!_ids.TryGetValue(Key(mine[a], mine[b]), out var id))
                {
                    continue;
                }

                var pair = terms.Weights[mine[a]] + terms.Weights[mine[b]];
                foreach (var j in _postings[id])
                {
                    if (count[j]++ == 0)
                    {
                        touched.Add(j);
                    }

                    weight[j] += pair;
                }
            }
        }

        // An article sharing k terms is in k(k-1)/2 of the pairs, and each of its terms in k-1 of them.
        foreach (var j in touched)
        {
            var shared = 2;
            while (shared * (shared - 1) / 2 < count[j])
            {
                shared++;
            }

            var score = weight[j] / (shared - 1);
            if (j != index && best.MightTake(j, score) && text.BinarySearch(j) < 0)
            {
                best.Offer(j, 0, 0, score);
            }
        }

        foreach (var term in mine)
        {
            var single = terms.Weights[term];
            foreach (var j in _byRank[term])
            {
                if (j == index || count[j] != 0 || text.BinarySearch(j) >= 0)
                {
                    continue;
                }

                // Later ones come after it in URL order with the same score: none can be kept either.
                if (!best.MightTake(j, single))
                {
                    break;
                }

                best.Offer(j, 0, 0, single);
            }
        }

        foreach (var j in touched)
        {
            count[j] = 0;
            weight[j] = 0;
        }

        touched.Clear();
    }

    private static void ForEachPair(int[] terms, Action<long> pair)
    {
        for (var a = 0; a < terms.Length; a++)
        {
            for (var b = a + 1; b < terms.Length; b++)
            {
                pair(Key(terms[a], terms[b]));
            }
        }
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>Pair keys hashed by mixing all their bits: <see cref="long.GetHashCode"/> folds the two term ids together
    /// with XOR, so a dossier of a few hundred terms had a few hundred hash codes for tens of thousands of pairs (chains of
    /// dozens of keys per lookup: 2 % of a 100,000-article build's CPU).</summary>
    private sealed class PairKeys : IEqualityComparer<long>
    {
        public static readonly PairKeys Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
