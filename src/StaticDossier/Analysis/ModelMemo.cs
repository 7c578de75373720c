using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StaticDossier.Content;
using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>What a long-lived builder (<c>serve</c>) keeps of the model between builds: each article's folded text and
/// its words, found by the very plain text the body cache keeps for an unchanged body (and checked against the
/// title), so an unchanged article is not folded and tokenised again; and each article's finished view, handed out
/// again (the same object) when the new build made an equal one, so what is derived from it, its page's key above all,
/// is not made again. The model built from them is the same.</summary>
internal sealed class ModelMemo
{
    private readonly ConditionalWeakTable<BodyText, Tuple<string, string>> _keys = new();
    private readonly ConditionalWeakTable<ContentPage, ContentPage> _pages = new();
    private readonly ConditionalWeakTable<ArticleView, ArticleLink> _links = new();
    // The last view handed out for each URL (updated only when an article's view is made again).
    private ConcurrentDictionary<string, ArticleView> _views = new(StringComparer.Ordinal);

    /// <summary>The taxonomies of the last build, their terms made again only where an article holding them changed.</summary>
    internal TaxonomyMemo Taxonomies { get; } = new();

    /// <summary>The timeline's order and the taxonomies' links of the last build, made again only where articles moved or names came or went.</summary>
    internal OrderMemo Order { get; } = new();

    /// <summary>The related-article lists of the last build, made again only where what they read changed.</summary>
    internal RelatedMemo Related { get; } = new();

    // The last index of shared people and tags, with what it was made from: each article's URL, people and tags.
    private (TermNames Made, RelatedArticles.TermIndex Index)? _terms;

    private sealed record TermNames(string[] Urls, IReadOnlyList<TermLink>[] People, IReadOnlyList<TermLink>[] Tags);

    /// <summary>The index of shared people and tags (<see cref="RelatedArticles.TermIndex"/>): the last build's while every
    /// article, in the same order, has the same URL, people and tags (a body or title edit); patched where only a few
    /// articles' people or tags changed (a tags save); else made again.</summary>
    internal RelatedArticles.TermIndex TermIndex(List<ArticleView> articles)
    {
        var made = new TermNames([.. articles.Select(a => a.Url)], [.. articles.Select(a => a.People)], [.. articles.Select(a => a.Tags)]);
        var last = _terms;
        // Forgotten while patched: an index half patched is never patched again.
        _terms = null;
        RelatedArticles.TermIndex? index = null;
        if (last is { } known && Moved(known.Made.Urls, made.Urls, out var from) && NamesChanged(known.Made, made, from) is { } changed)
        {
            var kept = from is null ? known.Index : known.Index.Renumbered(from);
            index = changed.Count == 0 ? kept : kept.Patched(articles, changed);
        }

        index ??= new RelatedArticles.TermIndex(articles);
        _terms = (made, index);
        return index;
    }

    /// <summary>True when <paramref name="now"/> holds the URLs of <paramref name="last"/>, each once, with <paramref name="from"/>
    /// each one's place in <paramref name="last"/> (null: the same places).</summary>
    private static bool Moved(string[] last, string[] now, out int[]? from)
    {
        from = null;
        if (last.Length != now.Length)
        {
            return false;
        }

        if (last.AsSpan().SequenceEqual(now))
        {
            return true;
        }

        var at = new Dictionary<string, int>(last.Length, StringComparer.Ordinal);
        for (var i = 0; i < last.Length; i++)
        {
            at[last[i]] = i;
        }

        from = new int[now.Length];
        var seen = new bool[now.Length];
        for (var i = 0; i < now.Length; i++)
        {
            if (!at.TryGetValue(now[i], out from[i]) || seen[from[i]])
            {
                return false;
            }

            seen[from[i]] = true;
        }

        return true;
    }

    /// <summary>The articles whose people or tags (by URL, in order) differ between <paramref name="last"/> (the article at
    /// <paramref name="from"/>[i], or i) and <paramref name="now"/>, ascending; null when so many changed that making the
    /// index afresh costs about as much. An unchanged article's view holds the same lists.</summary>
    private static List<int>? NamesChanged(TermNames last, TermNames now, int[]? from)
    {
        var changed = new List<int>();
        for (var i = 0; i < now.Urls.Length; i++)
        {
            var j = from is null ? i : from[i];
            if (!SameUrls(last.People[j], now.People[i]) || !SameUrls(last.Tags[j], now.Tags[i]))
            {
                changed.Add(i);
            }
        }

        return changed.Count > Math.Max(16, now.Urls.Length / 16) ? null : changed;

        static bool SameUrls(IReadOnlyList<TermLink> a, IReadOnlyList<TermLink> b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Count != b.Count)
            {
                return false;
            }

            for (var k = 0; k < a.Count; k++)
            {
                if (!string.Equals(a[k].Url, b[k].Url, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The folded words of the text, for <see cref="TextSimilarity"/>.</summary>
    internal TextSimilarity.Memo Words { get; } = new();

    /// <summary>Views handed out again in this build (for tests).</summary>
    public int ViewsKept => _kept;

    private int _kept;

    /// <summary><see cref="TermMatcher.Key(string, string?)"/> of <paramref name="title"/> and <paramref name="plain"/>.</summary>
    public string Key(string title, BodyText plain)
    {
        if (_keys.TryGetValue(plain, out var known) && known.Item1 == title)
        {
            return known.Item2;
        }

        var key = TermMatcher.Key(title, plain.Value);
        _keys.AddOrUpdate(plain, Tuple.Create(title, key));
        return key;
    }

    /// <summary><paramref name="page"/> without its Markdown, the same object for the same page object (an unchanged
    /// file's parse is kept by the live build), so views made from it compare equal.</summary>
    public ContentPage WithoutMarkdown(ContentPage page) => _pages.GetValue(page, static p => p with { MarkdownBody = string.Empty });

    /// <summary>The link to <paramref name="view"/> made by <see cref="ArticleView.ToLink"/>, one object per view.</summary>
    public ArticleLink LinkTo(ArticleView view) => _links.GetValue(view, static v => v.ToLink());

    // Each parsed page's view as made from it (before its names, related list and neighbours), with the body and the
    // published seed's hash it was made with; kept while the settings and interface texts it reads stay the same.
    private ConditionalWeakTable<ContentPage, Tuple<RenderedMarkdown, string?, ArticleView>> _made = new();
    private string? _stamp;

    /// <summary>The view made from <paramref name="page"/> in an earlier build with the same body and published seed, or null.</summary>
    public ArticleView? Made(ContentPage page, RenderedMarkdown body, string? seedSha256) =>
        _made.TryGetValue(page, out var known) && ReferenceEquals(known.Item1, body) && known.Item2 == seedSha256 ? known.Item3 : null;

    /// <summary>Remembers the view made from <paramref name="page"/>.</summary>
    public void Remember(ContentPage page, RenderedMarkdown body, string? seedSha256, ArticleView view) =>
        _made.AddOrUpdate(page, Tuple.Create(body, seedSha256, view));

    // Each view's names per taxonomy (front matter and curated terms found in its text), kept while the curated terms
    // stay the same: an unchanged article is the same view object, so it holds the same key and the same front matter.
    private ConditionalWeakTable<ArticleView, List<string>[]> _names = new();
    private string? _curated;

    // Each view with its terms assigned and cited, with the terms it was given and the last build that found it right.
    private ConditionalWeakTable<ArticleView, Assignment> _assigned = new();
    private List<Dictionary<string, TermLink>>? _termLinks;
    private HashSet<string>[] _relinked = [];
    private int _build;

    /// <summary>Starts matching names against the curated terms (and citing with the settings) summed up by
    /// <paramref name="stamp"/>.</summary>
    public void BeginNames(string stamp)
    {
        if (stamp != _curated)
        {
            (_names, _assigned, _curated) = (new(), new(), stamp);
        }
    }

    /// <summary>Starts assigning terms with <paramref name="links"/> (per kind, each name's link): names whose link is not
    /// the last build's (new, gone or changed) are those whose articles are assigned again.</summary>
    public void BeginTerms(List<Dictionary<string, TermLink>> links)
    {
        _build++;
        var last = _termLinks;
        if (last is null || last.Count != links.Count)
        {
            _assigned = new();
            last = [.. links];
        }

        _relinked = [.. links.Select((now, k) => Relinked(last[k], now))];

        _termLinks = links;
    }

    private static HashSet<string> Relinked(Dictionary<string, TermLink> last, Dictionary<string, TermLink> now)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        changed.UnionWith(last.Where(entry => !now.TryGetValue(entry.Key, out var link) || link != entry.Value).Select(entry => entry.Key));
        changed.UnionWith(now.Keys.Where(name => !last.ContainsKey(name)));
        return changed;
    }

    /// <summary>The terms and assigned view of <paramref name="view"/> as the last build made them, when none of its
    /// <paramref name="names"/> (per kind) has another link now: the same view object has the same names and fields.</summary>
    public (IReadOnlyList<TermLink>[] Terms, ArticleView View)? AssignedAlready(ArticleView view, Func<int, List<string>> names)
    {
        if (!_assigned.TryGetValue(view, out var known) || known.Build != _build - 1)
        {
            return null;
        }

        for (var k = 0; k < _relinked.Length; k++)
        {
            if (_relinked[k].Count > 0 && names(k).Any(_relinked[k].Contains))
            {
                return null;
            }
        }

        known.Build = _build;
        return (known.Terms, known.View);
    }

    private sealed class Assignment(IReadOnlyList<TermLink>[] terms, ArticleView view, int build)
    {
        public IReadOnlyList<TermLink>[] Terms { get; } = terms;

        public ArticleView View { get; } = view;

        public int Build { get; set; } = build;
    }

    /// <summary><paramref name="view"/> as <paramref name="assign"/> made it with the same <paramref name="terms"/> (equal
    /// links, kind by kind) in an earlier build, else made now.</summary>
    public ArticleView Assigned(ArticleView view, IReadOnlyList<TermLink>[] terms, Func<ArticleView, ArticleView> assign)
    {
        if (_assigned.TryGetValue(view, out var known) && known.Terms.Length == terms.Length
            && known.Terms.Zip(terms).All(pair => pair.First.SequenceEqual(pair.Second)))
        {
            known.Build = _build;
            return known.View;
        }

        var made = assign(view);
        _assigned.AddOrUpdate(view, new Assignment(terms, made, _build));
        return made;
    }

    /// <summary>The names <paramref name="match"/> found in <paramref name="view"/> in an earlier build with the same
    /// curated terms, or found now.</summary>
    public List<string>[] Names(ArticleView view, Func<ArticleView, List<string>[]> match) => _names.GetValue(view, v => match(v));

    /// <summary>After a build that reported errors: views are made again, so what they report is reported again.</summary>
    public void Forget() => _made = new();

    /// <summary>Starts a build whose settings and interface texts are summed up by <paramref name="stamp"/>: the views of the
    /// last are those that may be handed out again.</summary>
    public void BeginBuild(string stamp)
    {
        if (stamp != _stamp)
        {
            (_made, _stamp) = (new(), stamp);
        }

        _kept = 0;
    }

    /// <summary>After the model is made: the views by URL hold no article that is gone (a removed article's view is let go).</summary>
    public void EndBuild(IReadOnlyList<ArticleView> articles)
    {
        if (_views.Count > articles.Count)
        {
            _views = new(articles.Select(a => KeyValuePair.Create(a.Url, a)), StringComparer.Ordinal);
        }
    }

    // Each assigned view's finished view (related list and neighbours added), with what it was finished with: an
    // unchanged article with the same list and the same neighbours (the same objects) is handed its last view at the
    // cost of a lookup, where making and comparing a copy of every view was a tenth of a save's model.
    private ConditionalWeakTable<ArticleView, Finishing> _finished = new();

    private sealed record Finishing(List<ArticleLink> Related, ArticleView? Earlier, ArticleView? Later, ArticleView View);

    /// <summary><paramref name="assigned"/> with its related list and links to its neighbours in time.</summary>
    public static ArticleView Finish(ArticleView assigned, List<ArticleLink> related, ArticleView? earlier, ArticleView? later) =>
        assigned with { Related = related, Earlier = earlier?.ToLink(), Later = later?.ToLink() };

    /// <summary><see cref="Finish"/>, as the last build finished the same <paramref name="assigned"/> view when it had an
    /// equal <paramref name="related"/> list and the same neighbours (<paramref name="earlier"/> and <paramref name="later"/>,
    /// as assigned); else the last build's view of the same article when it equals the new one in every member (lists item
    /// by item); else the new one.</summary>
    public ArticleView Finished(ArticleView assigned, List<ArticleLink> related, ArticleView? earlier, ArticleView? later)
    {
        if (_finished.TryGetValue(assigned, out var known) && ReferenceEquals(known.Earlier, earlier) && ReferenceEquals(known.Later, later)
            && (ReferenceEquals(known.Related, related) || known.Related.SequenceEqual(related)))
        {
            Interlocked.Increment(ref _kept);
            return known.View;
        }

        var view = Finish(assigned, related, earlier, later);
        if (_views.TryGetValue(view.Url, out var last) && !ReferenceEquals(last, view)
            && last.Tags.SequenceEqual(view.Tags) && last.People.SequenceEqual(view.People) && last.Related.SequenceEqual(view.Related)
            && (view with { Tags = last.Tags, People = last.People, Related = last.Related }).Equals(last))
        {
            Interlocked.Increment(ref _kept);
            view = last;
        }

        _views[view.Url] = view;
        _finished.AddOrUpdate(assigned, new Finishing(related, earlier, later, view));
        return view;
    }
}
