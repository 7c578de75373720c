using System.Globalization;
using StaticDossier.Rendering.Interface;

namespace StaticDossier.Rendering;

/// <summary>Orders articles in time and groups them by year and month for the home page and the archive.</summary>
public static class Timeline
{
    /// <summary>Newest first by date or inferred period (an exact date before a period of its month); undated last; ties
    /// broken by title then URL so output never depends on file order.</summary>
    public static List<ArticleView> Sort(IEnumerable<ArticleView> articles) => [.. articles.Order(InTime)];

    /// <summary><see cref="Sort"/>'s order (a stable sort by it; <c>serve</c> puts moved articles back by it).</summary>
    internal static readonly Comparer<ArticleView> InTime = Comparer<ArticleView>.Create(Compare);

    private static int Compare(ArticleView a, ArticleView b)
    {
        if ((a.TimeKey is null) != (b.TimeKey is null))
        {
            return a.TimeKey is null ? 1 : -1;
        }

        var time = string.CompareOrdinal(b.TimeKey, a.TimeKey);
        if (time != 0)
        {
            return time;
        }

        var title = string.CompareOrdinal(a.Title, b.Title);
        return title != 0 ? title : string.CompareOrdinal(a.Url, b.Url);
    }

    /// <summary>As <see cref="Sort"/>; articles already in its order (the model's, as every build lists them) are taken
    /// as they come rather than sorted again (a stable sort leaves them so).</summary>
    private static List<ArticleView> InOrder(IEnumerable<ArticleView> articles)
    {
        var list = articles.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i - 1], list[i]) > 0)
            {
                return Sort(list);
            }
        }

        return list;
    }

    /// <summary>Dated articles, and those with an inferred period (marked approximate by templates), grouped by year,
    /// then month, newest first; a period of a year only is a group of its own after that year's months. A year with
    /// more than a page of articles gets a page per month (<see cref="TimelineYear.ByMonth"/>); a smaller one lists its
    /// months on its own page.</summary>
    internal static List<TimelineYear> Group(IEnumerable<ArticleView> articles, InterfaceText text) => [.. InOrder(articles.Where(a => a.TimeKey is not null))
        .GroupBy(a => a.TimeKey![..4])
        .Select(y =>
        {
            var byMonth = y.Count() > Pagination.PageSize;
            var yearUrl = SitePaths.ArchiveYear(y.Key);
            var year = int.Parse(y.Key, CultureInfo.InvariantCulture);
            return new TimelineYear(y.Key, yearUrl, byMonth, [.. y
                .GroupBy(a => a.TimeKey!.Length >= 7 ? a.TimeKey[..7] : a.TimeKey)
                .Select(m =>
                {
                    if (m.Key.Length == 4)
                    {
                        return new TimelineMonth(m.Key, text.Format("timeline_month_unknown", y.Key), text["timeline_month_unknown_short"],
                            byMonth ? SitePaths.ArchiveMonthUnknown(y.Key) : $"{yearUrl}#month-{m.Key}", [.. m]);
                    }

                    var month = int.Parse(m.Key[5..], CultureInfo.InvariantCulture);
                    return new TimelineMonth(m.Key, text.Month(year, month), text.MonthName(month),
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

/// <summary>A month of the timeline, or the articles of a year whose month is not known.</summary>
/// <param name="Id">YYYY-MM (YYYY for a year's articles of no known month), usable as an anchor.</param>
/// <param name="Name">The month as a heading ("March 2022", "2022, month not known").</param>
/// <param name="ShortName">The month alone ("March"), under its year.</param>
/// <param name="Url">Where its articles are listed: its own page, or its place on the year's.</param>
/// <param name="Articles">Its articles, newest first.</param>
public sealed record TimelineMonth(string Id, string Name, string ShortName, string Url, List<ArticleView> Articles)
{
    /// <summary>How many articles the month has.</summary>
    public int Count => Articles.Count;

    /// <summary>True when an article here is placed by an inferred period, not a date.</summary>
    public bool HasApproximate => Articles.Any(a => a.Date is null);
}
