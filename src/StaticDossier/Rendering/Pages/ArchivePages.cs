namespace StaticDossier.Rendering.Pages;

/// <summary>The archive the home page's timeline links to: a page per year (its articles by month, or, for a year with
/// more than a page of them, its months), a page per month of such a year (and one for its articles whose month is not known), and the undated articles; every list of
/// more than <see cref="Pagination.PageSize"/> articles in pages.</summary>
internal sealed class ArchivePages : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        context.Memo?.BeginShared(Template, Shared(context.Pages));
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
        var newest = archive.Groups.SelectMany(g => g.Articles).Concat(archive.Months.SelectMany(m => m.Articles)).Select(a => a.Date).FirstOrDefault(d => d is not null);

        // The model beyond the values every page shares follows from what the archive view and pager hold and the path: a
        // page whose articles are the very views of the last build (the model memo hands out an unchanged article's view
        // again), under the same headings, is kept without its model being made or its key worked out.
        var memo = context.Memo;
        object?[]? own = memo is null ? null : [memo.Token("archive " + path, Parts(archive, pager)), context.Config.BaseUrl, path];
        if (own is not null && memo!.ReuseOwn(Template, path, own) is { } kept)
        {
            return new OutputFile(path, kept) { LastModified = newest };
        }

        var model = context.Pages.NewModel(path);
        model.SetValue("nav_current", "home", false);
        model.SetValue("archive", archive, true);
        model.SetValue("pager", pager, true);
        var page = context.Pages.Render(Template, model, path, context.Diagnostics, newest);
        if (own is not null && page is not null)
        {
            memo!.RecordOwn(Template, path, own);
        }

        return page;
    }

    private const string Template = "archive.sbn";

    /// <summary>An archive page's model without its own values (its view, pager, path): hashed once per build.</summary>
    private static Scriban.Runtime.ScriptObject Shared(PageRenderer pages)
    {
        var model = pages.NewModel(SitePaths.Home);
        model.SetValue("nav_current", "home", false);
        model.SetValue("archive", null, true);
        model.SetValue("pager", null, true);
        model.SetValue("output_path", null, true);
        model.SetValue("canonical", null, true);
        model.SetValue("root", null, true);
        return model;
    }

    /// <summary>Everything an archive page's view and pager hold: text as strings, numbers as text, articles as the very
    /// views; each list led by its length, so no two different views give the same parts.</summary>
    private static object?[] Parts(ArchiveView archive, Pager? pager)
    {
        var parts = new List<object?> { archive.Title, archive.Kind, Count(archive.Crumbs.Count) };
        foreach (var crumb in archive.Crumbs)
        {
            parts.Add(crumb.Name);
            parts.Add(crumb.Url);
        }

        parts.Add(Count(archive.Months.Count));
        foreach (var month in archive.Months)
        {
            parts.AddRange([month.Id, month.Name, month.ShortName, month.Url, Count(month.Articles.Count), .. month.Articles]);
        }

        parts.Add(Count(archive.Groups.Count));
        foreach (var group in archive.Groups)
        {
            parts.AddRange([group.Id, group.Name, Count(group.Articles.Count), .. group.Articles]);
        }

        if (pager is not null)
        {
            parts.AddRange([Count(pager.Number), Count(pager.Count), Count(pager.Total), Count(pager.From), Count(pager.To), pager.PrevUrl, pager.NextUrl, pager.FirstUrl, pager.LastUrl]);
        }

        return [.. parts];
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
