using StaticDossier.Cleaning;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Tests.Cleaning;

public sealed class EmptyArticleFallbackTests
{
    private const string ResultsPage = """
        <html><head><title>Election results</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Election results</h1>
        <ul><li>Hà Nội: 52%</li><li>Huế: 48%</li><li>Đà Nẵng: 61%</li><li>Cần Thơ: 55%</li></ul>
        </article></body></html>
        """;

    [Fact]
    public void KeepsShortLinesWhenNothingElseIsLeft()
    {
        var seed = new SeedDocument("seeds/results.html", SeedKind.Html, ResultsPage, "0");
        var cleaned = new SeedCleaner().CleanAll([seed], new DiagnosticBag())[0];

        Assert.Contains("Huế: 48%", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Decisions, d => d.Kept && d.Rule == "empty-fallback");
        Assert.DoesNotContain("News", cleaned.MarkdownBody, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesAnArticleWithProseAlone()
    {
        var page = ResultsPage.Replace("<ul>", "<p>Voters in four cities went to the polls on Sunday, and the count was finished late in the evening after a long day.</p><ul>", StringComparison.Ordinal);
        var cleaned = new SeedCleaner().CleanAll([new SeedDocument("seeds/results.html", SeedKind.Html, page, "0")], new DiagnosticBag())[0];

        Assert.DoesNotContain(cleaned.Decisions, d => d.Rule == "empty-fallback");
        Assert.Contains("Voters in four cities", cleaned.MarkdownBody, StringComparison.Ordinal);
    }
}
