using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Parser;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.EndToEnd;

/// <summary>Provenance a reader can check: the seed published as captured (as plain text), its hash, the original
/// address and capture date with a web-archive lookup, the citation's access date, and the same in the downloads.</summary>
public sealed class ProvenanceTests
{
    private const string SavedPage =
        "<!doctype html><html lang=\"en\"><head><title>Talks on Ukraine</title><script>alert(1)</script></head><body>" +
        "<article><h1>Ministers hold talks on Ukraine</h1>" +
        "<p>Foreign ministers of Vietnam and Russia held talks by phone on Tuesday about the situation in Ukraine and the evacuation of citizens.</p>" +
        "<p>They agreed to keep in close contact and to support the safe return of Vietnamese citizens from the conflict zones.</p>" +
        "</article></body></html>";

    private static (TempDossier Dossier, DiagnosticBag Diagnostics) Captured()
    {
        var dossier = new TempDossier(withSeeds: false);
        dossier.Write("seeds/talks.html", SavedPage);
        dossier.Write("seeds/talks.seed.yml", "url: https://news.example.com/talks?id=1\nretrieved_at: 2022-03-16T08:30:00Z\n");
        return (dossier, Dossier.IngestAndBuild(dossier));
    }

    [Fact]
    public void ASavedPageIsPublishedAsCapturedAsPlainTextAndItsHashChecks()
    {
        var (dossier, diagnostics) = Captured();
        using var _ = dossier;
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        var seed = File.ReadAllBytes(dossier.PathOf("seeds/talks.html"));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(seed));
        // Named by its hash, always .txt: served as text/plain, never as a page.
        var published = Assert.Single(Directory.GetFiles(Path.Combine(dossier.Site, "seeds")));
        Assert.Equal($"{sha256}.txt", Path.GetFileName(published));
        Assert.Equal(seed, File.ReadAllBytes(published));

        var article = Directory.GetFiles(Path.Combine(dossier.Site, "articles"), "*.html").Single();
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(article));
        var link = doc.QuerySelector($".provenance a[href='../seeds/{sha256}.txt']")!;
        Assert.Equal("text/plain", link.GetAttribute("type"));
        var hash = doc.QuerySelector(".provenance code.hash")!.TextContent;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(published))), hash);
        Assert.Contains($"sha256sum {sha256}.txt", doc.QuerySelector(".provenance")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOriginalAndItsCaptureAreShownWithAWebArchiveLookupAndCited()
    {
        var (dossier, _) = Captured();
        using var __ = dossier;
        var article = Directory.GetFiles(Path.Combine(dossier.Site, "articles"), "*.html").Single();
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(article));
        var provenance = doc.QuerySelector(".provenance")!;
        Assert.NotNull(provenance.QuerySelector("a[href='https://news.example.com/talks?id=1']"));
        Assert.NotNull(provenance.QuerySelector("a[href='https://web.archive.org/web/*/https://news.example.com/talks?id=1']"));
        Assert.Equal("16 March 2022, 08:30 UTC", provenance.QuerySelector("time[datetime='2022-03-16T08:30:00Z']")!.TextContent);
        Assert.Contains("https://news.example.com/talks?id=1. Accessed 16 March 2022.", doc.QuerySelector(".citation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ministers hold talks on Ukraine", doc.QuerySelector("meta[name='citation_title']")!.GetAttribute("content"));
        Assert.NotNull(doc.QuerySelector("meta[name='citation_fulltext_html_url']"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dossier.Site, "data", "dossier.json")));
        var record = json.RootElement.GetProperty("articles")[0];
        Assert.Equal("https://news.example.com/talks?id=1", record.GetProperty("original_url").GetString());
        Assert.Equal("2022-03-16T08:30:00Z", record.GetProperty("retrieved_at").GetString());
        Assert.Matches("^https://.+/seeds/[0-9a-f]{64}\\.txt$", record.GetProperty("seed_url").GetString());
        Assert.Contains("Accessed 16 March 2022.", record.GetProperty("citation").GetString(), StringComparison.Ordinal);
        var csv = File.ReadAllText(Path.Combine(dossier.Site, "data", "dossier.csv"));
        Assert.Contains("original_url,retrieved_at,page", csv, StringComparison.Ordinal);
        Assert.Contains(",2022-03-16T08:30:00Z,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void APageWithoutSeedOrOriginalHasNoProvenanceBoxAndZeroRemovalsAreNotSaid()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: Hand-written\nremoved_blocks: 0\n---\n\nA note.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var page = File.ReadAllText(Path.Combine(dossier.Site, "articles", "a.html"));
        Assert.DoesNotContain("Provenance", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Removed by cleaning", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed: seeds/s.txt\nseed_sha256: 0000000000000000000000000000000000000000000000000000000000000000\n", "changed since the page was made")]
    [InlineData("seed: site.yml\nseed_sha256: 00\n", "is not a file in the seeds folder")]
    [InlineData("seed: seeds/../site.yml\nseed_sha256: 00\n", "is not a file in the seeds folder")]
    public void ASeedThatCannotBeCheckedIsNotPublished(string frontMatter, string why)
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("seeds/s.txt", "A seed.\n");
        dossier.Write("content/a.md", $"---\ntitle: A\n{frontMatter}---\n\nA.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        Assert.Contains(diagnostics, d => d.Code == "SD0505" && d.Severity == DiagnosticSeverity.Warning && d.Message.Contains(why, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(dossier.Site, "seeds")));
        Assert.DoesNotContain("the page as captured", File.ReadAllText(Path.Combine(dossier.Site, "articles", "a.html")), StringComparison.Ordinal);
    }
}
