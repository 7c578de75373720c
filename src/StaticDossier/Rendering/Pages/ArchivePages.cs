namespace StaticDossier.Rendering.Pages;

/// <summary>The archive the home page's timeline links to: a page per year (its articles by month, or, for a year with
/// more than a page of them, its months), a page per month of such a year (and one for its articles whose month is not known), and the undated articles; every list of
/// more than <see cref="Pagination.PageSize"/> articles in pages.</summary>
internal sealed class ArchivePages : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var text = context.Text;
        foreach (var year in Timeline.Group(context.Dossier.Articles, text))
        {
            var crumbs = new List<Crumb> { new(text["nav_home"], SitePaths.Home) };
            if (!year.ByMonth)
            {
                yield return Page(context, new ArchiveView(year.Year, "year", crumbs, [], [.. year.Months.Select(m => new ArchiveGroup(m.Id, m.Name, m.Articles))]), year.Url, null);
                continue;
            }

            yield return Page(context, new ArchiveView(year.Year, "year", crumbs, year.Months, []), year.Url, null);
            var monthCrumbs = new List<Crumb>(crumbs) { new(year.Year, year.Url) };
            foreach (var month in year.Months)
            {
                foreach (var (path, pager, items) in Pagination.Split(month.Articles, month.Url))
                {
                    yield return Page(context, new ArchiveView(month.Name, "month", monthCrumbs, [], [new ArchiveGroup(month.Id, null, items)]), path, pager);
                }
            }
        }

        var undated = context.Dossier.Articles.Where(a => a.TimeKey is null).ToList();
        if (undated.Count > 0)
        {
            foreach (var (path, pager, items) in Pagination.Split(undated, SitePaths.ArchiveUndated))
            {
                yield return Page(context, new ArchiveView(text["undated_articles"], "undated", [new(text["nav_home"], SitePaths.Home)], [], [new ArchiveGroup("undated", null, items)]), path, pager);
            }
        }
    }

    private static OutputFile? Page(OutputContext context, ArchiveView archive, string path, Pager? pager)
    {
        var model = context.Pages.NewModel(path);
        model.SetValue("nav_current", "home", false);
        model.SetValue("archive", archive, true);
        model.SetValue("pager", pager, true);
        var newest = archive.Groups.SelectMany(g => g.Articles).Concat(archive.Months.SelectMany(m => m.Articles)).Select(a => a.Date).FirstOrDefault(d => d is not null);
        return context.Pages.Render("archive.sbn", model, path, context.Diagnostics, newest);
    }
}

/// <summary>One archive page as templates see it (<c>archive</c>).</summary>
/// <param name="Title">The year, the month ("March 2022") or "Undated articles".</param>
/// <param name="Kind"><c>year</c>, <c>month</c> or <c>undated</c>.</param>
/// <param name="Crumbs">The pages above it.</param>
/// <param name="Months">For a year with a page per month: its months, with their counts and links; else empty.</param>
/// <param name="Groups">The articles listed here, by month (a group's name is null when the page is one month).</param>
internal sealed record ArchiveView(string Title, string Kind, List<Crumb> Crumbs, List<TimelineMonth> Months, List<ArchiveGroup> Groups);

/// <summary>Articles under one heading of an archive page.</summary>
/// <param name="Id">Anchor (YYYY-MM).</param>
/// <param name="Name">Heading, or null for none.</param>
/// <param name="Articles">Newest first.</param>
internal sealed record ArchiveGroup(string Id, string? Name, IReadOnlyList<ArticleView> Articles)
{
    /// <summary>True when an article here is placed by an inferred period, not a date.</summary>
    public bool HasApproximate => Articles.Any(a => a.Date is null && a.DateApprox is not null);
}

/// <summary>A link in a breadcrumb trail.</summary>
/// <param name="Name">What it says.</param>
/// <param name="Url">Path from the site root.</param>
internal sealed record Crumb(string Name, string Url);
