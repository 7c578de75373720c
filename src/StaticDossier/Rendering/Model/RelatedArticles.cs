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

    public static List<ArticleLink> For(List<ArticleView> articles, int index, TextSimilarity similarity)
    {
        var me = articles[index];
        var candidates = new List<(double Score, ArticleLink Link)>();
        for (var j = 0; j < articles.Count; j++)
        {
            if (j == index)
            {
                continue;
            }

            var other = articles[j];
            var cosine = similarity.Cosine(index, j);
            var shared = similarity.Containment(index, j);
            var sharedPeople = me.People.Intersect(other.People).Select(p => p.Name).ToList();
            var sharedTags = me.Tags.Intersect(other.Tags).Select(t => t.Name).ToList();
            if (shared < NearDuplicate && cosine < Similar && sharedPeople.Count == 0 && sharedTags.Count == 0)
            {
                continue;
            }

            var reasons = new List<string>();
            if (shared >= NearDuplicate)
            {
                reasons.Add("same story");
            }
            else if (cosine >= Similar)
            {
                reasons.Add("similar text");
            }

            if (sharedPeople.Count > 0)
            {
                reasons.Add("people: " + string.Join(", ", sharedPeople));
            }

            if (sharedTags.Count > 0)
            {
                reasons.Add("tags: " + string.Join(", ", sharedTags));
            }

            var score = (shared * 20) + (cosine * 5) + (2 * sharedPeople.Count) + sharedTags.Count;
            candidates.Add((score, other.ToLink(string.Join("; ", reasons))));
        }

        return [.. candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Link.Url, StringComparer.Ordinal)
            .Take(MaxRelated)
            .Select(c => c.Link)];
    }
}
