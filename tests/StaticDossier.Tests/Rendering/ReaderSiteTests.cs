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
    public void TheRealSourcesAreCuratedOutletsThatSayWhatTheyAre()
    {
        // "VNA" (seed 001) and "VNA/VNS" (seed 004) are one source; VOA comes from "VOA emailed …" (seed 002).
        var vna = Parser.ParseDocument(site.Read("sources/vna.html"));
        Assert.Equal(2, vna.QuerySelectorAll("main .article-list .item").Length);
        Assert.Equal("Vietnam News Agency", vna.QuerySelector("main .full-name")!.TextContent);
        Assert.Equal("https://vnanet.vn/", vna.QuerySelector("main .home-page a")!.GetAttribute("href"));
        var voa = Parser.ParseDocument(site.Read("sources/voa.html"));
        Assert.Equal("Voice of America", voa.QuerySelector("main .full-name")!.TextContent);
        Assert.Equal(["Many Vietnamese Civil Society Groups Support Ukraine"], voa.QuerySelectorAll("main .article-list .item-title").Select(a => a.TextContent));
        var index = Parser.ParseDocument(site.Read("sources/index.html"));
        Assert.Equal(["VNA", "VOA", "chinhphu.vn"], index.QuerySelectorAll("main .term-list li > a").Select(a => a.TextContent).Order(StringComparer.Ordinal));
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
        Assert.NotNull(doc.QuerySelector($".provenance a[href='../seeds/{page.Meta.SeedSha256}.txt']"));
        Assert.Contains(BaseUrl + site.ArticleOf("003"), doc.QuerySelector(".citation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vietnamese", doc.QuerySelector(".article-meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(".subjects a[href='../people/pham-binh-minh.html']"));
        if (page.Meta.Date is not null && site.PageBySeed["004"].Meta.ParsedDate > page.Meta.ParsedDate)
        {
            Assert.Equal("../" + site.ArticleOf("004"), doc.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void HomeTimelineLinksEachYearAndMonthToItsArchiveAndSetsUndatedApart()
    {
        var doc = Parser.ParseDocument(site.Read("index.html"));
        var dated = site.PageBySeed.Values.Where(p => p.Meta.ParsedDate is not null).ToList();
        foreach (var page in dated)
        {
            var (year, month) = (page.Meta.Date![..4], page.Meta.Date![..7]);
            Assert.Equal($"archive/{year}.html#month-{month}", doc.GetElementById("month-" + month)!.GetAttribute("href"));
            Assert.Equal($"archive/{year}.html", doc.QuerySelector($"#year-{year} a")!.GetAttribute("href"));
            var archive = Parser.ParseDocument(site.Read($"archive/{year}.html"));
            var listed = archive.QuerySelectorAll($"#month-{month} + .article-list .item-title, #month-{month} + .note + .article-list .item-title").Select(a => a.TextContent);
            Assert.Contains(page.Meta.Title, listed);
        }

        // A page with an inferred period sits under it on the archive, marked approximate; only a page with neither
        // stands apart as undated.
        foreach (var page in site.PageBySeed.Values.Where(p => p.Meta.ParsedDate is null && p.Meta.DateApprox is not null))
        {
            var year = page.Meta.DateApprox![..4];
            Assert.NotNull(doc.GetElementById("month-" + page.Meta.DateApprox));
            var archive = Parser.ParseDocument(site.Read($"archive/{year}.html"));
            var items = archive.QuerySelectorAll($"#month-{page.Meta.DateApprox} + .note + .article-list .item");
            Assert.Contains(items, li => li.QuerySelector(".item-title")!.TextContent == page.Meta.Title
                && li.QuerySelector(".approx")!.TextContent.StartsWith("c. ", StringComparison.Ordinal));
            Assert.Contains("inferred from the text", archive.QuerySelector($"#month-{page.Meta.DateApprox} + .note")!.TextContent, StringComparison.Ordinal);
        }

        var expectedUndated = site.PageBySeed.Values.Where(p => p.Meta.ParsedDate is null && p.Meta.DateApprox is null).Select(p => p.Meta.Title).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedUndated.Count > 0, doc.QuerySelector("#undated a") is not null);
        if (expectedUndated.Count > 0)
        {
            var undated = Parser.ParseDocument(site.Read("archive/undated.html")).QuerySelectorAll("main .article-list .item-title").Select(a => a.TextContent).ToList();
            Assert.Equal(expectedUndated, undated.Order(StringComparer.Ordinal));
        }

        Assert.Contains("Việt Nam and Russia", doc.QuerySelector(".intro")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPageHasOpenGraphAndTwitterCardsAndAnIconButNoRemoteImage()
    {
        foreach (var path in Directory.GetFiles(site.Site, "*.html", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(site.Site, p).Replace('\\', '/')))
        {
            var doc = Parser.ParseDocument(site.Read(path));
            string? Meta(string selector) => doc.QuerySelector(selector)?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:title']")), path);
            Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:description']")), path);
            Assert.Equal("Việt Nam, Russia and the war in Ukraine", Meta("meta[property='og:site_name']"));
            Assert.Equal("en_GB", Meta("meta[property='og:locale']"));
            Assert.Equal("summary", Meta("meta[name='twitter:card']"));
            Assert.Null(doc.QuerySelector("meta[property='og:image'], meta[name='twitter:image']"));
            Assert.Equal(2, doc.QuerySelectorAll("meta[name='theme-color'][media]").Length);
            if (path != "404.html")
            {
                Assert.Equal(BaseUrl + (path == "index.html" ? string.Empty : path.Replace("/index.html", "/", StringComparison.Ordinal)), Meta("meta[property='og:url']"));
                Assert.EndsWith("assets/favicon.svg", doc.QuerySelector("link[rel=icon]")!.GetAttribute("href"), StringComparison.Ordinal);
            }
        }

        var article = Parser.ParseDocument(site.Read(site.ArticleOf("003")));
        Assert.Equal("article", article.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal(site.PageBySeed["003"].Meta.Title, article.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public void PeopleAreListedByFamilyNameWithTheirRoles()
    {
        var doc = Parser.ParseDocument(site.Read("people/index.html"));
        var names = doc.QuerySelectorAll("main .term-list li > a").Select(a => a.TextContent).ToList();
        // Bùi, Kurenkov, Lavrov, Lê, Nguyễn …, Phạm …, Putin, Zhynkina: Vietnamese names as written, others by last word.
        Assert.True(names.IndexOf("Bùi Thanh Sơn") < names.IndexOf("Aleksandr Kurenkov"), string.Join(", ", names));
        Assert.True(names.IndexOf("Aleksandr Kurenkov") < names.IndexOf("Sergey Lavrov"), string.Join(", ", names));
        Assert.True(names.IndexOf("Sergey Lavrov") < names.IndexOf("Lê Thị Thu Hằng"), string.Join(", ", names));
        Assert.True(names.IndexOf("Phạm Minh Chính") < names.IndexOf("Vladimir Putin"), string.Join(", ", names));
        var item = doc.QuerySelectorAll("main .term-list li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == "../people/sergey-lavrov.html");
        Assert.Equal("Russian foreign minister", item.QuerySelector(".role")!.TextContent);
        var lavrov = Parser.ParseDocument(site.Read("people/sergey-lavrov.html"));
        Assert.Equal("Russian foreign minister", lavrov.QuerySelector("main .role")!.TextContent);
        // The tag's aliases that only differ from its name by case are not shown as other spellings.
        var tag = Parser.ParseDocument(site.Read("tags/phone-talks.html")).QuerySelector("main .aliases")!.TextContent;
        Assert.DoesNotContain("phone talks,", tag, StringComparison.Ordinal);
        Assert.Contains("điện đàm", tag, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryListEntryCarriesASummaryAndAReadingTime()
    {
        foreach (var path in new[] { "index.html", "people/sergey-lavrov.html", "archive/2022.html", site.ArticleOf("000") })
        {
            var items = Parser.ParseDocument(site.Read(path)).QuerySelectorAll("main .article-list .item");
            Assert.NotEmpty(items);
            Assert.All(items, item =>
            {
                Assert.Matches(@"\d+ min read", item.QuerySelector(".item-meta")!.TextContent);
                Assert.InRange(item.QuerySelector(".item-summary")!.TextContent.Length, 20, 201);
            });
        }
    }

    [Fact]
    public void FeedAndSitemapUseAbsoluteUrlsFromTheBaseUrl()
    {
        using var reader = XmlReader.Create(Path.Combine(site.Site, "feed.xml"));
        var feed = SyndicationFeed.Load(reader);
        // Only exactly dated articles: an undated one would need a day the source never gave.
        Assert.Equal(site.PageBySeed.Values.Count(p => p.Meta.ParsedDate is not null), feed.Items.Count());
        Assert.All(feed.Items, i => Assert.StartsWith(BaseUrl + "articles/", i.Links[0].Uri.AbsoluteUri, StringComparison.Ordinal));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(site.Read("sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains(BaseUrl, locs);
        Assert.Contains(BaseUrl + "people/sergey-lavrov.html", locs);
        Assert.DoesNotContain(BaseUrl + "404.html", locs);
        Assert.All(locs, l => Assert.StartsWith(BaseUrl, l, StringComparison.Ordinal));
        // Published under a sub-path, where crawlers never look for robots.txt: none is written (README says why).
        Assert.False(File.Exists(Path.Combine(site.Site, "robots.txt")));
        var lastmod = XDocument.Parse(site.Read("sitemap.xml")).Descendants(ns + "url")
            .ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);
        foreach (var page in site.PageBySeed.Values)
        {
            Assert.Equal(page.Meta.ParsedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lastmod[BaseUrl + "articles/" + page.Slug + ".html"]);
        }
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
        Assert.StartsWith("title,date,date_approx,language,source,byline,original_url,retrieved_at,page,people,tags,seed,seed_sha256,seed_url,citation,removed_blocks", lines[0], StringComparison.Ordinal);
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

    [Fact]
    public void Seed001sRepairedWordsAreWhatTheDescriptionJsonLdAndSearchCarry()
    {
        var doc = Parser.ParseDocument(site.Read(site.ArticleOf("001")));
        var description = doc.QuerySelector("meta[name='description']")!.GetAttribute("content")!;
        Assert.Contains("discussed the conflict in Ukraine", description, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Contains("the conflict in Ukraine", json.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        var body = doc.QuerySelector("main .article-body, main article")!.TextContent;
        Assert.Contains("FM Son affirmed", body, StringComparison.Ordinal);
        var search = Enumerable.Range(0, site.PageBySeed.Count).Select(i => site.Read($"assets/search/docs/{i}.js"))
            .Single(t => t.Contains("hold phone talks on Ukraine situation", StringComparison.Ordinal));
        foreach (var printed in new[] { "conflictin", "Sonaffirmed", "Thetwo", "inUkraine", "process,the" })
        {
            Assert.DoesNotContain(printed, description, StringComparison.Ordinal);
            Assert.DoesNotContain(printed, body, StringComparison.Ordinal);
            Assert.DoesNotContain(printed, search, StringComparison.Ordinal);
        }

        Assert.Contains("The two ministers also discussed", search, StringComparison.Ordinal);
    }
}
