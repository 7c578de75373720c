using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StaticDossier.Content;
using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>What a long-lived builder (<c>serve</c>) keeps of the model between builds: each article's folded text and
/// its words, found by the very plain-text string the body cache keeps for an unchanged body (and checked against the
/// title), so an unchanged article is not folded and tokenised again; and each article's finished view, handed out
/// again (the same object) when the new build made an equal one, so what is derived from it, its page's key above all,
/// is not made again. The model built from them is the same.</summary>
internal sealed class ModelMemo
{
    private readonly ConditionalWeakTable<string, Tuple<string, string>> _keys = new();
    private readonly ConditionalWeakTable<ContentPage, ContentPage> _pages = new();
    private readonly ConditionalWeakTable<ArticleView, ArticleLink> _links = new();
    private ConcurrentDictionary<string, ArticleView> _views = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, ArticleView> _next = new(StringComparer.Ordinal);

    /// <summary>The related-article lists of the last build, made again only where what they read changed.</summary>
    internal RelatedMemo Related { get; } = new();

    /// <summary>The folded words of the text, for <see cref="TextSimilarity"/>.</summary>
    internal TextSimilarity.Memo Words { get; } = new();

    /// <summary>Views handed out again in this build (for tests).</summary>
    public int ViewsKept => _kept;

    private int _kept;

    /// <summary><see cref="TermMatcher.Key(string, string?)"/> of <paramref name="title"/> and <paramref name="plain"/>.</summary>
    public string Key(string title, string plain)
    {
        if (_keys.TryGetValue(plain, out var known) && known.Item1 == title)
        {
            return known.Item2;
        }

        var key = TermMatcher.Key(title, plain);
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

    /// <summary>Starts matching names against the curated terms summed up by <paramref name="stamp"/>.</summary>
    public void BeginNames(string stamp)
    {
        if (stamp != _curated)
        {
            (_names, _curated) = (new(), stamp);
        }
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

        _next = new(StringComparer.Ordinal);
        _kept = 0;
    }

    /// <summary>After the model is made: its views are those the next build compares with.</summary>
    public void EndBuild() => _views = _next;

    /// <summary>The last build's view of the same article when it equals <paramref name="view"/> in every member (lists
    /// item by item), else <paramref name="view"/>; remembered for the next build.</summary>
    public ArticleView Same(ArticleView view)
    {
        if (_views.TryGetValue(view.Url, out var last) && !ReferenceEquals(last, view)
            && last.Tags.SequenceEqual(view.Tags) && last.People.SequenceEqual(view.People) && last.Related.SequenceEqual(view.Related)
            && (view with { Tags = last.Tags, People = last.People, Related = last.Related }).Equals(last))
        {
            Interlocked.Increment(ref _kept);
            view = last;
        }

        _next[view.Url] = view;
        return view;
    }
}
