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

    private static CleanedDocument CleanGolden(string folder) =>
        new SeedCleaner().CleanAll([new SeedDocument("seeds/page.html", SeedKind.Html,
            File.ReadAllText(Path.Combine(CleaningGolden.Folder, folder, "input.html")), "0")], new DiagnosticBag())[0];

    [Fact]
    public void ANearEmptyArticleKeepsWhatItsCutsDropped()
    {
        // The main run took the author's note (158 characters) and dropped the recipe (398): weak evidence.
        var cleaned = CleanGolden("180-fallback");

        Assert.Contains("900 ml whole milk", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains("Rest the batter for ten minutes.", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Recipes", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Notes, n => n.StartsWith("fallback: the article kept 158 characters, under 0.6 of the 398", StringComparison.Ordinal));
    }

    [Fact]
    public void ANearEmptyShareOfZeroLeavesTheCutAlone()
    {
        var page = File.ReadAllText(Path.Combine(CleaningGolden.Folder, "180-fallback", "input.html"));
        var options = CleaningOptions.Default with { Thresholds = CleaningThresholds.Default with { NearEmptyShare = 0 } };
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        var cleaned = ArticleCleaner.Clean(new SeedDocument("seeds/page.html", SeedKind.Html, page, "0"), document, BlockReader.Read(document), options);

        Assert.DoesNotContain("900 ml whole milk", cleaned.MarkdownBody, StringComparison.Ordinal);

        Assert.DoesNotContain(cleaned.Notes, n => n.StartsWith("fallback:", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenNothingWasCutForItsShapeTheProseUnderFurnitureNamesIsKept()
    {
        // Every block sits under a furniture-like name ("header", "date", "sidebar", "footer"), none holding half
        // the prose: the post's own paragraphs beat an empty article.
        var cleaned = CleanGolden("181-fallback");

        Assert.Contains("I was walking in the orchard at dawn", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Posted by John", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Notes, n => n.EndsWith("none was, so the prose dropped for its markup is kept", StringComparison.Ordinal));
    }
}
