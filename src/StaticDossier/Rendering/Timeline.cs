using System.Globalization;
using StaticDossier.Rendering.Interface;

namespace StaticDossier.Rendering;

/// <summary>Orders articles in time and groups them by year and month for the home page and the archive.</summary>
public static class Timeline
{
    /// <summary>Newest first; undated last; ties broken by title then URL so output never depends on file order.</summary>
    public static List<ArticleView> Sort(IEnumerable<ArticleView> articles) => [.. articles
        .OrderBy(a => a.Date is null)
        .ThenByDescending(a => a.Date, StringComparer.Ordinal)
        .ThenBy(a => a.Title, StringComparer.Ordinal)
        .ThenBy(a => a.Url, StringComparer.Ordinal)];

    /// <summary>Dated articles grouped by year, then month, newest first. A year with more than a page of articles
    /// gets a page per month (<see cref="TimelineYear.ByMonth"/>); a smaller one lists its months on its own page.</summary>
    internal static List<TimelineYear> Group(IEnumerable<ArticleView> articles, InterfaceText text) => [.. Sort(articles.Where(a => a.Date is not null))
        .GroupBy(a => a.Date![..4])
        .Select(y =>
        {
            var byMonth = y.Count() > Pagination.PageSize;
            var yearUrl = SitePaths.ArchiveYear(y.Key);
            return new TimelineYear(y.Key, yearUrl, byMonth, [.. y
                .GroupBy(a => a.Date![..7])
                .Select(m =>
                {
                    var month = int.Parse(m.Key[5..], CultureInfo.InvariantCulture);
                    return new TimelineMonth(m.Key, text.Month(int.Parse(y.Key, CultureInfo.InvariantCulture), month), text.MonthName(month),
                        byMonth ? SitePaths.ArchiveMonth(m.Key) : $"{yearUrl}#month-{m.Key}", [.. m]);
                })]);
        })];
}

/// <summary>A year of the timeline.</summary>
/// <param name="Year">YYYY.</param>
/// <param name="Url">Its archive page.</param>
/// <param name="ByMonth">True when each month has a page of its own.</param>
/// <param name="Months">Its months, newest first.</param>
public sealed record TimelineYear(string Year, string Url, bool ByMonth, List<TimelineMonth> Months)
{
    /// <summary>How many articles the year has.</summary>
    public int Count => Months.Sum(m => m.Count);
}

/// <summary>A month of the timeline.</summary>
/// <param name="Id">YYYY-MM, usable as an anchor.</param>
/// <param name="Name">The month as a heading ("March 2022").</param>
/// <param name="ShortName">The month alone ("March"), under its year.</param>
/// <param name="Url">Where its articles are listed: its own page, or its place on the year's.</param>
/// <param name="Articles">Its articles, newest first.</param>
public sealed record TimelineMonth(string Id, string Name, string ShortName, string Url, List<ArticleView> Articles)
{
    /// <summary>How many articles the month has.</summary>
    public int Count => Articles.Count;
}
