using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

internal static partial class RelatedArticles
{
    /// <summary>For each person and tag, the (ascending) indexes of the articles that have it; and for each
    /// article its rank in URL order, the tie-breaker. Built once, shared by every <see cref="For"/> call; a save that
    /// changes some articles' people or tags (the same articles in the same order) patches it (<see cref="Patched"/>).</summary>
    public sealed class TermIndex
    {
        // Each term's id by its URL, in order of first appearance (ids of terms no article holds any more stay, with
        // empty postings: no list reads them).
        private readonly Dictionary<string, int> _ids;
        private readonly bool _pairsWanted;
        // What TermPairs.Wanted decides on: the terms and the pairs of terms of all articles.
        private readonly long _singles;
        private readonly long _pairCount;

        /// <param name="articles">The dossier's articles.</param>
        /// <param name="pairs">Index the pairs of terms (tests turn it off to compare with the walk of every posting).</param>
        internal TermIndex(List<ArticleView> articles, bool pairs = true)
        {
            _ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var postings = new List<List<int>>();
            var weights = new List<int>();
            TermsOf = new int[articles.Count][];
            for (var i = 0; i < articles.Count; i++)
            {
                TermsOf[i] = TermsOfArticle(articles[i], _ids, weights);
                Count(TermsOf[i], +1, ref _singles, ref _pairCount);
                foreach (var id in TermsOf[i])
                {
                    while (postings.Count <= id)
                    {
                        postings.Add([]);
                    }

                    postings[id].Add(i);
                }
            }

            Postings = [.. postings.Select(p => p.ToArray())];
            Weights = [.. weights];
            UrlRank = new int[articles.Count];
            var byUrl = Enumerable.Range(0, articles.Count).Order(Comparer<int>.Create((a, b) => string.CompareOrdinal(articles[a].Url, articles[b].Url))).ToArray();
            for (var rank = 0; rank < byUrl.Length; rank++)
            {
                UrlRank[byUrl[rank]] = rank;
            }

            _pairsWanted = pairs;
            Pairs = pairs && TermPairs.Wanted(_singles, _pairCount) ? TermPairs.Make(TermsOf, Postings, byUrl) : null;
        }

        private TermIndex(Dictionary<string, int> ids, int[][] postings, int[] weights, int[][] termsOf, int[] urlRank, TermPairs? pairs, bool pairsWanted, long singles, long pairCount)
        {
            (_ids, Postings, Weights, TermsOf, UrlRank, Pairs, _pairsWanted, _singles, _pairCount) = (ids, postings, weights, termsOf, urlRank, pairs, pairsWanted, singles, pairCount);
        }

        internal int[][] Postings { get; }

        internal int[] Weights { get; }

        internal int[][] TermsOf { get; }

        internal int[] UrlRank { get; }

        /// <summary>The postings of each pair of terms, for a large dossier's lists; null when they would take far more
        /// room than the terms' own postings (articles with dozens of names), and every posting is walked instead.</summary>
        internal TermPairs? Pairs { get; }

        /// <summary>Each term's id by its URL (for tests).</summary>
        internal IReadOnlyDictionary<string, int> Ids => _ids;

        /// <summary>This index for <paramref name="articles"/>: the same articles (by URL) in the same order as it was made
        /// for, where only those at <paramref name="changed"/> (ascending) may hold other people or tags. Only the postings
        /// of the terms (and pairs) those held or hold are made again: a tags save reads a few terms, where making the index
        /// afresh read every article's (0.12-0.17 s of CPU at 10,000). Lists read it as they read a fresh one: a term's id
        /// only names it (a new term takes the next id, a term no longer held keeps its id and has no articles).</summary>
        internal TermIndex Patched(List<ArticleView> articles, IReadOnlyList<int> changed)
        {
            var ids = new Dictionary<string, int>(_ids, StringComparer.Ordinal);
            var weights = new List<int>(Weights);
            var termsOf = (int[][])TermsOf.Clone();
            var isChanged = new bool[termsOf.Length];
            var touched = new HashSet<int>();
            var (singles, pairCount) = (_singles, _pairCount);
            foreach (var i in changed)
            {
                isChanged[i] = true;
                touched.UnionWith(TermsOf[i]);
                Count(TermsOf[i], -1, ref singles, ref pairCount);
                termsOf[i] = TermsOfArticle(articles[i], ids, weights);
                Count(termsOf[i], +1, ref singles, ref pairCount);
                touched.UnionWith(termsOf[i]);
            }

            var postings = new int[weights.Count][];
            Array.Copy(Postings, postings, Postings.Length);
            postings.AsSpan(Postings.Length).Fill([]);
            foreach (var term in touched)
            {
                postings[term] = Spliced(postings[term], isChanged, changed.Where(i => Array.IndexOf(termsOf[i], term) >= 0), i => i);
            }

            var pairs = !_pairsWanted || !TermPairs.Wanted(singles, pairCount) ? null
                : Pairs?.Patched(TermsOf, termsOf, changed, isChanged, touched, postings.Length, UrlRank)
                    ?? TermPairs.Make(termsOf, postings, ByUrl(UrlRank));
            return new TermIndex(ids, postings, [.. weights], termsOf, UrlRank, pairs, _pairsWanted, singles, pairCount);
        }

        /// <summary>This index for the same articles in another order: the article at <paramref name="from"/>[i] is now the
        /// i-th (a title or date edit moves an article past others). Each posting is renumbered (and sorted again where an
        /// article in it moved), each term's URL order keeps its order: a few milliseconds where making it afresh took
        /// 0.12-0.17 s.</summary>
        internal TermIndex Renumbered(int[] from)
        {
            var to = new int[from.Length];
            for (var i = 0; i < from.Length; i++)
            {
                to[from[i]] = i;
            }

            return new TermIndex(
                _ids,
                [.. Postings.Select(p => Renumbered(p, to, sort: true))],
                Weights,
                [.. from.Select(j => TermsOf[j])],
                [.. from.Select(j => UrlRank[j])],
                Pairs?.Renumbered(to),
                _pairsWanted,
                _singles,
                _pairCount);
        }

        /// <summary><paramref name="articles"/> numbered by <paramref name="to"/> (the same array when none moved), sorted
        /// ascending again when <paramref name="sort"/>.</summary>
        internal static int[] Renumbered(int[] articles, int[] to, bool sort)
        {
            var i = 0;
            while (i < articles.Length && to[articles[i]] == articles[i])
            {
                i++;
            }

            if (i == articles.Length)
            {
                return articles;
            }

            var renumbered = Array.ConvertAll(articles, a => to[a]);
            if (sort)
            {
                Array.Sort(renumbered);
            }

            return renumbered;
        }

        /// <summary><paramref name="old"/> (ordered by <paramref name="key"/>) without the changed articles, with
        /// <paramref name="added"/> (changed articles, ascending) merged in by <paramref name="key"/>.</summary>
        internal static int[] Spliced(int[] old, bool[] isChanged, IEnumerable<int> added, Func<int, int> key)
        {
            var adding = added.OrderBy(key).ToList();
            var spliced = new List<int>(old.Length + adding.Count);
            var next = 0;
            foreach (var article in old)
            {
                if (isChanged[article])
                {
                    continue;
                }

                while (next < adding.Count && key(adding[next]) < key(article))
                {
                    spliced.Add(adding[next++]);
                }

                spliced.Add(article);
            }

            spliced.AddRange(adding.Skip(next));
            return [.. spliced];
        }

        private static int[] ByUrl(int[] urlRank)
        {
            var byUrl = new int[urlRank.Length];
            for (var i = 0; i < urlRank.Length; i++)
            {
                byUrl[urlRank[i]] = i;
            }

            return byUrl;
        }

        // A shared person counts twice a shared tag: people say more about what a report is about. A term's weight is
        // fixed by its first appearance (a URL names a person or a tag, never both: their paths differ).
        private static int[] TermsOfArticle(ArticleView article, Dictionary<string, int> ids, List<int> weights)
        {
            var terms = new List<int>(article.People.Count + article.Tags.Count);
            foreach (var person in article.People)
            {
                Add(person.Url, 2);
            }

            foreach (var tag in article.Tags)
            {
                Add(tag.Url, 1);
            }

            return [.. terms];

            void Add(string url, int weight)
            {
                if (!ids.TryGetValue(url, out var id))
                {
                    id = ids[url] = weights.Count;
                    weights.Add(weight);
                }

                if (!terms.Contains(id))
                {
                    terms.Add(id);
                }
            }
        }

        private static void Count(int[] terms, int sign, ref long singles, ref long pairs)
        {
            singles += sign * terms.Length;
            pairs += sign * ((long)terms.Length * (terms.Length - 1) / 2);
        }
    }
}
