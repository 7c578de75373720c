namespace StaticDossier.Rendering.Model;

/// <summary>Chooses an article's related articles: the same story reported elsewhere (shared word triples),
/// similar text (TF-IDF cosine), shared people and shared tags, strongest first, with the reason shown.</summary>
internal static class RelatedArticles
{
    /// <summary>Share of word triples two bodies have in common at or above which they are reported as the
    /// same story told twice (the shorter body's triples; unrelated reports share under 0.04).</summary>
    public const double NearDuplicate = 0.1;

    /// <summary>Cosine at or above which two bodies are related even without shared people or tags.</summary>
    public const double Similar = 0.2;

    public const int MaxRelated = 5;

    /// <summary>Up to this many articles, every article sharing any word is scored exactly; beyond it, the
    /// text is compared exactly only with each article's likeliest candidates (see <see cref="TextSimilarity.Candidates"/>).</summary>
    public const int ExactUpTo = 2000;

    private const int TextCandidates = 64;

    /// <summary>For each person and tag page (by URL), the indexes of the articles on it.</summary>
    public static Dictionary<string, List<int>> TermIndex(List<ArticleView> articles)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            foreach (var term in articles[i].People.Concat(articles[i].Tags))
            {
                if (!index.TryGetValue(term.Url, out var list))
                {
                    list = [];
                    index[term.Url] = list;
                }

                list.Add(i);
            }
        }

        return index;
    }

    /// <summary>The related articles of <c>articles[index]</c>. Only articles sharing a word, a word triple,
    /// a person or a tag are scored, and reasons are written only for the few kept.</summary>
    public static List<ArticleLink> For(List<ArticleView> articles, int index, TextSimilarity similarity, Dictionary<string, List<int>> terms)
    {
        var me = articles[index];
        var best = new List<(double Score, int Index, double Shared, double Cosine)>(MaxRelated + 1);
        if (articles.Count <= ExactUpTo)
        {
            var dot = new double[articles.Count];
            var sharedTriples = new int[articles.Count];
            similarity.Accumulate(index, dot, sharedTriples);
            for (var j = 0; j < articles.Count; j++)
            {
                if (j != index && (dot[j] != 0 || sharedTriples[j] != 0 || me.People.Count + me.Tags.Count > 0))
                {
                    Score(articles, index, j, TextSimilarity.CosineOf(dot[j]), similarity.ContainmentOf(index, j, sharedTriples[j]), best);
                }
            }
        }
        else
        {
            var text = similarity.Candidates(index, TextCandidates);
            var candidates = new SortedSet<int>(text);
            foreach (var term in me.People.Concat(me.Tags))
            {
                candidates.UnionWith(terms.GetValueOrDefault(term.Url) ?? []);
            }

            candidates.Remove(index);
            foreach (var j in candidates)
            {
                var (cosine, shared) = text.BinarySearch(j) >= 0 ? (similarity.Cosine(index, j), similarity.Containment(index, j)) : (0, 0);
                Score(articles, index, j, cosine, shared, best);
            }
        }

        return [.. best.Select(b => articles[b.Index].ToLink(Reason(me, articles[b.Index], b.Shared, b.Cosine)))];
    }

    private static void Score(List<ArticleView> articles, int index, int j, double cosine, double shared,
        List<(double Score, int Index, double Shared, double Cosine)> best)
    {
        var people = CountShared(articles[index].People, articles[j].People);
        var tags = CountShared(articles[index].Tags, articles[j].Tags);
        if (shared < NearDuplicate && cosine < Similar && people == 0 && tags == 0)
        {
            return;
        }

        var score = (shared * 20) + (cosine * 5) + (2 * people) + tags;
        Keep(best, (score, j, shared, cosine), articles);
    }

    /// <summary>Keeps the strongest <see cref="MaxRelated"/>, ties broken by URL so the choice never depends on order.</summary>
    private static void Keep(List<(double Score, int Index, double Shared, double Cosine)> best, (double Score, int Index, double Shared, double Cosine) candidate, List<ArticleView> articles)
    {
        if (best.Count == MaxRelated && candidate.Score < best[^1].Score)
        {
            return;
        }

        var at = best.FindIndex(b => candidate.Score > b.Score ||
            (candidate.Score == b.Score && string.CompareOrdinal(articles[candidate.Index].Url, articles[b.Index].Url) < 0));
        if (at < 0)
        {
            at = best.Count;
        }

        if (at < MaxRelated)
        {
            best.Insert(at, candidate);
            if (best.Count > MaxRelated)
            {
                best.RemoveAt(MaxRelated);
            }
        }
    }

    private static string Reason(ArticleView me, ArticleView other, double shared, double cosine)
    {
        var reasons = new List<string>();
        if (shared >= NearDuplicate)
        {
            reasons.Add("same story");
        }
        else if (cosine >= Similar)
        {
            reasons.Add("similar text");
        }

        var people = me.People.Intersect(other.People).Select(p => p.Name).ToList();
        if (people.Count > 0)
        {
            reasons.Add("people: " + string.Join(", ", people));
        }

        var tags = me.Tags.Intersect(other.Tags).Select(t => t.Name).ToList();
        if (tags.Count > 0)
        {
            reasons.Add("tags: " + string.Join(", ", tags));
        }

        return string.Join("; ", reasons);
    }

    private static int CountShared(IReadOnlyList<TermLink> a, IReadOnlyList<TermLink> b)
    {
        var count = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (string.Equals(x.Url, y.Url, StringComparison.Ordinal))
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }
}
