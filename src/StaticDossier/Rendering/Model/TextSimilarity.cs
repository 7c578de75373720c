namespace StaticDossier.Rendering.Model;

/// <summary>How alike article bodies are, over folded words (case and diacritics ignored). Two measures:
/// TF-IDF cosine over words, for topical closeness; and containment of word triples (shingles), for the
/// same report published twice in different words around shared sentences. Features are numbered in
/// order of first appearance and kept as sorted arrays, so every comparison is a merge in a fixed order:
/// deterministic, and fast enough for all pairs of a few thousand articles.</summary>
internal sealed class TextSimilarity
{
    private const int ShingleSize = 3;
    private readonly (int[] Ids, double[] Weights)[] _vectors;
    private readonly long[][] _shingles;
    private readonly List<(int Document, double Weight)>[] _wordPostings;
    private readonly Dictionary<long, List<int>> _shinglePostings = [];

    /// <summary>Prepares <paramref name="keys"/>: texts already folded by <see cref="TermMatcher.Key"/>
    /// (lower case, no diacritics, words separated by single spaces).</summary>
    public TextSimilarity(IReadOnlyList<string> keys)
    {
        _topTerms = new(BuildTopTerms);
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new int[keys.Count][];
        for (var d = 0; d < keys.Count; d++)
        {
            var split = keys[d].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            words[d] = new int[split.Length];
            for (var w = 0; w < split.Length; w++)
            {
                if (!wordIds.TryGetValue(split[w], out var id))
                {
                    id = wordIds.Count;
                    wordIds[split[w]] = id;
                }

                words[d][w] = id;
            }
        }

        var documentFrequency = new int[wordIds.Count];
        var counts = words.Select(Count).ToArray();
        foreach (var (ids, _) in counts)
        {
            foreach (var id in ids)
            {
                documentFrequency[id]++;
            }
        }

        _vectors = new (int[], double[])[keys.Count];
        _shingles = new long[keys.Count][];
        Parallel.For(0, keys.Count, d =>
        {
            _vectors[d] = Weigh(counts[d], documentFrequency, keys.Count);
            _shingles[d] = Shingles(words[d]);
        });

        // Postings in document order, so sums over them run in a fixed order.
        _wordPostings = new List<(int, double)>[wordIds.Count];
        for (var d = 0; d < keys.Count; d++)
        {
            var (ids, weights) = _vectors[d];
            for (var i = 0; i < ids.Length; i++)
            {
                (_wordPostings[ids[i]] ??= []).Add((d, weights[i]));
            }

            foreach (var shingle in _shingles[d])
            {
                if (!_shinglePostings.TryGetValue(shingle, out var list))
                {
                    list = [];
                    _shinglePostings[shingle] = list;
                }

                list.Add(d);
            }
        }
    }

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

        var touched = new List<int>();
        void Add(int document, double value)
        {
            if (estimate[document] == 0)
            {
                touched.Add(document);
            }

            estimate[document] += value;
        }

        foreach (var (id, weight) in index.Top[a])
        {
            foreach (var (document, other) in index.Postings[id])
            {
                Add(document, weight * other);
            }
        }

        foreach (var shingle in _shingles[a])
        {
            var postings = _shinglePostings[shingle];
            if (postings.Count <= RareShingle)
            {
                foreach (var document in postings)
                {
                    // A shared rare triple outweighs any word overlap: it is how the same story shows.
                    Add(document, 1.0);
                }
            }
        }

        var scored = new List<(double Score, int Document)>(touched.Count);
        foreach (var document in touched)
        {
            if (document != a && estimate[document] > 0)
            {
                scored.Add((estimate[document], document));
            }

            estimate[document] = 0;
        }

        scored.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Document.CompareTo(y.Document));
        var chosen = scored.Take(max).Select(x => x.Document).ToList();
        chosen.Sort();
        return chosen;
    }

    private static readonly ThreadLocal<double[]> Scratch = new(() => []);

    private const int TopTermsPerDocument = 24;
    private const int RareShingle = 50;

    private readonly Lazy<(List<(int Id, double Weight)>[] Top, List<(int Document, double Weight)>[] Postings)> _topTerms;

    private (List<(int, double)>[], List<(int, double)>[]) BuildTopTerms()
    {
        var top = new List<(int Id, double Weight)>[_vectors.Length];
        var postings = new List<(int, double)>[_wordPostings.Length];
        for (var d = 0; d < _vectors.Length; d++)
        {
            var (ids, weights) = _vectors[d];
            top[d] = [.. ids.Select((id, i) => (id, weights[i])).OrderByDescending(t => t.Item2).ThenBy(t => t.id).Take(TopTermsPerDocument)];
            foreach (var (id, weight) in top[d])
            {
                (postings[id] ??= []).Add((d, weight));
            }
        }

        for (var i = 0; i < postings.Length; i++)
        {
            postings[i] ??= [];
        }

        return (top, postings);
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
    public double Cosine(int a, int b)
    {
        var (ia, wa) = _vectors[a];
        var (ib, wb) = _vectors[b];
        var dot = 0.0;
        for (int i = 0, j = 0; i < ia.Length && j < ib.Length;)
        {
            if (ia[i] == ib[j])
            {
                dot += wa[i++] * wb[j++];
            }
            else if (ia[i] < ib[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Round(dot, 6);
    }

    /// <summary>The share of the shorter document's word triples that the other also has, 0 to 1.</summary>
    public double Containment(int a, int b)
    {
        var (sa, sb) = (_shingles[a], _shingles[b]);
        var shared = 0;
        for (int i = 0, j = 0; i < sa.Length && j < sb.Length;)
        {
            if (sa[i] == sb[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (sa[i] < sb[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var smaller = Math.Min(sa.Length, sb.Length);
        return smaller == 0 ? 0 : Math.Round((double)shared / smaller, 6);
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
