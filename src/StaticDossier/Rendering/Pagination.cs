namespace StaticDossier.Rendering;

/// <summary>Splits a long list (a term's articles, a month's) into pages of <see cref="PageSize"/>, so that no page of
/// a large dossier grows without bound: at 100,000 articles a tag's page would otherwise list tens of thousands.</summary>
public static class Pagination
{
    /// <summary>Articles per list page: about four phone screens, some 30 KB of HTML with summaries.</summary>
    public const int PageSize = 50;

    /// <summary>The pages of <paramref name="items"/>, the first published at <paramref name="first"/>; one page (with
    /// a null pager) when they fit on one.</summary>
    public static IEnumerable<(string Path, Pager? Pager, IReadOnlyList<T> Items)> Split<T>(IReadOnlyList<T> items, string first, int size = PageSize)
    {
        var count = Math.Max(1, (items.Count + size - 1) / size);
        for (var number = 1; number <= count; number++)
        {
            var from = (number - 1) * size;
            var slice = items.Skip(from).Take(size).ToList();
            var pager = count == 1 ? null : new Pager(number, count, items.Count, from + 1, from + slice.Count,
                number > 1 ? SitePaths.ListPage(first, number - 1) : null,
                number < count ? SitePaths.ListPage(first, number + 1) : null,
                first, SitePaths.ListPage(first, count));
            yield return (SitePaths.ListPage(first, number), pager, slice);
        }
    }
}

/// <summary>Where a page stands in a paginated list; templates see it as <c>pager</c> (null on a list of one page) and
/// link its neighbours with <c>rel="prev"</c> and <c>rel="next"</c>.</summary>
/// <param name="Number">This page, from 1.</param>
/// <param name="Count">How many pages.</param>
/// <param name="Total">How many items in the whole list.</param>
/// <param name="From">The first item on this page, from 1.</param>
/// <param name="To">The last item on this page.</param>
/// <param name="PrevUrl">The page before, or null.</param>
/// <param name="NextUrl">The page after, or null.</param>
/// <param name="FirstUrl">The first page.</param>
/// <param name="LastUrl">The last page.</param>
public sealed record Pager(int Number, int Count, int Total, int From, int To, string? PrevUrl, string? NextUrl, string FirstUrl, string LastUrl);
