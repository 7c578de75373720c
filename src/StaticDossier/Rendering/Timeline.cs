using System.Globalization;

namespace StaticDossier.Rendering;

/// <summary>Orders articles in time and groups them by year and month for the home page.</summary>
public static class Timeline
{
    /// <summary>Newest first; undated last; ties broken by title then URL so output never depends on file order.</summary>
    public static List<ArticleView> Sort(IEnumerable<ArticleView> articles) => [.. articles
        .OrderBy(a => a.Date is null)
        .ThenByDescending(a => a.Date, StringComparer.Ordinal)
        .ThenBy(a => a.Title, StringComparer.Ordinal)
        .ThenBy(a => a.Url, StringComparer.Ordinal)];

    /// <summary>Dated articles grouped by year, then month, newest first.</summary>
    public static List<TimelineYear> Group(IEnumerable<ArticleView> articles) => [.. Sort(articles.Where(a => a.Date is not null))
        .GroupBy(a => a.Date![..4])
        .Select(y => new TimelineYear(y.Key, [.. y
            .GroupBy(a => a.Date![..7])
            .Select(m => new TimelineMonth(m.Key,
                DateTime.ParseExact(m.Key, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
                [.. m]))]))];
}

/// <summary>A year of the timeline.</summary>
public sealed record TimelineYear(string Year, List<TimelineMonth> Months);

/// <summary>A month of the timeline; <paramref name="Id"/> is YYYY-MM, usable as an anchor.</summary>
public sealed record TimelineMonth(string Id, string Name, List<ArticleView> Articles);
