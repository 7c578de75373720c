using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>Chooses an article's related articles: the same story reported elsewhere (shared word triples),
/// similar text (TF-IDF cosine), shared people and shared tags, strongest first, with the reason shown.</summary>
internal static partial class RelatedArticles
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

    // 16 candidates found as many of the exact top five as 32 or 64 (`related-recall`, 10,000 articles).
    internal const int TextCandidates = 16;

    /// <summary>Per-thread scratch: a term score per article (2 per shared person, 1 per shared tag) and
    /// the articles touched, so one article's candidates cost what they share, never a pass over all.</summary>
    internal sealed class Scratch
    {
        public int[] TermScore = [];
        public readonly List<int> Touched = [];

        // For TermPairs.Offer: the articles met through pairs, the pairs to walk, and for each set of an article's terms
        // its pairs (a bit each) and its weight.
        public bool[] Met = [];
        public readonly List<(int Length, int A, int B, int Id)> Pairs = [];
        public int[] PairIds = [];
        public readonly ulong[] SetPairs = new ulong[256];
        public readonly int[] SetWeights = new int[256];
    }

    private static readonly ThreadLocal<Scratch> Scratches = new(() => new Scratch());

    /// <summary>The related articles of <c>articles[index]</c>. Only articles sharing a word, a word triple,
    /// a person or a tag are scored, and reasons are written only for the few kept.</summary>
    public static List<ArticleLink> For(List<ArticleView> articles, int index, TextSimilarity similarity, TermIndex terms, RelatedLabels labels) =>
        Choose(articles, index, similarity, terms, labels, out _, keepScores: false);

    /// <summary><see cref="For"/>, with what the list was chosen from (a large dossier's only; null otherwise), for
    /// <see cref="RelatedMemo"/>.</summary>
    internal static List<ArticleLink> Choose(List<ArticleView> articles, int index, TextSimilarity similarity, TermIndex terms, RelatedLabels labels, out ListScores? chosenFrom, bool keepScores = true)
    {
        chosenFrom = null;
        var scratch = Scratches.Value!;
        if (scratch.TermScore.Length < articles.Count)
        {
            scratch.TermScore = new int[articles.Count];
        }

        var termScore = scratch.TermScore;
        var touched = scratch.Touched;
        touched.Clear();
        var best = new Best(terms.UrlRank);
        if (similarity.EveryTriple)
        {
            Walk(terms, index, termScore, touched);
            var dot = new double[articles.Count];
            var sharedTriples = new int[articles.Count];
            similarity.Accumulate(index, dot, sharedTriples);
            for (var j = 0; j < articles.Count; j++)
            {
                if (j != index && (dot[j] != 0 || sharedTriples[j] != 0 || termScore[j] != 0))
                {
                    best.Offer(j, TextSimilarity.CosineOf(dot[j]), similarity.ContainmentOf(index, j, sharedTriples[j]), termScore[j]);
                }
            }
        }
        else
        {
            var text = similarity.Candidates(index, TextCandidates);
            var scores = similarity.Compare(index, text, out var dots);
            var textScores = keepScores ? new TextScore[text.Count] : null;
            if (terms.Pairs is { } pairs)
            {
                for (var k = 0; k < text.Count; k++)
                {
                    var shared = SharedScore(terms, index, text[k]);
                    best.Offer(text[k], scores[k].Cosine, scores[k].Containment, shared);
                    textScores?[k] = new TextScore(scores[k].Cosine, scores[k].Containment, shared, dots[k], similarity.DotError(index, text[k]));
                }

                pairs.Offer(terms, index, text, best, scratch);
            }
            else
            {
                Walk(terms, index, termScore, touched);
                for (var k = 0; k < text.Count; k++)
                {
                    best.Offer(text[k], scores[k].Cosine, scores[k].Containment, termScore[text[k]]);
                    textScores?[k] = new TextScore(scores[k].Cosine, scores[k].Containment, termScore[text[k]], dots[k], similarity.DotError(index, text[k]));
                }

                // Most of the articles sharing a tag cannot displace the five kept: those are passed over before
                // looking them up among the text candidates (already offered with their text scores).
                foreach (var j in touched)
                {
                    if (j != index && best.MightTake(j, termScore[j]) && text.BinarySearch(j) < 0)
                    {
                        best.Offer(j, 0, 0, termScore[j]);
                    }
                }
            }

            if (textScores is not null)
            {
                // An article kept on its people and tags alone has no text score: its score is its term score.
                chosenFrom = new ListScores(textScores, [.. best.Kept.Select(b => text.BinarySearch(b.Index) is var k and >= 0 ? (b.Index, textScores[k].Terms) : (b.Index, (int)b.Score))]);
            }
        }

        foreach (var j in touched)
        {
            termScore[j] = 0;
        }

        return [.. best.Kept.Select(b => articles[b.Index].ToLink(Reason(articles[index], articles[b.Index], b.Shared, b.Cosine, labels)))];
    }

    /// <summary>Adds each term's weight to every article holding it: a tag held by a fiftieth of the dossier makes this
    /// quadratic (9-10 s of CPU at 100,000 articles), which is why a large dossier goes through <see cref="TermPairs"/>.</summary>
    private static void Walk(TermIndex terms, int index, int[] termScore, List<int> touched)
    {
        foreach (var term in terms.TermsOf[index])
        {
            var weight = terms.Weights[term];
            foreach (var j in terms.Postings[term])
            {
                if (termScore[j] == 0)
                {
                    touched.Add(j);
                }

                termScore[j] += weight;
            }
        }
    }

    /// <summary>The weight of the people and tags articles <paramref name="a"/> and <paramref name="b"/> share.</summary>
    private static int SharedScore(TermIndex terms, int a, int b)
    {
        var score = 0;
        var theirs = terms.TermsOf[b];
        foreach (var term in terms.TermsOf[a])
        {
            if (Array.IndexOf(theirs, term) >= 0)
            {
                score += terms.Weights[term];
            }
        }

        return score;
    }

    /// <summary>The strongest <see cref="MaxRelated"/> so far, ties broken by URL so the choice never depends on order.</summary>
    internal sealed class Best(int[] urlRank)
    {
        public List<(double Score, int Index, double Shared, double Cosine)> Kept { get; } = new(MaxRelated + 1);

        public void Offer(int j, double cosine, double shared, int termScore)
        {
            if (Score(cosine, shared, termScore) is not { } score)
            {
                return;
            }

            if (Kept.Count == MaxRelated && !Before(score, j, Kept[^1].Score, Kept[^1].Index))
            {
                return;
            }

            var at = Kept.Count;
            while (at > 0 && Before(score, j, Kept[at - 1].Score, Kept[at - 1].Index))
            {
                at--;
            }

            Kept.Insert(at, (score, j, shared, cosine));
            if (Kept.Count > MaxRelated)
            {
                Kept.RemoveAt(MaxRelated);
            }
        }

        /// <summary>False when an article sharing only people and tags, worth <paramref name="termScore"/>, would
        /// be refused by <see cref="Offer"/>.</summary>
        public bool MightTake(int j, int termScore) =>
            termScore != 0 && (Kept.Count < MaxRelated || Before(Score(0, 0, termScore)!.Value, j, Kept[^1].Score, Kept[^1].Index));

        private bool Before(double score, int j, double otherScore, int other) =>
            score > otherScore || (score == otherScore && urlRank[j] < urlRank[other]);
    }

    /// <summary>How strongly two articles are related: a shared story outweighs similar text, which outweighs
    /// shared people and tags; null when they are not related at all.</summary>
    internal static double? Score(double cosine, double shared, int termScore) =>
        shared < NearDuplicate && cosine < Similar && termScore == 0 ? null : (shared * 20) + (cosine * 5) + termScore;

    private static string Reason(ArticleView me, ArticleView other, double shared, double cosine, RelatedLabels labels)
    {
        var reasons = new List<string>();
        if (shared >= NearDuplicate)
        {
            reasons.Add(labels.SameStory);
        }
        else if (cosine >= Similar)
        {
            reasons.Add(labels.SimilarText);
        }

        if (Shared(me.People, other.People) is { } people)
        {
            reasons.Add(labels.People + people);
        }

        if (Shared(me.Tags, other.Tags) is { } tags)
        {
            reasons.Add(labels.Tags + tags);
        }

        return string.Join(labels.Separator, reasons);
    }

    /// <summary>The names of the terms both lists hold, in <paramref name="mine"/>'s order, each once; null when none.
    /// What Intersect gives, without a hash set for lists of one to four terms, fifty thousand times over.</summary>
    private static string? Shared(IReadOnlyList<TermLink> mine, IReadOnlyList<TermLink> theirs)
    {
        List<string>? names = null;
        for (var i = 0; i < mine.Count; i++)
        {
            var term = mine[i];
            if (Contains(theirs, term, theirs.Count) && !Contains(mine, term, i))
            {
                (names ??= []).Add(term.Name);
            }
        }

        return names is null ? null : string.Join(", ", names);

        static bool Contains(IReadOnlyList<TermLink> terms, TermLink term, int before)
        {
            for (var k = 0; k < before; k++)
            {
                if (terms[k].Equals(term))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>The words a related article's reason is made of, in the site's language ("same story; people: Sergey Lavrov").</summary>
/// <param name="SameStory">For a near-duplicate.</param>
/// <param name="SimilarText">For similar text.</param>
/// <param name="People">Before the shared people's names ("people: ").</param>
/// <param name="Tags">Before the shared tags' names ("tags: ").</param>
/// <param name="Separator">Between reasons ("; ").</param>
internal sealed record RelatedLabels(string SameStory, string SimilarText, string People, string Tags, string Separator)
{
    /// <summary>The labels of <paramref name="text"/>.</summary>
    public static RelatedLabels From(Rendering.Interface.InterfaceText text) =>
        new(text["related_same_story"], text["related_similar_text"], text["related_people"], text["related_tags"], text["related_separator"]);
}
