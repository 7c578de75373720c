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

    /// <summary>The related articles of <c>articles[index]</c>. Only articles sharing a word, a word triple,
    /// a person or a tag are scored, and reasons are written only for the few kept.</summary>
    public static List<ArticleLink> For(List<ArticleView> articles, int index, TextSimilarity similarity)
    {
        var me = articles[index];
        var dot = new double[articles.Count];
        var sharedTriples = new int[articles.Count];
        similarity.Accumulate(index, dot, sharedTriples);
        var best = new List<(double Score, int Index, double Shared, double Cosine)>(MaxRelated + 1);
        for (var j = 0; j < articles.Count; j++)
        {
            if (j == index || (dot[j] == 0 && sharedTriples[j] == 0 && me.People.Count + me.Tags.Count == 0))
            {
                continue;
            }

            var other = articles[j];
            var people = CountShared(me.People, other.People);
            var tags = CountShared(me.Tags, other.Tags);
            var cosine = TextSimilarity.CosineOf(dot[j]);
            var shared = similarity.ContainmentOf(index, j, sharedTriples[j]);
            if (shared < NearDuplicate && cosine < Similar && people == 0 && tags == 0)
            {
                continue;
            }

            var score = (shared * 20) + (cosine * 5) + (2 * people) + tags;
            Keep(best, (score, j, shared, cosine), articles);
        }

        return [.. best.Select(b => articles[b.Index].ToLink(Reason(me, articles[b.Index], b.Shared, b.Cosine)))];
    }

    /// <summary>Keeps the strongest <see cref="MaxRelated"/>, ties broken by URL so the choice never depends on order.</summary>
    private static void Keep(List<(double Score, int Index, double Shared, double Cosine)> best, (double Score, int Index, double Shared, double Cosine) candidate, List<ArticleView> articles)
    {
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
