using AngleSharp.Html.Parser;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>Long lists split into pages linked with rel=prev/next; a large year gets a page per month; the home page
/// holds counts, not every article, so its size does not follow the dossier's.</summary>
public sealed class ListPagesTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void ALongTermListIsSplitIntoLinkedPagesOfFifty()
    {
        using var dossier = Dossier(120, _ => "2023-03-15");
        var first = Parser.ParseDocument(Read(dossier, "tags/common.html"));
        var second = Parser.ParseDocument(Read(dossier, "tags/common/page/2.html"));
        var third = Parser.ParseDocument(Read(dossier, "tags/common/page/3.html"));
        Assert.False(File.Exists(dossier.PathOf("_site/tags/common/page/4.html")));
        Assert.Equal([50, 50, 20], new[] { first, second, third }.Select(d => d.QuerySelectorAll("main .article-list .item").Length));

        Assert.Null(first.QuerySelector("link[rel=prev]"));
        Assert.Equal("../tags/common/page/2.html", first.QuerySelector("link[rel=next]")!.GetAttribute("href"));
        Assert.Equal("../../../tags/common.html", second.QuerySelector("link[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../../../tags/common/page/3.html", second.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(third.QuerySelector("link[rel=next]"));
        Assert.Contains("Page 2 of 3", second.QuerySelector(".list-pager")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(page 2 of 3)", second.Title, StringComparison.Ordinal);

        // Every article appears once across the pages, newest first.
        var titles = new[] { first, second, third }.SelectMany(d => d.QuerySelectorAll("main .item-title").Select(a => a.TextContent)).ToList();
        Assert.Equal(120, titles.Distinct().Count());
    }

    [Fact]
    public void AYearOfMoreThanAPageGetsAPagePerMonthAndTheHomePageOnlyCounts()
    {
        using var dossier = Dossier(130, i => i < 70 ? "2023-03-10" : i < 125 ? "2023-04-10" : "2021-06-01");
        var home = Parser.ParseDocument(Read(dossier, "index.html"));
        Assert.Equal("archive/2023-03.html", home.GetElementById("month-2023-03")!.GetAttribute("href"));
        Assert.Equal("archive/2021.html#month-2021-06", home.GetElementById("month-2021-06")!.GetAttribute("href"));
        Assert.Contains("125 articles", home.GetElementById("year-2023")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, home.QuerySelectorAll("main .article-list .item").Length);

        var year = Parser.ParseDocument(Read(dossier, "archive/2023.html"));
        Assert.Empty(year.QuerySelectorAll("main .article-list"));
        Assert.Equal(["../archive/2023-04.html", "../archive/2023-03.html"], year.QuerySelectorAll("main .term-list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(50, Parser.ParseDocument(Read(dossier, "archive/2023-03.html")).QuerySelectorAll("main .item").Length);
        Assert.Equal(20, Parser.ParseDocument(Read(dossier, "archive/2023-03/page/2.html")).QuerySelectorAll("main .item").Length);
        Assert.Equal(5, Parser.ParseDocument(Read(dossier, "archive/2021.html")).QuerySelectorAll("#month-2021-06 + .article-list .item").Length);
    }

    private static TempDossier Dossier(int count, Func<int, string> date)
    {
        var dossier = new TempDossier(withSeeds: false);
        for (var i = 0; i < count; i++)
        {
            dossier.Write($"content/a{i:D3}.md", $"---\ntitle: Article {i:D3}\ndate: {date(i)}\ntags: [Common]\n---\n\nThe text of article {i}. It says little.\n");
        }

        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Support.Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        return dossier;
    }

    private static string Read(TempDossier dossier, string path) => File.ReadAllText(dossier.PathOf("_site/" + path));
}
