using AngleSharp.Html.Parser;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.EndToEnd;

/// <summary>The real seeds' dates: exact where the page states one, else a period inferred from the text and shown
/// as approximate, never as a date.</summary>
public sealed class RealSeedDatesTests : IDisposable
{
    private readonly TempDossier _dossier = new();
    private readonly DiagnosticBag _diagnostics;

    public RealSeedDatesTests() => _diagnostics = Dossier.IngestAndBuild(_dossier);

    public void Dispose() => _dossier.Dispose();

    private Dictionary<string, FrontMatter> MetaBySeed() => Directory.GetFiles(_dossier.Content, "*.md")
        .Select(p => ContentPageParser.Parse(p, File.ReadAllText(p), new DiagnosticBag())!.Meta)
        .ToDictionary(m => Path.GetFileName(m.Seed!)[..3], StringComparer.Ordinal);

    [Fact]
    public void ExactDatesStayAndTheUndatedGetTheirMonth()
    {
        Assert.False(_diagnostics.HasErrors, string.Join('\n', _diagnostics));
        var meta = MetaBySeed();
        Assert.Equal(("2020-05-29", (string?)null), (meta["003"].Date, meta["003"].DateApprox));
        Assert.Equal(("2026-03-05", (string?)null), (meta["004"].Date, meta["004"].DateApprox));
        foreach (var seed in new[] { "000", "001", "002" })
        {
            Assert.Null(meta[seed].Date);
            Assert.Equal("2022-03", meta[seed].DateApprox);
        }
    }

    [Fact]
    public void TheEvidenceIsInTheAudit()
    {
        var audit = File.ReadAllText(Path.Combine(_dossier.Content, ".ingest", "removed", "000_bf9e1a07d91f4169.yml"));
        Assert.Contains("date_approx:", audit, StringComparison.Ordinal);
        Assert.Contains("three weeks since Russia launched a military campaign in Ukraine on February 24", audit, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageSaysApproximateAndTheTimelineHas2022()
    {
        var article = File.ReadAllText(Path.Combine(_dossier.Site, "articles", "russia-asked-to-open-humanitarian-corridors-for-vietnamese-people-in-ukraine.html"));
        Assert.Contains("c. March 2022 <span class=\"approx-note\">(inferred from the text)</span>", article, StringComparison.Ordinal);
        Assert.DoesNotContain("datePublished", article, StringComparison.Ordinal);
        Assert.DoesNotContain("DC.date", article, StringComparison.Ordinal);
        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_dossier.Site, "index.html")));
        Assert.Equal(["2026", "2022", "2020"], home.QuerySelectorAll(".timeline .year h3 a").Select(h => h.TextContent));
        Assert.Empty(home.QuerySelectorAll(".undated-articles"));
        // The year's archive page lists the three under March 2022, each marked approximate, with the note saying why.
        var year = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_dossier.Site, "archive", "2022.html")));
        Assert.Equal("March 2022 3 articles", year.QuerySelector("#month-2022-03")!.TextContent);
        Assert.Contains("inferred from the text", year.QuerySelector("#month-2022-03 + .note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["c. March 2022", "c. March 2022", "c. March 2022"], year.QuerySelectorAll("main .article-list .item-meta .approx").Select(a => a.TextContent));
    }

    [Fact]
    public void TheFeedCarriesOnlyExactDates()
    {
        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(_dossier.Site, "feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var updated = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "updated")!.Value[..10]).ToList();
        Assert.Equal(["2026-03-05", "2020-05-29"], updated);
        Assert.Equal("2026-03-05", feed.Root.Element(atom + "updated")!.Value[..10]);
    }
}
