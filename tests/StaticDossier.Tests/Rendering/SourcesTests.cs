using AngleSharp.Html.Parser;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>Sources as curated terms: front matter spellings of one outlet meet on its page, which says what the outlet
/// is; a source named only in the text is not the outlet.</summary>
public sealed class SourcesTests
{
    private static readonly TermConfig Vna = new()
    {
        Name = "VNA",
        FullName = "Vietnam News Agency",
        HomePage = "https://vnanet.vn/",
        Aliases = ["VNA/VNS", "Vietnam News Agency"],
    };

    private static TempDossier Site(out DiagnosticBag diagnostics)
    {
        var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: Agency report\ndate: 2022-03-15\nsource: VNA\n---\n\nThe ministers spoke by phone.\n");
        dossier.Write("content/b.md", "---\ntitle: Daily report\ndate: 2022-03-16\nsource: vna/vns\n---\n\nThe ministers met.\n");
        dossier.Write("content/c.md", "---\ntitle: Quoting the agency\ndate: 2022-03-17\n---\n\nAccording to VNA, the talks went well. Photos: VNA\n");
        diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier) with { Sources = [Vna] }).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        return dossier;
    }

    [Fact]
    public void SpellingsOfOneOutletMeetOnOnePageThatSaysWhatItIs()
    {
        using var dossier = Site(out _);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dossier.Site, "sources", "vna.html")));
        Assert.Equal(["Daily report", "Agency report"], page.QuerySelectorAll("main .article-list .item-title").Select(a => a.TextContent));
        Assert.Equal("Vietnam News Agency", page.QuerySelector("main .full-name")!.TextContent);
        var home = page.QuerySelector("main .home-page a")!;
        Assert.Equal("https://vnanet.vn/", home.GetAttribute("href"));
        Assert.Contains("noopener", home.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dossier.Site, "sources", "vna-vns.html")));
        // The article names the outlet by its curated name, and the citation by its full name.
        var b = File.ReadAllText(Path.Combine(dossier.Site, "articles", "b.html"));
        Assert.Contains("<a href=\"../sources/vna.html\">VNA</a>", b, StringComparison.Ordinal);
        Assert.Contains("Vietnam News Agency, 16 March 2022.", b, StringComparison.Ordinal);
        Assert.DoesNotContain("vna/vns", b, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutletNamedOnlyInTheTextIsNotTheSource()
    {
        using var dossier = Site(out _);
        var c = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dossier.Site, "articles", "c.html")));
        Assert.Null(c.QuerySelector(".article-meta a[href*='sources/']"));
        var index = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dossier.Site, "sources", "index.html")));
        Assert.Equal("2 articles", index.QuerySelector("main .term-list li .count")!.TextContent);
    }

    [Theory]
    [InlineData("sources:\n  - name: VNA\n    home_page: vnanet.vn\n", "The home page of 'VNA' in 'sources' must be an http or https address")]
    [InlineData("people:\n  - name: Lavrov\n    full_name: Sergey Lavrov\n", "'full_name' and 'home_page' describe an outlet")]
    public void ACuratorsMistakeInSourcesIsNamedAtItsKey(string yaml, string message)
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        File.WriteAllText(dossier.SiteYml, "title: T\nbase_url: https://x.org/\n" + yaml);
        var diagnostics = new DiagnosticBag();
        Assert.Null(SiteConfigLoader.Load(dossier.SiteYml, diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
