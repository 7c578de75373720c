using System.Text;
using StaticDossier.Building;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Publishing;

/// <summary>serve's link check judges again only the pages whose verdicts may have moved, and reports exactly what a
/// full check of the same site reports, after every step of random edits: pages changed, saved again unchanged, added
/// and removed, anchors gained and lost, other files coming and going.</summary>
public sealed class CheckedLinksTests
{
    private static readonly string[] Folders = ["", "p/", "q/"];
    private static readonly string[] Ids = ["x", "y", "z"];

    [Fact]
    public void RandomEditsReportWhatAFullCheckReports()
    {
        var random = new Random(31);
        var site = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < 24; i++)
        {
            site[PagePath(random)] = Page(random);
        }

        site["data/f.json"] = [1];
        var checkedLinks = new CheckedLinks();
        var broken = 0;
        var judgedLess = 0;
        for (var step = 0; step < 300; step++)
        {
            var edit = step == 0 ? "none" : Edit(random, site);
            var files = site.Select(f => new OutputFile(f.Key, f.Value)).ToList();
            var incremental = new DiagnosticBag();
            var full = new DiagnosticBag();
            var count = checkedLinks.Check(files, incremental);
            Assert.Equal(LinkChecker.Check(files, full), count);
            Assert.True(full.Select(d => d.ToString()).SequenceEqual(incremental.Select(d => d.ToString())),
                $"step {step} ({edit}):\nfull:\n{string.Join('\n', full)}\nincremental:\n{string.Join('\n', incremental)}");
            broken += full.Count;
            judgedLess += checkedLinks.PagesJudged < files.Count(f => f.IsHtml) ? 1 : 0;
            if (step > 0 && edit == "none")
            {
                Assert.Equal(0, checkedLinks.PagesJudged);
            }
        }

        // The sequence did reach both kinds of verdict, and most checks judged only part of the site.
        Assert.True(broken > 100, $"{broken} broken links seen");
        Assert.True(judgedLess > 250, $"{judgedLess} checks judged part of the site");
    }

    /// <summary>The pages serve keeps are not judged again unless a file they link to comes or goes, or an anchor they
    /// name appears or vanishes.</summary>
    [Fact]
    public void JudgesAgainOnlyPagesWhoseTargetsMoved()
    {
        var a = Html("<a href=\"b.html#x\">b</a>");
        var b = Html("<h2 id=\"x\">B</h2>");
        var c = Html("<a href=\"d.html\">d</a>");
        var e = Html("<a href=\"b.html\">b</a>");
        var checkedLinks = new CheckedLinks();
        var diagnostics = new DiagnosticBag();
        checkedLinks.Check([new("a.html", a), new("b.html", b), new("c.html", c), new("e.html", e)], diagnostics);
        Assert.Equal("Link 'd.html' leads to no file in the site.", Assert.Single(diagnostics).Message);
        Assert.Equal(4, checkedLinks.PagesJudged);

        // b loses its anchor: a (which names it) is judged again, e (which links to b alone) and c are not.
        diagnostics = new DiagnosticBag();
        checkedLinks.Check([new("a.html", a), new("b.html", Html("<h2>B</h2>")), new("c.html", c), new("e.html", e)], diagnostics);
        Assert.Equal(["_site/a.html", "_site/c.html"], diagnostics.Select(d => d.Location.Path));
        Assert.Equal(2, checkedLinks.PagesJudged);

        // d comes: c's link now resolves.
        diagnostics = new DiagnosticBag();
        var b2 = Html("<h2 id=\"x\">B</h2>");
        checkedLinks.Check([new("a.html", a), new("b.html", b2), new("c.html", c), new("d.html", Html("D")), new("e.html", e)], diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(4, checkedLinks.PagesJudged); // a (its anchor is back), b, c, d; not e
    }

    /// <summary>In serve's builds, a broken link an edit brings in is reported, and one an edit mends (the page that had
    /// it, or the page it leads to coming back) is no longer: each build reports what a full build reports.</summary>
    [Fact]
    public void ServeReportsTheLinksAnEditBreaksAndNotThoseItMends()
    {
        using var dossier = new TempDossier(withSeeds: false);
        string Article(string title, string body) => $"---\ntitle: \"{title}\"\ndate: 2024-01-0{title[^1]}\n---\n\n{body}\n";
        dossier.Write("content/a1.md", Article("One 1", "See [two](a2.html)."));
        dossier.Write("content/a2.md", Article("Two 2", "Plain."));
        dossier.Write("content/a3.md", Article("Three 3", "See [two](a2.html) again."));
        var live = new LiveBuild();
        var steps = new (string Edit, Action Apply, string[] Broken)[]
        {
            ("first build", () => { }, []),
            ("a1 links nowhere", () => dossier.Write("content/a1.md", Article("One 1", "See [gone](gone.html).")), ["_site/articles/a1.html"]),
            ("a1 mended", () => dossier.Write("content/a1.md", Article("One 1", "See [three](a3.html).")), []),
            ("a2 deleted", () => File.Delete(dossier.PathOf("content/a2.md")), ["_site/articles/a3.html"]),
            ("a2 back", () => dossier.Write("content/a2.md", Article("Two 2", "Plain.")), []),
        };
        foreach (var (edit, apply, broken) in steps)
        {
            apply();
            var config = Dossier.Config(dossier);
            var served = new DiagnosticBag();
            var summary = new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(served);
            var full = new DiagnosticBag();
            new SiteBuilder(config with { OutputDir = "_full" }).Build(full);
            var links = served.Where(d => d.Code == DiagnosticCodes.BrokenLink).ToList();
            Assert.Equal(broken, links.Select(d => d.Location.Path));
            Assert.Equal(broken.Length == 0, summary.Succeeded);
            Assert.Equal(full.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.ToString().Replace("_full", "_site", StringComparison.Ordinal)), links.Select(d => d.ToString()));
        }
    }

    private static string Edit(Random random, SortedDictionary<string, byte[]> site)
    {
        var pages = site.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var page = pages[random.Next(pages.Count)];
        switch (random.Next(8))
        {
            case 0:
                site[page] = Page(random);
                return "changed " + page;
            case 1:
                site[page] = [.. site[page]];
                return "saved again " + page;
            case 2:
                var added = PagePath(random);
                site[added] = Page(random);
                return "added " + added;
            case 3 when pages.Count > 4:
                site.Remove(page);
                return "removed " + page;
            case 4:
                // Its links as they were, its anchors drawn again.
                var text = Encoding.UTF8.GetString(site[page]);
                site[page] = Encoding.UTF8.GetBytes(string.Concat(Ids.Select(id => text.Contains($"id=\"{id}\"", StringComparison.Ordinal) == (random.Next(3) == 0) ? string.Empty : $"<span id=\"{id}\"></span>"))
                    + text[text.IndexOf("<a ", StringComparison.Ordinal)..]);
                return "anchors of " + page;
            case 5:
                if (!site.Remove("data/f.json"))
                {
                    site["data/f.json"] = [1];
                }

                return "data file";
            case 6:
                return "none";
            default:
                site[page] = [.. site[page], (byte)' '];
                return "space in " + page;
        }
    }

    private static string PagePath(Random random) => Folders[random.Next(Folders.Length)] + $"{random.Next(30):00}.html";

    /// <summary>A page with some anchors and links to pages that may or may not be there, some with an anchor, some to
    /// itself, some climbing out of its folder, some to the data file.</summary>
    private static byte[] Page(Random random)
    {
        var text = new StringBuilder();
        foreach (var id in Ids.Where(_ => random.Next(2) == 0))
        {
            text.Append("<span id=\"").Append(id).Append("\"></span>");
        }

        for (var i = 0; i < 6; i++)
        {
            var target = random.Next(6) switch
            {
                0 => $"#{Ids[random.Next(Ids.Length)]}",
                1 => "../data/f.json",
                2 => "https://example.org/",
                _ => (random.Next(2) == 0 ? "../" : string.Empty) + PagePath(random),
            };
            if (random.Next(3) == 0 && !target.StartsWith('#') && target.EndsWith(".html", StringComparison.Ordinal))
            {
                target += "#" + Ids[random.Next(Ids.Length)];
            }

            text.Append("<a href=\"").Append(target).Append("\">").Append(i).Append("</a>\n");
        }

        return Html(text.ToString());
    }

    private static byte[] Html(string body) => Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><body>\n{body}\n</body></html>");
}
