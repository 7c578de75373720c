using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace StaticDossier.Tests.Rendering;

/// <summary>What the reader's site built from the real seeds contains.</summary>
public sealed class ReaderSiteTests(BuiltRealSite site) : IClassFixture<BuiltRealSite>
{
    private const string BaseUrl = "https://dossier.example.org/vn-russia/";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void BuildsWithoutErrors() => Assert.False(site.Diagnostics.HasErrors, string.Join('\n', site.Diagnostics));

    [Fact]
    public void ReportsOfTheSamePhoneCallLinkEachOtherAsTheSameStory()
    {
        foreach (var (from, to) in new[] { ("000", "001"), ("001", "000") })
        {
            var doc = Parser.ParseDocument(site.Read(site.ArticleOf(from)));
            var first = doc.QuerySelector(".related li")!;
            Assert.EndsWith(site.ArticleOf(to), first.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Contains("same story", first.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LavrovsSpellingsMeetOnOnePersonPage()
    {
        var doc = Parser.ParseDocument(site.Read("people/sergey-lavrov.html"));
        Assert.Equal("Sergey Lavrov", doc.QuerySelector("main h1")!.TextContent);
        var links = doc.QuerySelectorAll("main .article-list a").Select(a => a.GetAttribute("href")!).Order().ToList();
        Assert.Equal(new[] { "000", "001", "003" }.Select(s => "../" + site.ArticleOf(s)).Order(), links);
    }

    [Fact]
    public void VietnameseNameIsFoundInVietnameseText()
    {
        var doc = Parser.ParseDocument(site.Read("people/pham-binh-minh.html"));
        Assert.Equal("Phạm Bình Minh", doc.QuerySelector("main h1")!.TextContent);
        Assert.Equal("../" + site.ArticleOf("003"), doc.QuerySelector("main .article-list a")!.GetAttribute("href"));
    }

    [Fact]
    public void EveryTaxonomyHasAnOverviewPage()
    {
        foreach (var kind in new[] { "people", "tags", "sources", "languages" })
        {
            Assert.Contains("<h1>", site.Read($"{kind}/index.html"), StringComparison.Ordinal);
        }

        var languages = Parser.ParseDocument(site.Read("languages/index.html"));
        Assert.Equal(["English", "Vietnamese"], languages.QuerySelectorAll("main .term-list a").Select(a => a.TextContent));
    }

    [Fact]
    public void ArticlePageShowsFactsProvenanceCitationAndNeighbours()
    {
        var page = site.PageBySeed["003"];
        var doc = Parser.ParseDocument(site.Read(site.ArticleOf("003")));
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("vi", doc.QuerySelector("main .body")!.GetAttribute("lang"));
        Assert.Equal("vi", doc.QuerySelector("main h1")!.GetAttribute("lang"));
        Assert.Contains(page.Meta.SeedSha256!, doc.QuerySelector(".provenance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Meta.Seed!, doc.QuerySelector(".provenance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(BaseUrl + site.ArticleOf("003"), doc.QuerySelector(".citation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vietnamese", doc.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(".facts a[href='../people/pham-binh-minh.html']"));
        if (page.Meta.Date is not null && site.PageBySeed["004"].Meta.ParsedDate > page.Meta.ParsedDate)
        {
            Assert.Equal("../" + site.ArticleOf("004"), doc.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void HomeGroupsTheTimelineByYearAndMonthAndSetsUndatedApart()
    {
        var doc = Parser.ParseDocument(site.Read("index.html"));
        var dated = site.PageBySeed.Values.Where(p => p.Meta.ParsedDate is not null).ToList();
        foreach (var page in dated)
        {
            var month = doc.GetElementById("month-" + page.Meta.Date![..7])!;
            Assert.Equal("H4", month.TagName);
            Assert.NotNull(doc.GetElementById("year-" + page.Meta.Date![..4]));
        }

        var undated = doc.QuerySelectorAll(".undated-articles .article-list a").Select(a => a.TextContent).ToList();
        Assert.Equal(site.PageBySeed.Values.Where(p => p.Meta.ParsedDate is null).Select(p => p.Meta.Title).Order(StringComparer.Ordinal), undated.Order(StringComparer.Ordinal));
        Assert.Contains("Undated", doc.QuerySelector(".undated-articles h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Việt Nam and Russia", doc.QuerySelector(".intro")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedAndSitemapUseAbsoluteUrlsFromTheBaseUrl()
    {
        using var reader = XmlReader.Create(Path.Combine(site.Site, "feed.xml"));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(site.PageBySeed.Count, feed.Items.Count());
        Assert.All(feed.Items, i => Assert.StartsWith(BaseUrl + "articles/", i.Links[0].Uri.AbsoluteUri, StringComparison.Ordinal));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(site.Read("sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains(BaseUrl, locs);
        Assert.Contains(BaseUrl + "people/sergey-lavrov.html", locs);
        Assert.DoesNotContain(BaseUrl + "404.html", locs);
        Assert.All(locs, l => Assert.StartsWith(BaseUrl, l, StringComparison.Ordinal));
        Assert.Contains("Sitemap: " + BaseUrl + "sitemap.xml", site.Read("robots.txt"), StringComparison.Ordinal);
        Assert.Contains("Page not found", site.Read("404.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void ArticlePagesCarryNewsArticleJsonLdAndDublinCore()
    {
        var page = site.PageBySeed["000"];
        var doc = Parser.ParseDocument(site.Read(site.ArticleOf("000")));
        using var json = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("NewsArticle", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal(page.Meta.Title, json.RootElement.GetProperty("headline").GetString());
        Assert.Equal(BaseUrl + site.ArticleOf("000"), json.RootElement.GetProperty("url").GetString());
        Assert.Equal(page.Meta.Title, doc.QuerySelector("meta[name='DC.title']")!.GetAttribute("content"));
        Assert.Equal("en", doc.QuerySelector("meta[name='DC.language']")!.GetAttribute("content"));
    }

    [Fact]
    public void MetadataDownloadsListEveryArticle()
    {
        using var json = JsonDocument.Parse(site.Read("data/dossier.json"));
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(site.PageBySeed.Count, articles.Count);
        Assert.Contains(articles, a => a.GetProperty("people").EnumerateArray().Any(p => p.GetString() == "Sergey Lavrov"));

        var lines = site.Read("data/dossier.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("title,date,language,source,byline,original_url,page,people,tags,seed,seed_sha256,removed_blocks", lines[0], StringComparison.Ordinal);
        Assert.Equal(site.PageBySeed.Count + 1, lines.Length);
    }

    [Fact]
    public void SearchIndexHasOneDocumentFilePerArticle()
    {
        var titles = Enumerable.Range(0, site.PageBySeed.Count).Select(i =>
        {
            var text = site.Read($"assets/search/docs/{i}.js");
            var json = text[(text.IndexOf(',', StringComparison.Ordinal) + 1)..].TrimEnd().TrimEnd(';').TrimEnd(')');
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("title").GetString();
        });
        Assert.Equal(site.PageBySeed.Values.Select(p => p.Meta.Title).Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(site.Site, "assets/search/docs", $"{site.PageBySeed.Count}.js")));
        Assert.Contains("assets/search/index.js", site.Read("search.html"), StringComparison.Ordinal);
    }
}
