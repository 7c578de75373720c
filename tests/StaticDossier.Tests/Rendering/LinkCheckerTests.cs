using System.Text;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

public sealed class LinkCheckerTests
{
    private static OutputFile Html(string path, string body) => new(path, Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><body>\n{body}\n</body></html>"));

    [Fact]
    public void AcceptsRelativeLinksAndAnchorsThatExist()
    {
        var diagnostics = new DiagnosticBag();
        var count = LinkChecker.Check(
        [
            Html("index.html", "<a href=\"people/a.html#bio\">A</a> <a href=\"#top\" id=\"top\">top</a> <a href=\"https://example.org/x\">x</a>"),
            Html("people/a.html", "<h1 id=\"bio\">A</h1><a href=\"../index.html\">home</a><a href=\"./\">here</a>"),
            Html("people/index.html", "<p>People</p>"),
        ], diagnostics);
        Assert.Equal(5, count);
        Assert.Empty(diagnostics);
    }

    /// <summary>Pages are checked on every core: every broken link of every page is reported, once, the same on each run.</summary>
    [Fact]
    public void ReportsEveryBrokenLinkOfManyPagesWhateverTheThreads()
    {
        var pages = Enumerable.Range(0, 500)
            .Select(i => Html($"p/{i:D3}.html", $"<a href=\"gone-{i}-a.html\">a</a> <a href=\"{(i + 1) % 500:D3}.html#x\">b</a> <a href=\"gone-{i}-c.html\">c</a>"))
            .ToList();
        var expected = pages.SelectMany((_, i) => new[] { $"gone-{i}-a.html", $"{(i + 1) % 500:D3}.html#x", $"gone-{i}-c.html" }).ToList();
        for (var run = 0; run < 3; run++)
        {
            var diagnostics = new DiagnosticBag();
            Assert.Equal(1500, LinkChecker.Check(pages, diagnostics));
            Assert.Equal(expected, diagnostics.Select(d => d.Message.Split('\'')[1]));
            Assert.Equal(pages.SelectMany(p => Enumerable.Repeat("_site/" + p.OutputPath, 3)), diagnostics.Select(d => d.Location.Path));
        }
    }

    /// <summary>Verdicts are remembered per folder, but a link within the page is judged against each page: "#x" on a
    /// page that has it must not excuse "#x" on a sibling that lacks it, nor the reverse.</summary>
    [Fact]
    public void JudgesEachPagesOwnAnchorsAgainstThatPage()
    {
        var pages = Enumerable.Range(0, 400)
            .Select(i => Html($"p/{i:D3}.html", $"<a href=\"#x\">x</a> <a href=\"000.html#x\">first</a>{(i % 3 == 0 ? " <h2 id=\"x\">X</h2>" : string.Empty)}"))
            .ToList();
        var diagnostics = new DiagnosticBag();
        LinkChecker.Check(pages, diagnostics);
        Assert.Equal(pages.Where((_, i) => i % 3 != 0).Select(p => "_site/" + p.OutputPath), diagnostics.Select(d => d.Location.Path));
        Assert.All(diagnostics, d => Assert.Contains("'#x'", d.Message, StringComparison.Ordinal));
    }

    /// <summary>A link is resolved as a path: escapes decoded first (in the file and in the anchor, "%zz" and a lone
    /// "%FF" left as they are), "." and empty segments dropped, ".." climbing a folder, a folder's link to its index.html,
    /// the query dropped; each broken one is reported with the path it came to.</summary>
    [Fact]
    public void ResolvesEscapesDotSegmentsAndFoldersAsPaths()
    {
        string[] fine =
        [
            "c.html", "./c.html#%C3%A9", "c.html#x%20y", "d%20e.html", "../b/c.html?q=1#x%20y", "../../index.html", "../../", "./",
            ".//c.html", "#%zz", "#%FF", "c.html#", "mailto:x@example.org", "//cdn.example.org/x.js", "../",
        ];
        string[] broken = ["..", "../../..", "%2E%2E/c.html", "c.html#nope", "a//c.html", "c.html/", "%2Fc.html", "#missing"];
        var links = string.Join(" ", fine.Concat(broken).Select(href => $"<a href=\"{href}\">x</a>"));
        var diagnostics = new DiagnosticBag();
        var count = LinkChecker.Check(
        [
            Html("index.html", "<p>home</p>"),
            Html("a/index.html", "<p>a</p>"),
            Html("a/b/index.html", "<p>b</p>"),
            Html("a/b/c.html", "<h1 id=\"é\">c</h1><p id=\"x y\">c</p>"),
            Html("a/b/d e.html", "<p>d</p>"),
            Html("a/b/p.html", $"<p id=\"%zz\">p</p><p id=\"%FF\">p</p>{links}"),
        ], diagnostics);
        Assert.Equal(fine.Length + broken.Length, count);
        Assert.Equal(
        [
            "Link '..' leads to no file in the site.",
            "Link '../../..' leads to no file in the site.",
            "Link '%2E%2E/c.html' leads to no file in the site.",
            "Link 'c.html#nope' names anchor '#nope', which 'a/b/c.html' does not have.",
            "Link 'a//c.html' leads to no file in the site.",
            "Link 'c.html/' leads to no file in the site.",
            "Link '%2Fc.html' leads to no file in the site.",
            "Link '#missing' names anchor '#missing', which 'a/b/p.html' does not have.",
        ], diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void ReportsAMissingFileWithItsPosition()
    {
        var diagnostics = new DiagnosticBag();
        LinkChecker.Check([Html("index.html", "<p>\n  <a href=\"nowhere.html\">x</a></p>")], diagnostics);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.BrokenLink, error.Code);
        Assert.Equal("_site/index.html", error.Location.Path);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void ReportsAMissingAnchorAndALinkThatLeavesTheSite()
    {
        var diagnostics = new DiagnosticBag();
        LinkChecker.Check(
        [
            Html("index.html", "<a href=\"a.html#nope\">x</a> <a href=\"../outside.html\">y</a> <a href=\"/abs.html\">z</a>"),
            Html("a.html", "<p id=\"yes\">a</p>"),
        ], diagnostics);
        Assert.Equal(3, diagnostics.Count(d => d.Code == DiagnosticCodes.BrokenLink));
        Assert.Contains(diagnostics, d => d.Message.Contains("#nope", StringComparison.Ordinal));
    }

    [Fact]
    public void ABrokenLinkInATemplateFailsTheBuildAndKeepsThePreviousSite()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\n---\n\nA.\n");
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(new DiagnosticBag()).Succeeded);
        var before = File.ReadAllText(Path.Combine(dossier.Site, "index.html"));

        dossier.Write("templates/search.sbn", "<a href=\"{{ root }}missing.html\">gone</a>");
        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.BrokenLink && d.Location.Path == "_site/search.html");
        Assert.Equal(before, File.ReadAllText(Path.Combine(dossier.Site, "index.html")));
    }
}
