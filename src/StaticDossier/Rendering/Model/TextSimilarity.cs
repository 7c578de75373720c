namespace StaticDossier.Rendering.Model;

/// <summary>How alike article bodies are, over folded words (case and diacritics ignored). Two measures:
/// TF-IDF cosine over words, for topical closeness; and containment of word triples (shingles), for the
/// same report published twice in different words around shared sentences. Features are numbered in
/// order of first appearance and kept as sorted arrays, so every comparison is a merge in a fixed order:
/// deterministic, and fast enough for all pairs of a few thousand articles.</summary>
internal sealed class TextSimilarity
{
    private const int ShingleSize = 3;
    private readonly List<(int[] Ids, double[] Weights)> _vectors;
    private readonly List<int[]> _shingles;

    public TextSimilarity(IReadOnlyList<string> texts)
    {
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var shingleIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = texts.Select(t => TermMatcher.Key(t).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var counts = words.Select(w => Count(w, wordIds)).ToList();
        var documentFrequency = new int[wordIds.Count];
        foreach (var id in counts.SelectMany(c => c.Keys))
        {
            documentFrequency[id]++;
        }

        _vectors = [.. counts.Select(c => Weigh(c, documentFrequency, texts.Count))];
        _shingles = [.. words.Select(w => Shingles(w, shingleIds))];
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

    private static SortedDictionary<int, int> Count(string[] words, Dictionary<string, int> ids)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var word in words)
        {
            var id = Id(ids, word);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        return counts;
    }

    private static int[] Shingles(string[] words, Dictionary<string, int> ids)
    {
        var shingles = new SortedSet<int>();
        for (var i = 0; i + ShingleSize <= words.Length; i++)
        {
            shingles.Add(Id(ids, string.Join(' ', words, i, ShingleSize)));
        }

        return [.. shingles];
    }

    private static int Id(Dictionary<string, int> ids, string feature)
    {
        if (!ids.TryGetValue(feature, out var id))
        {
            id = ids.Count;
            ids[feature] = id;
        }

        return id;
    }

    private static (int[] Ids, double[] Weights) Weigh(SortedDictionary<int, int> counts, int[] documentFrequency, int documents)
    {
        var ids = new List<int>(counts.Count);
        var weights = new List<double>(counts.Count);
        foreach (var (id, count) in counts)
        {
            // A word found in every document says nothing about which two belong together.
            var idf = Math.Log((double)documents / documentFrequency[id]);
            if (idf > 0)
            {
                ids.Add(id);
                weights.Add((1 + Math.Log(count)) * idf);
            }
        }

        var norm = Math.Sqrt(weights.Sum(w => w * w));
        return ([.. ids], [.. weights.Select(w => norm > 0 ? w / norm : 0)]);
    }
}
