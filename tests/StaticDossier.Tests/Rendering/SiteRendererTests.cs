using System.Text.Json;
using AngleSharp.Html.Parser;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

public sealed class SiteRendererTests
{
    [Fact]
    public void JsonLdCannotCloseItsScriptElement()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/x.md", "---\ntitle: \"</script><script>alert(1)</script> & <!--\"\nbyline: \"</SCRIPT>\"\n---\n\nBody.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var html = File.ReadAllText(Path.Combine(dossier.Site, "articles", "x.html"));
        var start = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        var end = html.IndexOf("</script>", start, StringComparison.OrdinalIgnoreCase);
        var json = html[(start + "<script type=\"application/ld+json\">".Length)..end];
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("</script><script>alert(1)</script> & <!--", parsed.RootElement.GetProperty("headline").GetString());
        Assert.Equal(1, new HtmlParser().ParseDocument(html).QuerySelectorAll("script").Length);
    }

    [Fact]
    public void IntroComesFromIndexPageWhenThereIsOne()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\n---\n\nA.\n");
        dossier.Write("content/_index.md", "---\ntitle: Home\n---\n\nWelcome to *this* dossier.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var home = File.ReadAllText(Path.Combine(dossier.Site, "index.html"));
        Assert.Contains("Welcome to <em>this</em> dossier.", home, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dossier.Site, "articles", "_index.html")));
    }

    [Fact]
    public void FrontMatterPeopleAndTagsGetPagesAndSourcesAreIndexed()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\ndate: 2022-03-15\nsource: VnExpress\ntags: [Diplomacy]\npeople: [Sergei Lavrov, Someone Else]\n---\n\nText.\n");
        dossier.Write("content/b.md", "---\ntitle: B\ndate: 2022-04-01\nsource: VnExpress\n---\n\nLavrov spoke.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        string Read(string p) => File.ReadAllText(Path.Combine(dossier.Site, p));
        Assert.Contains("../articles/a.html", Read("people/sergey-lavrov.html"), StringComparison.Ordinal);
        Assert.Contains("../articles/b.html", Read("people/sergey-lavrov.html"), StringComparison.Ordinal);
        Assert.Contains("Someone Else", Read("people/someone-else.html"), StringComparison.Ordinal);
        Assert.Contains("../articles/a.html", Read("tags/diplomacy.html"), StringComparison.Ordinal);
        Assert.Contains("2 articles", Read("sources/index.html"), StringComparison.Ordinal);
        var a = new HtmlParser().ParseDocument(Read("articles/a.html"));
        Assert.Equal("b.html", a.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!.Split('/')[^1]);
        Assert.Null(a.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal("../sources/vnexpress.html", a.QuerySelector(".article-meta a[href^='../sources/']")!.GetAttribute("href"));
    }

    /// <summary>A related article says why: the people and tags both articles have, each once, in the order the page lists them.</summary>
    [Fact]
    public void RelatedArticlesNameThePeopleAndTagsTheyShare()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\ndate: 2022-03-15\ntags: [Trade, Energy, Visits]\npeople: [Anna Alpha, Bao Beta, Cuong Gamma]\n---\n\nOne.\n");
        dossier.Write("content/b.md", "---\ntitle: B\ndate: 2022-04-01\ntags: [Visits, Trade, Trade]\npeople: [Cuong Gamma, Anna Alpha]\n---\n\nTwo.\n");
        dossier.Write("content/c.md", "---\ntitle: C\ndate: 2022-05-01\ntags: [Energy]\n---\n\nThree.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        string Reasons(string page) => string.Join(" | ", new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dossier.Site, "articles", page)))
            .QuerySelectorAll(".related li").Select(li => li.QuerySelector("a")!.TextContent + " " + li.QuerySelector(".reason")!.TextContent));
        Assert.Equal("B people: Anna Alpha, Cuong Gamma; tags: Trade, Visits | C tags: Energy", Reasons("a.html"));
        Assert.Equal("A people: Anna Alpha, Cuong Gamma; tags: Trade, Visits", Reasons("b.html"));
    }

    [Fact]
    public void PeopleEntryWithAnUnknownKeyIsAConfigError()
    {
        using var dossier = new TempDossier(withSeeds: false);
        File.AppendAllText(dossier.SiteYml, "\nfoo: 1\n");
        var diagnostics = new DiagnosticBag();
        Assert.Null(StaticDossier.Config.SiteConfigLoader.Load(dossier.SiteYml, diagnostics));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ConfigInvalid);

        var text = File.ReadAllText(dossier.SiteYml).Replace("\nfoo: 1\n", "\n", StringComparison.Ordinal)
            .Replace("  - name: Phạm Bình Minh\n", "  - name: Phạm Bình Minh\n    alias: [Pham]\n", StringComparison.Ordinal);
        File.WriteAllText(dossier.SiteYml, text);
        var second = new DiagnosticBag();
        Assert.Null(StaticDossier.Config.SiteConfigLoader.Load(dossier.SiteYml, second));
        Assert.Contains(second, d => d.Code == DiagnosticCodes.ConfigInvalid && d.Message.Contains("alias", StringComparison.Ordinal));
    }

    [Fact]
    public void HeadingIdsFromContentCannotClashWithThePagesOwn()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/x.md", "---\ntitle: X\n---\n\n[Jump](#main)\n\n# Main\n\n## Related heading\n\nText.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dossier.Site, "articles", "x.html")));
        Assert.Single(doc.QuerySelectorAll("[id='main']"));
        Assert.Equal("MAIN", doc.GetElementById("main")!.TagName);
        Assert.NotNull(doc.GetElementById("body-main"));
        Assert.Equal("#body-main", doc.QuerySelector(".body a")!.GetAttribute("href"));
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Fact]
    public void ACachingBuilderCanSupplyTheBodyHtml()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/x.md", "---\ntitle: X\n---\n\nOriginal.\n");
        var seen = new List<string>();
        var builder = new SiteBuilder(Dossier.Config(dossier)) { BodyRenderer = md => { seen.Add(md); return new StaticDossier.Rendering.RenderedMarkdown("<p>from cache</p>", "from cache"); } };
        var diagnostics = new DiagnosticBag();
        Assert.True(builder.Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        Assert.Contains("<p>from cache</p>", File.ReadAllText(Path.Combine(dossier.Site, "articles", "x.html")), StringComparison.Ordinal);
        Assert.Equal(["Original.\n"], seen);
    }

    /// <summary>A one-off build hands its pages over: each is left without its Markdown once its body is rendered (a
    /// gigabyte at 100,000 articles), and the site is byte for byte the one rendered from pages kept whole.</summary>
    [Fact]
    public void PagesHandedOverLoseTheirMarkdownAndTheSiteIsTheSame()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\ndate: 2022-03-15\ntags: [Trade]\n---\n\nPhạm Bình Minh met *Lavrov* 😀.\n\n## Talks\n\nOn trade.\n");
        dossier.Write("content/b.md", "---\ntitle: B\ndate: 2022-04-01\ntags: [Trade]\n---\n\nTrade talks went on.\n");
        dossier.Write("content/c.md", "---\ntitle: C\n---\n\nUndated text.\n");
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        List<StaticDossier.Content.ContentPage> Read() => [.. new StaticDossier.Content.ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics)];

        var kept = Read();
        var whole = new StaticDossier.Rendering.SiteRenderer(config).Render(kept, null, diagnostics)!;
        var handed = Read();
        var taken = new StaticDossier.Rendering.SiteRenderer(config) { TakesPages = true }.Render(handed, null, diagnostics)!;

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.All(kept, p => Assert.NotEmpty(p.MarkdownBody));
        Assert.All(handed, p => Assert.Empty(p.MarkdownBody));
        Assert.Equal(kept.Select(p => (p.Path, p.Meta.Title, p.BodyStartLine)), handed.Select(p => (p.Path, p.Meta.Title, p.BodyStartLine)));
        Assert.Equal(whole.Select(f => f.OutputPath), taken.Select(f => f.OutputPath));
        Assert.All(whole.Zip(taken), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        Assert.Contains("Phạm Bình Minh met <em>Lavrov</em> 😀.", System.Text.Encoding.UTF8.GetString(whole.Single(f => f.OutputPath == "articles/a.html").Bytes), StringComparison.Ordinal);
    }

    /// <summary>An article's plain text is for search and similarity only: a one-off build lets go of it once the search
    /// files are made, so a template that could read it would see it in serve and not in a full build.</summary>
    [Fact]
    public void TemplatesCannotReadAnArticlesPlainText()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\n---\n\nSome text.\n");
        dossier.Write("templates/article.sbn", "<h1>{{ article.title }}</h1>\n{{ article.plain_text }}\n");
        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Contains("plain_text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersFromASeedDoNotBreakTheFeed()
    {
        using var dossier = new TempDossier(withSeeds: false);
        // Front matter refuses control characters (SD0303); a body may still carry them from a seed.
        dossier.Write("content/x.md", "---\ntitle: Bad title\ndate: 2024-01-01\nsummary: Body with controls\n---\n\nBody \u000E with \u0001 controls and a lone \\uD800 surrogate.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        using var reader = System.Xml.XmlReader.Create(Path.Combine(dossier.Site, "feed.xml"));
        var feed = System.ServiceModel.Syndication.SyndicationFeed.Load(reader);
        Assert.Equal("Bad title", Assert.Single(feed.Items).Title.Text);
    }

    [Theory]
    [InlineData(2, new[] { "C", "B" })]
    [InlineData(0, new[] { "C", "B", "A" })]
    public void TheFeedCarriesTheNewestExactlyDatedArticlesUpToFeedLimit(int limit, string[] expected)
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n\nA.\n");
        dossier.Write("content/b.md", "---\ntitle: B\ndate: 2024-02-01\n---\n\nB.\n");
        dossier.Write("content/c.md", "---\ntitle: C\ndate: 2024-03-01\n---\n\nC.\n");
        dossier.Write("content/u.md", "---\ntitle: Undated\n---\n\nU.\n");
        // Newer than every entry, but only approximately: no day of it may reach a feed reader.
        dossier.Write("content/p.md", "---\ntitle: Period\ndate_approx: 2024-05\n---\n\nP.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier) with { FeedLimit = limit }).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        using var reader = System.Xml.XmlReader.Create(Path.Combine(dossier.Site, "feed.xml"));
        var feed = System.ServiceModel.Syndication.SyndicationFeed.Load(reader);
        Assert.Equal(expected, feed.Items.Select(i => i.Title.Text));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), feed.LastUpdatedTime);
    }

    [Fact]
    public void ACuratorsDateWinsOverAnInferredPeriod()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/d.md", "---\ntitle: Dated\ndate: 2022-03-17\ndate_approx: 2021\n---\n\nD.\n");
        dossier.Write("content/p.md", "---\ntitle: Period\ndate_approx: 2022\n---\n\nP.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var dated = File.ReadAllText(Path.Combine(dossier.Site, "articles", "d.html"));
        Assert.Contains("<time datetime=\"2022-03-17\">17 March 2022</time>", dated, StringComparison.Ordinal);
        Assert.DoesNotContain("inferred", dated, StringComparison.Ordinal);
        Assert.Contains("\"datePublished\":\"2022-03-17\"", dated, StringComparison.Ordinal);
        var period = File.ReadAllText(Path.Combine(dossier.Site, "articles", "p.html"));
        Assert.Contains("c. 2022 <span class=\"approx-note\">(inferred from the text)</span>", period, StringComparison.Ordinal);
        Assert.DoesNotContain("datePublished", period, StringComparison.Ordinal);
        // Its year's page lists it after the months, under a heading that says the month is not known.
        var home = File.ReadAllText(Path.Combine(dossier.Site, "index.html"));
        Assert.Contains("<a href=\"archive/2022.html#month-2022\" id=\"month-2022\" aria-label=\"2022, month not known: 1 article\">month not known</a>", home, StringComparison.Ordinal);
        var year = File.ReadAllText(Path.Combine(dossier.Site, "archive", "2022.html"));
        Assert.True(year.IndexOf("id=\"month-2022-03\"", StringComparison.Ordinal) < year.IndexOf("<h2 id=\"month-2022\">2022, month not known", StringComparison.Ordinal), year);
        Assert.Contains("<span class=\"approx\" title=\"Approximate: the page gives no date; the period is inferred from the text\">c. 2022</span>", year, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnInferredPeriodThatIsNotAMonthOrAYear()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/p.md", "---\ntitle: Period\ndate_approx: 2022-03-15\n---\n\nP.\n");
        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);
        Assert.Contains(diagnostics, d => d.Code == "SD0303" && d.Message.Contains("'date_approx' must be a month", StringComparison.Ordinal) && d.Location.Line == 3);
    }
}
