namespace StaticDossier.Rendering.Model;

/// <summary>How alike article bodies are, over folded words (case and diacritics ignored). Two measures:
/// TF-IDF cosine over words, for topical closeness; and containment of word triples (shingles), for the
/// same report published twice in different words around shared sentences. Words are numbered by the
/// rank of a hash of their spelling, and features kept as sorted arrays, so every comparison is a merge in a fixed order:
/// deterministic, and fast enough for all pairs of a few thousand articles.</summary>
internal sealed class TextSimilarity
{
    private const int ShingleSize = 3;
    private readonly (int[] Ids, double[] Weights)[] _vectors;
    private readonly long[][] _shingles;
    private readonly long[][] _sampled;
    private readonly List<(int Document, double Weight)>[] _wordPostings;
    private readonly int _vocabulary;
    private readonly Dictionary<long, List<int>> _shinglePostings = [];
    private readonly bool _everyTriple;

    /// <summary>Prepares <paramref name="keys"/>: texts already folded by <see cref="TermMatcher.Key"/>
    /// (lower case, no diacritics, words separated by single spaces).</summary>
    /// <param name="keys">The folded texts.</param>
    /// <param name="everyTriple">Index every word triple, for <see cref="Accumulate"/>; otherwise only a fixed
    /// eighth of them (by hash), enough for <see cref="Candidates"/> to find bodies sharing dozens of triples.</param>
    public TextSimilarity(IReadOnlyList<string> keys, bool everyTriple = true)
    {
        _topTerms = new(BuildTopTerms);
        _everyTriple = everyTriple;
        // Words are numbered by the rank of a 64-bit hash of their spelling: tokenising runs on every core,
        // and only the distinct hashes meet in one place. (Two words sharing a hash would merely count as one.)
        var hashes = new long[keys.Count][];
        Parallel.For(0, keys.Count, d => hashes[d] = WordHashes(keys[d]));
        var distinct = new HashSet<long>();
        foreach (var document in hashes)
        {
            distinct.UnionWith(document);
        }

        var sorted = distinct.ToArray();
        Array.Sort(sorted);
        var wordIds = new Dictionary<long, int>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            wordIds[sorted[i]] = i;
        }

        var words = new int[keys.Count][];
        Parallel.For(0, keys.Count, d => words[d] = Array.ConvertAll(hashes[d], h => wordIds[h]));
        var documentFrequency = new int[wordIds.Count];
        var counts = new (int[] Ids, int[] Counts)[keys.Count];
        Parallel.For(0, keys.Count, d => counts[d] = Count(words[d]));
        foreach (var (ids, _) in counts)
        {
            foreach (var id in ids)
            {
                documentFrequency[id]++;
            }
        }

        _vectors = new (int[], double[])[keys.Count];
        _shingles = new long[keys.Count][];
        _sampled = new long[keys.Count][];
        Parallel.For(0, keys.Count, d =>
        {
            _vectors[d] = Weigh(counts[d], documentFrequency, keys.Count);
            _shingles[d] = Shingles(words[d]);
            _sampled[d] = everyTriple ? [] : Array.FindAll(_shingles[d], Sampled);
        });

        // Postings in document order, so sums over them run in a fixed order.
        _vocabulary = wordIds.Count;
        _wordPostings = new List<(int, double)>[everyTriple ? wordIds.Count : 0];
        for (var d = 0; d < keys.Count; d++)
        {
            var (ids, weights) = _vectors[d];
            // Every word's postings serve Accumulate, the exact all-pairs pass of a small dossier only.
            for (var i = 0; i < ids.Length && everyTriple; i++)
            {
                (_wordPostings[ids[i]] ??= []).Add((d, weights[i]));
            }

            foreach (var shingle in everyTriple ? _shingles[d] : _sampled[d])
            {
                if (!_shinglePostings.TryGetValue(shingle, out var list))
                {
                    list = [];
                    _shinglePostings[shingle] = list;
                }

                list.Add(d);
            }
        }

        if (!everyTriple)
        {
            // Built now, on every core, rather than on first use while the other threads wait for it.
            _ = _topTerms.Value;
        }
    }

    /// <summary>FNV-1a hashes of the space-separated words of <paramref name="key"/>, in order.</summary>
    private static long[] WordHashes(string key)
    {
        var hashes = new List<long>(key.Length / 5);
        var hash = 14695981039346656037UL;
        var inWord = false;
        foreach (var c in key)
        {
            if (c == ' ')
            {
                if (inWord)
                {
                    hashes.Add((long)hash);
                }

                hash = 14695981039346656037UL;
                inWord = false;
                continue;
            }

            hash = (hash ^ c) * 1099511628211UL;
            inWord = true;
        }

        if (inWord)
        {
            hashes.Add((long)hash);
        }

        return [.. hashes];
    }

    // The same eighth of all triples in every document, so two copies of a story sample the same ones.
    private static bool Sampled(long shingle) => (((ulong)shingle * 0x9E3779B97F4A7C15UL) >> 61) == 0;

    /// <summary>Number of documents.</summary>
    public int Documents => _vectors.Length;

    /// <summary>For document <paramref name="a"/> and every other document <c>b</c> at once: adds the TF-IDF
    /// dot product to <c>dot[b]</c> and the number of shared word triples to <c>shared[b]</c>. Walks the
    /// postings of <paramref name="a"/>'s own words and triples only, so documents with nothing in common
    /// cost nothing; <see cref="Cosine"/> and <see cref="Containment"/> give the same values pair by pair.</summary>
    public void Accumulate(int a, double[] dot, int[] shared)
    {
        var (ids, weights) = _vectors[a];
        for (var i = 0; i < ids.Length; i++)
        {
            foreach (var (document, weight) in _wordPostings[ids[i]])
            {
                dot[document] += weights[i] * weight;
            }
        }

        foreach (var shingle in _shingles[a])
        {
            foreach (var document in _shinglePostings[shingle])
            {
                shared[document]++;
            }
        }
    }

    /// <summary>For a large dossier: the (at most) <paramref name="max"/> documents most likely to be close to
    /// <paramref name="a"/>, ascending, found through each document's few heaviest words and through word
    /// triples that only a few documents share; their scores are then computed exactly. Walking every posting
    /// of every word, as <see cref="Accumulate"/> does, is quadratic in the number of documents.</summary>
    public List<int> Candidates(int a, int max)
    {
        var index = _topTerms.Value;
        // Dense scratch per thread: a dictionary per call was most of the cost at 10,000 articles.
        var estimate = Scratch.Value!;
        if (estimate.Length < _vectors.Length)
        {
            estimate = new double[_vectors.Length];
            Scratch.Value = estimate;
        }

        var touched = Touched.Value!;
        touched.Clear();
        void Add(int document, double value)
        {
            if (estimate[document] == 0)
            {
                touched.Add(document);
            }

            estimate[document] += value;
        }

        // Rarest heavy words first, within a budget: a word among the heaviest of thousands of bodies
        // says little about which of them are close, and walking its postings is what costs.
        var visited = 0;
        foreach (var (id, weight) in index.Top[a])
        {
            var (documents, weights) = index.Postings[id];
            visited += documents.Length;
            if (visited > PostingBudget)
            {
                break;
            }

            for (var k = 0; k < documents.Length; k++)
            {
                Add(documents[k], weight * weights[k]);
            }
        }

        foreach (var shingle in _everyTriple ? _shingles[a] : _sampled[a])
        {
            if (!_shinglePostings.TryGetValue(shingle, out var postings))
            {
                continue;
            }

            if (postings.Count <= RareShingle)
            {
                foreach (var document in postings)
                {
                    // A shared rare triple outweighs any word overlap: it is how the same story shows.
                    Add(document, 1.0);
                }
            }
        }

        // The best `max` by estimate, ties to the lower number: find the max-th largest estimate by
        // selection, then take what is above it. Sorting or heaping thousands of touched bodies cost more
        // than finding them.
        var values = Values.Value!;
        if (values.Length < touched.Count)
        {
            values = new double[Math.Max(touched.Count, values.Length * 2)];
            Values.Value = values;
        }

        var count = 0;
        foreach (var document in touched)
        {
            if (document != a && estimate[document] > 0)
            {
                values[count++] = estimate[document];
            }
        }

        var threshold = count > max ? LargestAt(values.AsSpan(0, count), max - 1) : double.MinValue;
        var chosen = new List<int>(Math.Min(count, max));
        var ties = new List<int>();
        foreach (var document in touched)
        {
            if (document != a && estimate[document] > 0)
            {
                if (estimate[document] > threshold)
                {
                    chosen.Add(document);
                }
                else if (estimate[document] == threshold)
                {
                    ties.Add(document);
                }
            }

            estimate[document] = 0;
        }

        ties.Sort();
        chosen.AddRange(ties.Take(max - chosen.Count));
        chosen.Sort();
        return chosen;
    }

    /// <summary>The value that would be at <paramref name="k"/> if <paramref name="values"/> were sorted
    /// largest first (Hoare's selection; reorders the span).</summary>
    private static double LargestAt(Span<double> values, int k)
    {
        var (low, high) = (0, values.Length - 1);
        while (low < high)
        {
            var pivot = values[low + ((high - low) / 2)];
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (values[i] > pivot)
                {
                    i++;
                }

                while (values[j] < pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static readonly ThreadLocal<double[]> Values = new(() => []);

    private static readonly ThreadLocal<double[]> Scratch = new(() => []);
    private static readonly ThreadLocal<List<int>> Touched = new(() => []);

    private const int TopTermsPerDocument = 24;
    private const int RareShingle = 50;
    // Measured at 10,000 generated articles (`related-recall`): a budget of 1,024 postings keeps as many of the exact
    // top five as 3,072 or 8,000 did (0.38–0.40 of them on that deliberately flat corpus) at a third of the walk.
    private const int PostingBudget = 1024;

    private readonly Lazy<((int Id, double Weight)[][] Top, (int[] Documents, double[] Weights)[] Postings)> _topTerms;

    private ((int, double)[][], (int[], double[])[]) BuildTopTerms()
    {
        var top = new List<(int Id, double Weight)>[_vectors.Length];
        var postings = new List<(int, double)>[_vocabulary];
        Parallel.For(0, _vectors.Length, d =>
        {
            var (ids, weights) = _vectors[d];
            var order = new int[ids.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            // Heaviest first, ties to the lower word id (ids ascend, so to the lower index).
            Array.Sort(order, (x, y) => weights[x] != weights[y] ? weights[y].CompareTo(weights[x]) : x.CompareTo(y));
            top[d] = [.. order.Take(TopTermsPerDocument).Select(i => (ids[i], weights[i]))];
        });

        for (var d = 0; d < _vectors.Length; d++)
        {
            foreach (var (id, weight) in top[d])
            {
                (postings[id] ??= []).Add((d, weight));
            }
        }

        for (var i = 0; i < postings.Length; i++)
        {
            postings[i] ??= [];
        }

        // Rarest first (fewest postings), for the budget in Candidates.
        Parallel.ForEach(top, list =>
        {
            list.Sort((x, y) => postings[x.Id].Count != postings[y.Id].Count ? postings[x.Id].Count.CompareTo(postings[y.Id].Count) : x.Id.CompareTo(y.Id));
        });

        // Arrays rather than lists of pairs: Candidates walks these for every document.
        return ([.. top.Select(t => t.ToArray())], [.. postings.Select(p => (p.Select(x => x.Item1).ToArray(), p.Select(x => x.Item2).ToArray()))]);
    }

    /// <summary>Rounded cosine from an <see cref="Accumulate"/> dot product.</summary>
    public static double CosineOf(double dot) => Math.Round(dot, 6);

    /// <summary>Containment of <paramref name="a"/> and <paramref name="b"/> from an <see cref="Accumulate"/> count.</summary>
    public double ContainmentOf(int a, int b, int shared)
    {
        var smaller = Math.Min(_shingles[a].Length, _shingles[b].Length);
        return smaller == 0 ? 0 : Math.Round((double)shared / smaller, 6);
    }

    /// <summary>Cosine of the two documents' TF-IDF word vectors, 0 to 1.</summary>
    public double Cosine(int a, int b) => Compare(a, [b])[0].Cosine;

    /// <summary>The share of the shorter document's word triples that the other also has, 0 to 1.</summary>
    public double Containment(int a, int b)
    {
        var (sa, sb) = (_shingles[a], _shingles[b]);
        var smaller = Math.Min(sa.Length, sb.Length);
        return smaller == 0 ? 0 : Math.Round((double)Intersect(sa, sb) / smaller, 6);
    }

    /// <summary>How many values two sorted, distinct arrays share.</summary>
    private static int Intersect(long[] sa, long[] sb)
    {
        var shared = 0;
        for (int i = 0, j = 0; i < sa.Length && j < sb.Length;)
        {
            // Branch-free steps: on unrelated sorted hashes a branchy merge mispredicts half the time.
            var (x, y) = (sa[i], sb[j]);
            shared += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }

        return shared;
    }

    /// <summary>Cosine and containment of <paramref name="a"/> with each of <paramref name="others"/>, the same
    /// values as <see cref="Cosine"/> and <see cref="Containment"/>: <paramref name="a"/>'s weights are spread
    /// into a dense per-thread array once, so each cosine is a run of loads rather than a merge.</summary>
    public (double Cosine, double Containment)[] Compare(int a, IReadOnlyList<int> others)
    {
        var dense = DenseWeights.Value!;
        if (dense.Length < _vocabulary)
        {
            dense = new double[_vocabulary];
            DenseWeights.Value = dense;
        }

        var (ids, weights) = _vectors[a];
        for (var i = 0; i < ids.Length; i++)
        {
            dense[ids[i]] = weights[i];
        }

        var scores = new (double, double)[others.Count];
        for (var k = 0; k < others.Count; k++)
        {
            var (ib, wb) = _vectors[others[k]];
            var dot = 0.0;
            for (var j = 0; j < ib.Length; j++)
            {
                dot += dense[ib[j]] * wb[j];
            }

            scores[k] = (Math.Round(dot, 6), _everyTriple ? Containment(a, others[k]) : EstimatedContainment(a, others[k]));
        }

        foreach (var id in ids)
        {
            dense[id] = 0;
        }

        return scores;
    }

    private static readonly ThreadLocal<double[]> DenseWeights = new(() => []);

    /// <summary>Containment from the sampled eighth of each body's triples (unbiased, and eight times cheaper
    /// than the exact merge); exact when the bodies are short or the estimate comes near <see cref="RelatedArticles.NearDuplicate"/>,
    /// so "same story" is never claimed or missed on an estimate.</summary>
    private double EstimatedContainment(int a, int b)
    {
        var (sa, sb) = (_sampled[a], _sampled[b]);
        var smaller = Math.Min(sa.Length, sb.Length);
        if (smaller < 16)
        {
            return Containment(a, b);
        }

        var estimate = (double)Intersect(sa, sb) / smaller;
        return estimate >= RelatedArticles.NearDuplicate / 2 ? Containment(a, b) : Math.Round(estimate, 6);
    }

    /// <summary>Distinct word ids in ascending order, with how often each occurs.</summary>
    private static (int[] Ids, int[] Counts) Count(int[] words)
    {
        var sorted = (int[])words.Clone();
        Array.Sort(sorted);
        var ids = new List<int>();
        var counts = new List<int>();
        foreach (var id in sorted)
        {
            if (ids.Count > 0 && ids[^1] == id)
            {
                counts[^1]++;
            }
            else
            {
                ids.Add(id);
                counts.Add(1);
            }
        }

        return ([.. ids], [.. counts]);
    }

    /// <summary>Word triples as numbers (three 21-bit word ids), sorted and distinct.</summary>
    private static long[] Shingles(int[] words)
    {
        var shingles = new long[Math.Max(0, words.Length - ShingleSize + 1)];
        for (var i = 0; i < shingles.Length; i++)
        {
            shingles[i] = ((long)(words[i] & 0x1FFFFF) << 42) | ((long)(words[i + 1] & 0x1FFFFF) << 21) | (long)(words[i + 2] & 0x1FFFFF);
        }

        Array.Sort(shingles);
        var distinct = shingles.Length == 0 ? 0 : 1;
        for (var i = 1; i < shingles.Length; i++)
        {
            if (shingles[i] != shingles[distinct - 1])
            {
                shingles[distinct++] = shingles[i];
            }
        }

        return shingles[..distinct];
    }

    private static (int[] Ids, double[] Weights) Weigh((int[] Ids, int[] Counts) counts, int[] documentFrequency, int documents)
    {
        var ids = new List<int>(counts.Ids.Length);
        var weights = new List<double>(counts.Ids.Length);
        for (var i = 0; i < counts.Ids.Length; i++)
        {
            // A word found in every document says nothing about which two belong together.
            var idf = Math.Log((double)documents / documentFrequency[counts.Ids[i]]);
            if (idf > 0)
            {
                ids.Add(counts.Ids[i]);
                weights.Add((1 + Math.Log(counts.Counts[i])) * idf);
            }
        }

        var norm = Math.Sqrt(weights.Sum(w => w * w));
        return ([.. ids], [.. weights.Select(w => norm > 0 ? w / norm : 0)]);
    }
}
