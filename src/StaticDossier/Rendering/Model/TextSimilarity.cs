namespace StaticDossier.Rendering.Model;

/// <summary>How alike article bodies are, over folded words (case and diacritics ignored). Two measures:
/// TF-IDF cosine over words, for topical closeness; and containment of word triples (shingles), for the
/// same report published twice in different words around shared sentences. Deterministic.</summary>
internal sealed class TextSimilarity
{
    private const int ShingleSize = 3;
    private readonly List<Dictionary<string, double>> _vectors;
    private readonly List<HashSet<string>> _shingles;

    public TextSimilarity(IReadOnlyList<string> texts)
    {
        var words = texts.Select(t => TermMatcher.Key(t).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var counts = words.Select(Count).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in counts.SelectMany(c => c.Keys))
        {
            documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
        }

        _vectors = [.. counts.Select(c => Weigh(c, documentFrequency, texts.Count))];
        _shingles = [.. words.Select(Shingles)];
    }

    /// <summary>Cosine of the two documents' TF-IDF word vectors, 0 to 1.</summary>
    public double Cosine(int a, int b)
    {
        var (small, large) = _vectors[a].Count <= _vectors[b].Count ? (_vectors[a], _vectors[b]) : (_vectors[b], _vectors[a]);
        var dot = 0.0;
        foreach (var key in small.Keys.Order(StringComparer.Ordinal))
        {
            if (large.TryGetValue(key, out var w))
            {
                dot += small[key] * w;
            }
        }

        return Math.Round(dot, 6);
    }

    /// <summary>The share of the shorter document's word triples that the other also has, 0 to 1.</summary>
    public double Containment(int a, int b)
    {
        var (small, large) = _shingles[a].Count <= _shingles[b].Count ? (_shingles[a], _shingles[b]) : (_shingles[b], _shingles[a]);
        return small.Count == 0 ? 0 : Math.Round((double)small.Count(large.Contains) / small.Count, 6);
    }

    private static Dictionary<string, int> Count(string[] words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return counts;
    }

    private static HashSet<string> Shingles(string[] words)
    {
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleSize <= words.Length; i++)
        {
            shingles.Add(string.Join(' ', words, i, ShingleSize));
        }

        return shingles;
    }

    private static Dictionary<string, double> Weigh(Dictionary<string, int> counts, Dictionary<string, int> documentFrequency, int documents)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in counts.Keys.Order(StringComparer.Ordinal))
        {
            // A word found in every document says nothing about which two belong together.
            var idf = Math.Log((double)documents / documentFrequency[key]);
            if (idf > 0)
            {
                weights[key] = (1 + Math.Log(counts[key])) * idf;
            }
        }

        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var key in weights.Keys.ToList())
            {
                weights[key] /= norm;
            }
        }

        return weights;
    }
}
