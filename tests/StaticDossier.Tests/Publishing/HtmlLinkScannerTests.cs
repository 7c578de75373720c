using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier.Tests.Publishing;

public sealed class HtmlLinkScannerTests
{
    [Fact]
    public void FindsLinksAndIdsOfEveryKind()
    {
        var page = HtmlLinkScanner.Scan("""
            <html><head><link rel=stylesheet href=assets/style.css><script src='app.js'></script></head>
            <body><h2 id="intro">x</h2><A HREF="a.html#intro" id=top>a</A><img alt="" src="i.png"><source src="v.mp4">
            </body></html>
            """);
        Assert.Equal(["assets/style.css", "app.js", "a.html#intro", "i.png", "v.mp4"], page.Links.Select(l => l.Href));
        Assert.Equal(["intro", "top"], page.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IgnoresCommentsScriptsAndTextThatLooksLikeTags()
    {
        var page = HtmlLinkScanner.Scan("""
            <!-- <a href="commented.html"> --><script>var s = '<a href="in-script.html">';</script>
            <p>1 &lt; 2 and <code>&lt;a href="escaped.html"&gt;</code> a < b</p><a href="real.html">r</a>
            """);
        Assert.Equal(["real.html"], page.Links.Select(l => l.Href));
    }

    [Fact]
    public void DecodesEntitiesInAttributeValues()
    {
        var page = HtmlLinkScanner.Scan("<a href=\"a.html?x=1&amp;y=2#s%C3%A9\" id=\"caf&eacute;\">a</a>");
        Assert.Equal("a.html?x=1&y=2#s%C3%A9", Assert.Single(page.Links).Href);
        Assert.Contains("café", page.Ids);
    }

    /// <summary>A site's table of strings: pages scanned with it share one string per distinct link and id, decoded as
    /// without it; web addresses are read but not added to it.</summary>
    [Fact]
    public void PagesScannedWithASitesTableShareItsStrings()
    {
        var kept = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        const string Html = "<a href=\"tags/x.html\" id=\"top\">x</a><a href=\"a.html?x=1&amp;y=2\">a</a><a href=\"https://example.org/\">w</a>";
        var first = HtmlLinkScanner.Scan(System.Text.Encoding.UTF8.GetBytes(Html), kept);
        var second = HtmlLinkScanner.Scan(System.Text.Encoding.UTF8.GetBytes(Html), kept);
        Assert.Equal(HtmlLinkScanner.Scan(Html).Links, first.Links);
        Assert.Equal(["tags/x.html", "a.html?x=1&y=2", "https://example.org/"], second.Links.Select(l => l.Href));
        Assert.Same(first.Links[0].Href, second.Links[0].Href);
        Assert.Same(first.Links[1].Href, second.Links[1].Href);
        Assert.Same(first.Ids.Single(), second.Ids.Single());
        Assert.Equal(["a.html?x=1&y=2", "tags/x.html", "top"], kept.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FirstOfTwoSameNamedAttributesWins()
    {
        var page = HtmlLinkScanner.Scan("<a href=\"first.html\" href=\"second.html\">a</a>");
        Assert.Equal("first.html", Assert.Single(page.Links).Href);
    }

    [Fact]
    public void BrokenLinkIsReportedAtItsLineAndColumn()
    {
        var html = "<!DOCTYPE html>\n<p>\n  <a href=\"missing.html\">x</a>\n  <a href=\"index.html#top\">y</a><a href=\"index.html#nope\">z</a></p><i id=\"top\"></i>";
        var diagnostics = new DiagnosticBag();
        var checkedLinks = LinkChecker.Check([new OutputFile("index.html", System.Text.Encoding.UTF8.GetBytes(html))], diagnostics);

        Assert.Equal(3, checkedLinks);
        var errors = diagnostics.Sorted();
        Assert.Equal(2, errors.Count);
        Assert.Equal("_site/index.html(3,3): error SD0502: Link 'missing.html' leads to no file in the site.", errors[0].ToString());
        Assert.Equal(new SourceLocation("_site/index.html", 4, 33), errors[1].Location);
    }

    [Fact]
    public void ColumnsCountCharactersNotBytesOnLinesWithVietnamese()
    {
        // "Việt Nam – " is 11 characters but 16 UTF-8 bytes; the report must point where an editor would.
        var html = "<p>\nViệt Nam – <a href=\"gone.html\">x</a></p>";
        var diagnostics = new DiagnosticBag();
        LinkChecker.Check([new OutputFile("articles/x.html", System.Text.Encoding.UTF8.GetBytes(html))], diagnostics);

        Assert.Equal(new SourceLocation("_site/articles/x.html", 2, 12), Assert.Single(diagnostics.Sorted()).Location);
    }

    [Fact]
    public void RawTextEndsAtItsClosingTagInAnyCase()
    {
        var page = HtmlLinkScanner.Scan("<SCRIPT>var a = '<a href=\"in-script.html\">';</Script><a href=\"after.html\">a</a>");
        Assert.Equal(["after.html"], page.Links.Select(l => l.Href));
    }

    [Fact]
    public void PagesInOneFolderResolveTheSameLinkAlikeAndOthersByTheirOwnFolder()
    {
        var page = "<a href=\"../index.html\">home</a><a href=\"b.html#top\">b</a>";
        var diagnostics = new DiagnosticBag();
        LinkChecker.Check(
        [
            new OutputFile("index.html", System.Text.Encoding.UTF8.GetBytes(page)),
            new OutputFile("articles/a.html", System.Text.Encoding.UTF8.GetBytes(page)),
            new OutputFile("articles/b.html", System.Text.Encoding.UTF8.GetBytes("<p id=\"top\">" + page + "</p>")),
        ], diagnostics);

        // From the root, "../index.html" climbs out of the site and "b.html" does not exist; from articles/ both resolve.
        Assert.Equal(["_site/index.html(1,1)", "_site/index.html(1,33)"], diagnostics.Sorted().Select(d => d.Location.ToString()));
    }
}
