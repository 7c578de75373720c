using System.Text;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;
using StaticDossier.Tests.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Publishing;

/// <summary>The C# template writers note each page's links and ids as they write it (<see cref="WrittenLinks"/>), and
/// staging reads those notes, scanning only the HTML copied in (bodies), instead of scanning the whole page: what the
/// link check is given must be what a scan of the same bytes finds, and a build must report what a scan would.</summary>
public sealed class WrittenLinksTests
{
    [Theory]
    [MemberData(nameof(DefaultLayoutTests.Sites), MemberType = typeof(DefaultLayoutTests))]
    public void NotedLinksAreWhatAScanOfThePageFinds(string language, string author)
    {
        using var dossier = DefaultLayoutTests.Dossier(language, author);
        WriteLinkingArticles(dossier);
        var files = Render(dossier);
        var noted = files.Where(f => f.Links is not null).ToList();

        // The pages the C# writers write: most articles (those whose related list holds a summary with a line break are
        // left to Scriban), term and archive pages.
        Assert.True(noted.Count(f => f.OutputPath.StartsWith("articles/", StringComparison.Ordinal)) >= 95);
        Assert.Contains(noted, f => f.OutputPath == "people/many-o-tags/page/2.html");
        Assert.Contains(noted, f => f.OutputPath == "archive/2021.html");
        Assert.Contains(noted, f => f.OutputPath == "archive/undated/page/2.html");
        Assert.Contains(noted, f => f.OutputPath == "articles/linking.html");
        using var site = new SiteLinks();
        foreach (var file in noted)
        {
            var scan = HtmlLinkScanner.Scan(file.Bytes);
            var fromNotes = site.Written(file.Bytes, file.Links!);
            Assert.NotNull(fromNotes);
            Assert.Equal(scan.Links, fromNotes.Links);
            Assert.True(scan.Ids.SetEquals(fromNotes.Ids), $"{file.OutputPath}: ids {string.Join(' ', fromNotes.Ids)}");
        }
    }

    [Fact]
    public void ABuildReportsTheBrokenLinksAScanOfEveryPageReports()
    {
        using var dossier = DefaultLayoutTests.Dossier("en", "Test curators");
        WriteLinkingArticles(dossier);
        var scanned = new DiagnosticBag();
        var files = Render(dossier);
        Assert.NotNull(files.Single(f => f.OutputPath == "articles/linking.html").Links);
        LinkChecker.Check(files, scanned);

        var built = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(built).Succeeded);
        var broken = built.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.ToString()).ToList();
        Assert.Equal(scanned.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.ToString()), broken);
        // The missing files and anchors, and nothing else: the ids the layout and the article template write (#main on
        // every page, #article-title, #cite-heading) and a body's heading ids resolve.
        Assert.Equal(4, broken.Count);
        Assert.Contains(broken, d => d.Contains("_site/articles/linking.html(", StringComparison.Ordinal) && d.Contains("'missing.html'", StringComparison.Ordinal));
        Assert.Contains(broken, d => d.Contains("'a01.html#nope'", StringComparison.Ordinal));
        Assert.Contains(broken, d => d.Contains("'#body-nothing'", StringComparison.Ordinal));
        Assert.Contains(broken, d => d.Contains("'../tags/nowhere.html'", StringComparison.Ordinal));
    }

    /// <summary>A part of a page (a body) scanned apart from it finds what a scan of the page finds there, unless the part
    /// says it might not: one that ends inside a tag, a comment or a script, or on a '&lt;' that what follows could finish.</summary>
    [Fact]
    public void APartIsTrustedOnlyWhenWhatFollowsCannotChangeIt()
    {
        string[] pieces =
        [
            "<a href=\"a.html\">", "</a>", "<p id=\"q\">", "</p>", "<!--", "-->", "<script>", "</script>", "<style>", "</STYLE>", "<",
            "<!-", "<a", " href=b.html", "\"", "'", ">", "text ", "&amp;", "<img src='i.png'>", "<title>", "</title>", "\n",
        ];
        string[] after = ["-->", "a href=\"s.html\">", ">", "</script>", "</style>", "\" id=\"z\">", "-- <a href=\"t.html\">", "<a href=\"u.html\">"];
        var random = new Random(17);
        var trusted = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var part = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => pieces[random.Next(pieces.Length)]));
            const string Before = "<div id=\"d\"><a href=\"before.html\">b</a>";
            var page = Before + part + after[random.Next(after.Length)] + "</div><a href=\"end.html\">e</a>";
            var bytes = Encoding.UTF8.GetBytes(page);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var links = new List<(string Href, int Offset)>();
            if (!HtmlLinkScanner.ScanPart(Encoding.UTF8.GetBytes(part), Before.Length, null, ids, links))
            {
                continue;
            }

            trusted++;
            var whole = HtmlLinkScanner.Scan(bytes);
            var inPart = whole.Links.Where(l => l.Offset >= Before.Length && l.Offset < Before.Length + part.Length).ToList();
            Assert.True(links.SequenceEqual(inPart), $"part {part} in page {page}");
            var partIds = HtmlLinkScanner.Scan(Encoding.UTF8.GetBytes(part)).Ids;
            Assert.True(partIds.SetEquals(ids), part);
            Assert.True(whole.Ids.IsSupersetOf(ids), part);
            // What follows the part is read as it would be after any other settled part.
            Assert.Contains(whole.Links, l => l.Href == "end.html");
        }

        Assert.InRange(trusted, 2_000, 18_000); // both kinds met often
    }

    /// <summary>An article whose body links to files, to anchors the article template writes, to its own heading (a
    /// body's anchors are prefixed, as its ids are) and to the web, some of them missing.</summary>
    private static void WriteLinkingArticles(TempDossier dossier)
    {
        dossier.Write("content/linking.md", """
            ---
            title: "Linking & <linked>"
            date: 2022-02-02
            language: en
            tags: [Diplomacy]
            ---

            See [gone](missing.html), [an anchor](a01.html#nope), [a title](a01.html#article-title), [the cite](a02.html#cite-heading),
            [nothing](#nothing), [a tag](../tags/nowhere.html), [the tag](../tags/diplomacy.html), [its heading](#a-heading-here)
            and [the web](https://example.org/?a=1&b=2).

            ## A heading here

            <!-- a comment in the body -->
            Text with a < sign and a <b>tag</b>.
            """);
    }

    private static IReadOnlyList<OutputFile> Render(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var files = new SiteBuilder(Dossier.Config(dossier)).RenderUnchecked(diagnostics);
        Assert.NotNull(files);
        return files;
    }
}
