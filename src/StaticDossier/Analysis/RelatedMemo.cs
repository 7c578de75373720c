using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>What a long-lived builder (<c>serve</c>) keeps of the related-article lists between builds of a large
/// dossier, so that a save computes again only the lists it can change; each list is exactly what a full build makes.
/// <para>A list (<see cref="RelatedArticles.For"/>, beyond <see cref="RelatedArticles.ExactUpTo"/> articles) reads:
/// the article's heaviest words and, for each, the bodies that count it among theirs with their weights; the bodies
/// sharing a rarely shared sampled word triple; the cosines and containments of the candidates found so; the people and
/// tags shared with it; and the links and shared names of the five kept. So after a save, a list is made again when
/// its article is one of: a body whose text changed, or whose weights moved because the share of bodies having one of
/// its words changed (the IDF is global); a body whose heaviest words include one of the heaviest words (before or now) of
/// those; a body sharing a sampled
/// triple with those; a body sharing a person or tag (before or after) with an article whose people or tags changed; a
/// body whose last list named an article whose link or names changed. Anything else (an article added, removed or
/// moved in the timeline, new labels, a word now or before in every body, a small dossier's all-pairs pass, or a change
/// reaching a quarter of the dossier) makes every list again.</para></summary>
internal sealed class RelatedMemo
{
    private State? _last;

    /// <summary>Lists made (not kept) by the last build.</summary>
    public int Made { get; private set; }

    /// <summary>Every article's related list: the last build's where nothing it reads changed, else <paramref name="make"/>.</summary>
    public List<ArticleLink>[] Lists(List<ArticleView> articles, IReadOnlyList<string> keys, TextSimilarity similarity, RelatedLabels labels, Func<int, List<ArticleLink>> make)
    {
        var now = new State(
            [.. articles.Select(a => a.Url)],
            [.. keys],
            [.. articles.Select(a => a.People)],
            [.. articles.Select(a => a.Tags)],
            [.. articles.Select(a => a.ToLink())],
            labels,
            similarity.EveryTriple)
        {
            TopWords = similarity.EveryTriple ? [] : [.. Enumerable.Range(0, articles.Count).Select(similarity.TopWordHashesOf)],
        };
        var again = _last is { } last && Comparable(last, now) ? Affected(last, now, similarity) : null;
        var related = new List<ArticleLink>[articles.Count];
        Parallel.For(0, related.Length, i => related[i] = again is null || again[i] ? make(i) : _last!.Related[i]);
        Made = again is null ? related.Length : again.Count(a => a);
        _last = now with { Related = related };
        return related;
    }

    /// <summary>Forgets the last build (its lists were never published).</summary>
    public void Forget() => _last = null;

    private static bool Comparable(State last, State now) =>
        !now.EveryTriple && !last.EveryTriple && last.Urls.Length == now.Urls.Length && last.Labels == now.Labels
        && last.Urls.AsSpan().SequenceEqual(now.Urls);

    /// <summary>Which lists to make again (see the class); null for all.</summary>
    private static bool[]? Affected(State last, State now, TextSimilarity similarity)
    {
        var count = now.Urls.Length;
        var again = new bool[count];
        var textChanged = Enumerable.Range(0, count).Where(i => !string.Equals(last.Keys[i], now.Keys[i], StringComparison.Ordinal)).ToList();
        var namesChanged = Enumerable.Range(0, count).Where(i => !last.People[i].SequenceEqual(now.People[i]) || !last.Tags[i].SequenceEqual(now.Tags[i])).ToList();
        var linkChanged = namesChanged.Concat(Enumerable.Range(0, count).Where(i => last.Links[i] != now.Links[i])).ToHashSet();

        if (textChanged.Count > 0)
        {
            // A word's share of bodies changes only through the bodies whose text changed.
            var shifts = new Dictionary<long, int>();
            var words = new HashSet<long>();
            var triples = new HashSet<long>();
            foreach (var i in textChanged)
            {
                var (before, sampledBefore) = TextSimilarity.Features(last.Keys[i]);
                var (after, sampledAfter) = TextSimilarity.Features(now.Keys[i]);
                foreach (var word in before)
                {
                    shifts[word] = shifts.GetValueOrDefault(word) - 1;
                }

                foreach (var word in after)
                {
                    shifts[word] = shifts.GetValueOrDefault(word) + 1;
                }

                triples.UnionWith(sampledBefore);
                triples.UnionWith(sampledAfter);
                again[i] = true;
            }

            var reweighed = shifts.Where(s => s.Value != 0).Select(s => s.Key).ToHashSet();
            foreach (var word in reweighed)
            {
                // A word in every body is left out of every vector: one entering or leaving that state moves them all.
                var frequency = similarity.DocumentFrequency(word);
                if (frequency >= count || frequency - shifts[word] >= count)
                {
                    return null;
                }
            }

            var moved = similarity.DocumentsWithWords(reweighed);
            if (moved.Count > count / 4)
            {
                return null;
            }

            foreach (var d in moved.Where(d => !again[d]))
            {
                again[d] = true;
                triples.UnionWith(TextSimilarity.Features(now.Keys[d]).Sampled);
            }

            // Another body meets a reweighed one only through the postings of the latter's heaviest words, before or now.
            foreach (var d in textChanged.Concat(moved))
            {
                words.UnionWith(last.TopWords[d]);
                words.UnionWith(now.TopWords[d]);
            }

            foreach (var d in similarity.DocumentsWithTopWords(words))
            {
                again[d] = true;
            }

            foreach (var d in similarity.DocumentsWithSampled(triples))
            {
                again[d] = true;
            }
        }

        if (namesChanged.Count > 0)
        {
            var terms = namesChanged.SelectMany(i => last.People[i].Concat(last.Tags[i]).Concat(now.People[i]).Concat(now.Tags[i])).Select(t => t.Url).ToHashSet(StringComparer.Ordinal);
            for (var d = 0; d < count; d++)
            {
                if (now.People[d].Concat(now.Tags[d]).Any(t => terms.Contains(t.Url)))
                {
                    again[d] = true;
                }
            }
        }

        if (linkChanged.Count > 0)
        {
            var urls = linkChanged.Select(i => now.Urls[i]).ToHashSet(StringComparer.Ordinal);
            for (var d = 0; d < count; d++)
            {
                if (last.Related[d].Any(link => urls.Contains(link.Url)))
                {
                    again[d] = true;
                }
            }
        }

        return again;
    }

    /// <summary>What one build's lists were made from, by article in timeline order.</summary>
    private sealed record State(string[] Urls, string[] Keys, IReadOnlyList<TermLink>[] People, IReadOnlyList<TermLink>[] Tags, ArticleLink[] Links, RelatedLabels Labels, bool EveryTriple)
    {
        public List<ArticleLink>[] Related { get; init; } = [];

        /// <summary>Each body's heaviest words' hashes (<see cref="TextSimilarity.TopWordHashesOf"/>).</summary>
        public long[][] TopWords { get; init; } = [];
    }
}
