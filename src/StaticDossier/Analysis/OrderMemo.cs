using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>What a long-lived builder (<c>serve</c>) keeps between builds of two things every save made again from every
/// article: the timeline's order, and each taxonomy's links by name. A save moves a few articles in the timeline (by their
/// date, title or URL) and brings in or takes away a few names; sorting 10,000 views and counting every article's names
/// again cost ~10-20 ms of CPU each. Both results are the ones made afresh.</summary>
internal sealed class OrderMemo
{
    // The last build's views in page order, and their places in time order (indexes into them, newest first).
    private (ArticleView[] Views, int[] Order)? _timeline;

    /// <summary><see cref="Timeline.Sort"/> of <paramref name="views"/> (in page order, no two with one URL), from the
    /// last build's order where the same pages have the same URLs: the views whose date, title or URL changed are taken
    /// out and put back in their places (the order is total, URL last); <paramref name="sort"/> otherwise.</summary>
    public List<ArticleView> InTimeOrder(ArticleView[] views, Func<List<ArticleView>> sort)
    {
        var last = _timeline;
        _timeline = null;
        List<int>? order = null;
        if (last is { } known && known.Views.Length == views.Length && Moved(known.Views, views) is { } moved)
        {
            var isMoved = new bool[views.Length];
            foreach (var i in moved)
            {
                isMoved[i] = true;
            }

            order = new List<int>(views.Length);
            foreach (var i in known.Order)
            {
                if (!isMoved[i])
                {
                    order.Add(i);
                }
            }

            foreach (var i in moved)
            {
                var (low, high) = (0, order.Count);
                while (low < high)
                {
                    var mid = (low + high) / 2;
                    (low, high) = Timeline.InTime.Compare(views[order[mid]], views[i]) < 0 ? (mid + 1, high) : (low, mid);
                }

                order.Insert(low, i);
            }
        }

        List<ArticleView> sorted;
        if (order is null)
        {
            sorted = sort();
            if (sorted.Count != views.Length)
            {
                // Some URL twice (an error): nothing kept.
                return sorted;
            }

            var at = new Dictionary<ArticleView, int>(views.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < views.Length; i++)
            {
                at[views[i]] = i;
            }

            order = [.. sorted.Select(v => at[v])];
        }
        else
        {
            sorted = [.. order.Select(i => views[i])];
        }

        _timeline = ([.. views], [.. order]);
        return sorted;
    }

    /// <summary>The pages whose view now has another date, title or URL than in <paramref name="last"/>; null when a URL
    /// changed (two could now share one) or when so many moved that sorting afresh is as quick.</summary>
    private static List<int>? Moved(ArticleView[] last, ArticleView[] now)
    {
        var moved = new List<int>();
        for (var i = 0; i < now.Length; i++)
        {
            var (a, b) = (last[i], now[i]);
            if (ReferenceEquals(a, b))
            {
                continue;
            }

            if (!string.Equals(a.Url, b.Url, StringComparison.Ordinal))
            {
                return null;
            }

            if (!string.Equals(a.TimeKey, b.TimeKey, StringComparison.Ordinal) || !string.Equals(a.Title, b.Title, StringComparison.Ordinal))
            {
                moved.Add(i);
            }
        }

        return moved.Count > 64 ? null : moved;
    }

    // Per taxonomy: each article's names as the last build had them (an unchanged view's are the same list), how many
    // articles give each name, and the links made from those names.
    private Names[] _names = [];
    private string? _linksStamp;

    private sealed class Names
    {
        public List<string>[] Of = [];
        public Dictionary<string, int> Counts = new(StringComparer.Ordinal);
        public Dictionary<string, TermLink>? Links;
    }

    /// <summary>Taxonomy <paramref name="kind"/>'s links by name (<paramref name="make"/> of its distinct names), the last
    /// build's while the same names are given (by any articles) and the interface texts, <paramref name="stamp"/>, are the same.</summary>
    public Dictionary<string, TermLink> Links(int kind, int kinds, List<string>[] names, string stamp, Func<IEnumerable<string>, Dictionary<string, TermLink>> make)
    {
        if (_names.Length != kinds || stamp != _linksStamp)
        {
            (_names, _linksStamp) = ([.. Enumerable.Range(0, kinds).Select(_ => new Names())], stamp);
        }

        var kept = _names[kind];
        // Counted again from nothing should this build stop half way.
        _names[kind] = new Names();
        var counts = kept.Counts;
        var remake = kept.Links is null || kept.Of.Length != names.Length;
        // Each name counted up or down here, with whether some article gave it before.
        var touched = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (remake)
        {
            counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var list in names)
            {
                Count(list, +1);
            }
        }
        else
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (!ReferenceEquals(kept.Of[i], names[i]))
                {
                    Count(kept.Of[i], -1);
                    Count(names[i], +1);
                }
            }

            remake = touched.Any(t => t.Value != counts.ContainsKey(t.Key));
        }

        var links = remake ? make(counts.Keys) : kept.Links!;
        _names[kind] = new Names { Of = [.. names], Counts = counts, Links = links };
        return links;

        void Count(List<string> list, int by)
        {
            foreach (var name in list)
            {
                var count = counts.GetValueOrDefault(name);
                touched.TryAdd(name, count > 0);
                if (count + by == 0)
                {
                    counts.Remove(name);
                }
                else
                {
                    counts[name] = count + by;
                }
            }
        }
    }
}
