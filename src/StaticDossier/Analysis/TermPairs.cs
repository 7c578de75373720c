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
    /// <remarks>The articles sharing two terms or more are found in the postings of pairs of this article's terms; an
    /// article is met in the pair postings of every pair it shares. Walking all of them grows with the dossier for each
    /// article (a pair of tags is on a fixed share of it), but only those whose shared terms weigh at least the fifth kept
    /// can still be kept: once five are kept, only the sets of terms weighing that much are looked for, each through the
    /// pair with the fewest articles it holds, and an article met is scored on all the terms it shares.</remarks>
    internal void Offer(RelatedArticles.TermIndex terms, int index, List<int> text, RelatedArticles.Best best, RelatedArticles.Scratch scratch)
    {
        if (scratch.Met.Length < scratch.TermScore.Length)
        {
            scratch.Met = new bool[scratch.TermScore.Length];
        }

        var (met, touched) = (scratch.Met, scratch.Touched);
        var mine = terms.TermsOf[index];
        touched.Clear();
        var plan = PairPlan.Of(this, terms, mine, scratch);
        for (var next = plan.Next(best); next >= 0; next = plan.Next(best))
        {
            foreach (var j in _postings[plan.Ids[next]])
            {
                if (met[j])
                {
                    continue;
                }

                met[j] = true;
                touched.Add(j);
                if (j != index && text.BinarySearch(j) < 0 && SharedWeight(terms, mine, j) is var score && best.MightTake(j, score))
                {
                    best.Offer(j, 0, 0, score);
                }
            }
        }

        // An article sharing one term only is met here; one sharing more that no pair walked weighs less than the fifth
        // kept (see remarks), so its single term's weight, less again, ends that term's walk as the next would.
        foreach (var term in mine)
        {
            var single = terms.Weights[term];
            foreach (var j in _byRank[term])
            {
                if (j == index || met[j] || text.BinarySearch(j) >= 0)
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
            met[j] = false;
        }

        touched.Clear();
    }

    /// <summary>The weight of the terms article <paramref name="j"/> shares with <paramref name="mine"/>.</summary>
    private static int SharedWeight(RelatedArticles.TermIndex terms, int[] mine, int j)
    {
        var (theirs, score) = (terms.TermsOf[j], 0);
        foreach (var term in mine)
        {
            if (Array.IndexOf(theirs, term) >= 0)
            {
                score += terms.Weights[term];
            }
        }

        return score;
    }

    /// <summary>Which pairs of an article's terms to walk: those some article holds, fewest articles first. Until five
    /// are kept each is walked in turn; then only a pair that is the cheapest of a set of terms weighing at least the
    /// fifth kept's score, none of whose pairs was walked yet (an article sharing exactly that set was not met).</summary>
    private ref struct PairPlan
    {
        // Sets of terms are numbered by bit masks over the article's terms; this many terms at most are planned for.
        private const int MostTerms = 8;

        public readonly ReadOnlySpan<int> Ids;
        private readonly ReadOnlySpan<ulong> _pairsOf;
        private readonly ReadOnlySpan<int> _weightOf;
        private ulong _walked;
        private int _walkedAll;

        private PairPlan(ReadOnlySpan<int> ids, ReadOnlySpan<ulong> pairsOf, ReadOnlySpan<int> weightOf)
        {
            Ids = ids;
            _pairsOf = pairsOf;
            _weightOf = weightOf;
        }

        public static PairPlan Of(TermPairs pairs, RelatedArticles.TermIndex terms, int[] mine, RelatedArticles.Scratch scratch)
        {
            var found = scratch.Pairs;
            found.Clear();
            for (var a = 0; a < mine.Length; a++)
            {
                for (var b = a + 1; b < mine.Length; b++)
                {
                    if (pairs._ids.TryGetValue(Key(mine[a], mine[b]), out var id))
                    {
                        found.Add((pairs._postings[id].Length, a, b, id));
                    }
                }
            }

            found.Sort();
            if (scratch.PairIds.Length < found.Count)
            {
                scratch.PairIds = new int[Math.Max(found.Count, 2 * scratch.PairIds.Length)];
            }

            var ids = scratch.PairIds.AsSpan(0, found.Count);
            for (var p = 0; p < found.Count; p++)
            {
                ids[p] = found[p].Id;
            }

            if (mine.Length > MostTerms)
            {
                return new(ids, [], []);
            }

            // For each set of terms, the pairs of it some article holds and its weight; a set with a pair no article holds
            // is no article's shared set (left with no pairs).
            var sets = 1 << mine.Length;
            var pairsOf = scratch.SetPairs.AsSpan(0, sets);
            var weightOf = scratch.SetWeights.AsSpan(0, sets);
            pairsOf.Clear();
            weightOf.Clear();
            for (var p = 0; p < found.Count; p++)
            {
                pairsOf[(1 << found[p].A) | (1 << found[p].B)] = 1UL << p;
            }

            for (var set = 1; set < sets; set++)
            {
                var top = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)set);
                var rest = set & ~(1 << top);
                weightOf[set] = weightOf[rest] + terms.Weights[mine[top]];
                if (System.Numerics.BitOperations.PopCount((uint)set) < 3)
                {
                    continue;
                }

                // The pairs of the set: those of the rest, and each of the top term with one of the rest.
                var with = pairsOf[rest];
                for (var others = rest; others != 0 && with != 0; others &= others - 1)
                {
                    var pair = pairsOf[(1 << System.Numerics.BitOperations.TrailingZeroCount(others)) | (1 << top)];
                    with = pair == 0 ? 0 : with | pair;
                }

                pairsOf[set] = with;
            }

            return new(ids, pairsOf, weightOf);
        }

        /// <summary>The next pair to walk, marked walked; -1 when none is left.</summary>
        public int Next(RelatedArticles.Best best)
        {
            if (_pairsOf.IsEmpty)
            {
                // Too many terms to plan: every pair in turn.
                return _walkedAll < Ids.Length ? _walkedAll++ : -1;
            }

            var next = -1;
            if (best.Kept.Count < RelatedArticles.MaxRelated)
            {
                // The cheapest pair not walked yet.
                next = ~_walked == 0 ? -1 : System.Numerics.BitOperations.TrailingZeroCount(~_walked);
                next = next < Ids.Length ? next : -1;
            }
            else
            {
                // A set holding a walked pair was met in full; of the others weighing enough, the cheapest pair of each.
                var fifth = best.Kept[^1].Score;
                for (var set = 3; set < _pairsOf.Length; set++)
                {
                    var pairs = _pairsOf[set];
                    if (pairs != 0 && (pairs & _walked) == 0 && _weightOf[set] >= fifth)
                    {
                        var cheapest = System.Numerics.BitOperations.TrailingZeroCount(pairs);
                        next = next < 0 ? cheapest : Math.Min(next, cheapest);
                    }
                }
            }

            if (next >= 0)
            {
                _walked |= 1UL << next;
            }

            return next;
        }
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
