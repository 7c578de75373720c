using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Search;

/// <summary>The inverted index the search page reads: for each folded word, the articles that have it with a
/// BM25F weight, which spellings of the word each has, and the word positions (for phrases).
/// Document ids are positions in the timeline (newest first), so a lower id breaks a tie by date.</summary>
/// <param name="Terms">Folded words in ordinal order.</param>
/// <param name="DocumentCount">How many articles.</param>
internal sealed record SearchIndex(IReadOnlyList<IndexedTerm> Terms, int DocumentCount);

/// <summary>One folded word and its postings.</summary>
/// <param name="Word">Folded, e.g. <c>pham</c>.</param>
/// <param name="Spellings">The lower-case spellings seen, most frequent first (e.g. <c>phạm</c>, <c>pham</c>); a
/// posting's spelling mask has bit i set when the article has spelling i (the first 30 only).</param>
/// <param name="Postings">By document id.</param>
internal sealed record IndexedTerm(string Word, IReadOnlyList<string> Spellings, IReadOnlyList<Posting> Postings);

/// <summary>One article having one word.</summary>
/// <param name="Document">Document id.</param>
/// <param name="Weight">BM25F score × 100, at least 1.</param>
/// <param name="SpellingMask">Which of the term's spellings occur.</param>
/// <param name="Positions">Word positions in the article's title, people, tags, source and body, in that order.</param>
internal sealed record Posting(int Document, int Weight, int SpellingMask, IReadOnlyList<int> Positions);

/// <summary>Builds <see cref="SearchIndex"/> from the dossier: BM25F over five fields, the title weighted most.</summary>
internal static class SearchIndexBuilder
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Title, people, tags, source, body. Positions leave a gap between fields (and between names) so a
    /// phrase never runs from one into the next.</summary>
    private static readonly double[] FieldWeights = [5, 3, 3, 2, 1];
    private const int Gap = 2;
    private const int MaxSpellingBits = 30;

    public static SearchIndex Build(DossierModel model)
    {
        var articles = model.Articles;
        var parsed = new ParsedDocument[articles.Count];
        Parallel.For(0, articles.Count, i => parsed[i] = Parse(articles[i]));

        var averages = new double[FieldWeights.Length];
        for (var f = 0; f < averages.Length; f++)
        {
            averages[f] = parsed.Length == 0 ? 1 : Math.Max(1, parsed.Average(d => (double)d.FieldLengths[f]));
        }

        // Merged in document order, so postings come out sorted and the build is deterministic.
        var byWord = new Dictionary<string, List<(int Document, DocumentWord Word)>>(StringComparer.Ordinal);
        for (var d = 0; d < parsed.Length; d++)
        {
            foreach (var (word, hits) in parsed[d].Words)
            {
                if (!byWord.TryGetValue(word, out var list))
                {
                    byWord[word] = list = [];
                }

                list.Add((d, hits));
            }
        }

        var n = parsed.Length;
        var terms = byWord.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var list = kv.Value;
            var idf = Math.Log(1 + ((n - list.Count + 0.5) / (list.Count + 0.5)));
            var spellings = list.SelectMany(p => p.Word.Spellings).GroupBy(s => s, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            var bit = spellings.Take(MaxSpellingBits).Select((s, i) => (s, i)).ToDictionary(x => x.s, x => 1 << x.i, StringComparer.Ordinal);
            var postings = list.Select(p =>
            {
                var tf = 0.0;
                for (var f = 0; f < FieldWeights.Length; f++)
                {
                    tf += FieldWeights[f] * p.Word.Counts[f] / (1 - B + (B * parsed[p.Document].FieldLengths[f] / averages[f]));
                }

                var score = idf * tf * (K1 + 1) / (K1 + tf);
                var mask = p.Word.Spellings.Sum(s => bit.GetValueOrDefault(s));
                return new Posting(p.Document, Math.Max(1, (int)Math.Round(score * 100)), mask, p.Word.Positions);
            }).ToList();
            return new IndexedTerm(kv.Key, spellings, postings);
        }).ToList();
        return new SearchIndex(terms, n);
    }

    private static ParsedDocument Parse(ArticleView article)
    {
        var fields = new[]
        {
            new[] { article.Title },
            [.. article.People.Select(p => p.Name)],
            [.. article.Tags.Select(t => t.Name)],
            article.Source is null ? [] : [article.Source],
            [article.PlainText],
        };
        var words = new Dictionary<string, DocumentWord>(StringComparer.Ordinal);
        var lengths = new int[fields.Length];
        var position = 0;
        for (var f = 0; f < fields.Length; f++)
        {
            foreach (var text in fields[f])
            {
                foreach (var w in SearchText.Words(text))
                {
                    if (!words.TryGetValue(w.Folded, out var hits))
                    {
                        words[w.Folded] = hits = new DocumentWord(new int[fields.Length], [], new SortedSet<string>(StringComparer.Ordinal));
                    }

                    hits.Counts[f]++;
                    hits.Positions.Add(position++);
                    hits.Spellings.Add(w.Exact);
                    lengths[f]++;
                }

                position += Gap;
            }
        }

        return new ParsedDocument(words, lengths);
    }

    private sealed record ParsedDocument(Dictionary<string, DocumentWord> Words, int[] FieldLengths);

    private sealed record DocumentWord(int[] Counts, List<int> Positions, SortedSet<string> Spellings);
}
