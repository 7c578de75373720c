using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>What a long-lived builder (<c>serve</c>) keeps of each taxonomy between builds: its terms, each with its list of
/// article links, and what they were made from (each article's link and its terms of the kind). A save makes again only the
/// terms an article that changed had or has, where grouping every article's terms was a tenth of a save's model; the
/// taxonomy is the one a full build makes. An article added or removed makes every term again.</summary>
internal sealed class TaxonomyMemo
{
    private readonly Dictionary<string, Made> _made = new(StringComparer.Ordinal);

    /// <summary>Terms made again (not kept) by the last build, over every kind (for tests and timings).</summary>
    public int TermsMade { get; private set; }

    /// <summary>Starts a build.</summary>
    public void BeginBuild() => TermsMade = 0;

    /// <summary>The taxonomy of <paramref name="key"/>: the last build's terms where no article holding them changed.</summary>
    /// <param name="key">The kind's key.</param>
    /// <param name="stamp">What every term depends on besides the articles (settings, interface texts): all is made again
    /// when it differs from the last build's.</param>
    /// <param name="termsOf">Each article's terms of the kind, in timeline order.</param>
    /// <param name="links">Each article's link (one object per article view).</param>
    /// <param name="term">Makes a term from its link and its articles' links in timeline order.</param>
    /// <param name="sortKey">The key a term is listed by (ties by name).</param>
    /// <param name="taxonomy">Makes the taxonomy from its terms in order.</param>
    public Taxonomy Index(string key, string stamp, IReadOnlyList<TermLink>[] termsOf, ArticleLink[] links,
        Func<TermLink, List<ArticleLink>, Term> term, Func<Term, string> sortKey, Func<IReadOnlyList<Term>, Taxonomy> taxonomy)
    {
        var last = _made.TryGetValue(key, out var known) && known.Stamp == stamp && known.Links.Length == links.Length ? known : null;
        // The places whose article is not the last build's there (another link object, or other terms): a term none of them
        // held or holds has the same articles at the same places, so the same list.
        var moved = new List<int>();
        var touched = new HashSet<TermLink>();
        for (var i = 0; last is not null && i < links.Length; i++)
        {
            if (!ReferenceEquals(links[i], last.Links[i]) || !(ReferenceEquals(termsOf[i], last.TermsOf[i]) || termsOf[i].SequenceEqual(last.TermsOf[i])))
            {
                moved.Add(i);
                touched.UnionWith(last.TermsOf[i]);
                touched.UnionWith(termsOf[i]);
            }
        }

        if (last is not null && touched.Count == 0)
        {
            _made[key] = last with { TermsOf = termsOf, Links = links };
            return last.Taxonomy;
        }

        // Each term made again: the places of its articles, in timeline order.
        var places = new Dictionary<TermLink, List<int>>();
        void Add(TermLink t, int i)
        {
            if (!places.TryGetValue(t, out var list))
            {
                places[t] = list = [];
            }

            list.Add(i);
        }

        if (last is null)
        {
            for (var i = 0; i < termsOf.Length; i++)
            {
                foreach (var t in termsOf[i])
                {
                    Add(t, i);
                }
            }
        }
        else
        {
            var isMoved = new HashSet<int>(moved);
            foreach (var t in touched)
            {
                foreach (var i in last.Terms.TryGetValue(t, out var was) ? was.Places : [])
                {
                    if (!isMoved.Contains(i))
                    {
                        Add(t, i);
                    }
                }
            }

            foreach (var i in moved)
            {
                foreach (var t in termsOf[i])
                {
                    Add(t, i);
                }
            }
        }

        TermsMade += places.Count;
        var terms = last is null ? new Dictionary<TermLink, Made.Kept>() : new(last.Terms);
        foreach (var t in touched)
        {
            terms.Remove(t);
        }

        foreach (var (t, at) in places)
        {
            at.Sort();
            var made = term(t, [.. at.Select(i => links[i])]);
            terms[t] = new Made.Kept(made, sortKey(made), [.. at]);
        }

        var ordered = last is not null && SameTerms(last, terms)
            ? [.. last.Taxonomy.Terms.Select(t => terms[new TermLink(t.Name, t.Url)].Term)]
            : terms.Values.OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Term.Name, StringComparer.Ordinal)
                .ThenBy(t => t.Term.Url, StringComparer.Ordinal).Select(t => t.Term).ToList();
        var next = new Made(stamp, termsOf, links, terms, taxonomy(ordered));
        _made[key] = next;
        return next.Taxonomy;
    }

    /// <summary>True when the terms are those of the last build with the same keys (their order is then the last's).</summary>
    private static bool SameTerms(Made last, Dictionary<TermLink, Made.Kept> terms) =>
        terms.Count == last.Terms.Count && terms.All(t => last.Terms.TryGetValue(t.Key, out var was) && was.Key == t.Value.Key);

    private sealed record Made(string Stamp, IReadOnlyList<TermLink>[] TermsOf, ArticleLink[] Links, Dictionary<TermLink, Made.Kept> Terms, Taxonomy Taxonomy)
    {
        /// <summary>A term, its sort key, and the places (timeline order) of its articles.</summary>
        public sealed record Kept(Term Term, string Key, int[] Places);
    }
}
