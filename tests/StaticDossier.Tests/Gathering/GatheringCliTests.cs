using System.IO.Compression;
using System.Text;
using System.Text.Json;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Gathering;

/// <summary>The real <c>dossier capture</c> and <c>dossier import</c>, through ingest, build and snapshot: provenance
/// carried from the fetch or the archive record to the article page and the snapshot's provenance record.</summary>
public sealed class GatheringCliTests
{
    private const string Article = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lavrov arrives in Hanoi for talks</title></head>
        <body><article><h1>Lavrov arrives in Hanoi for talks</h1>
        <p>Russian Foreign Minister Sergey Lavrov arrived in Hanoi on Tuesday for talks with his Vietnamese counterpart on trade and energy.</p>
        <p>The two ministers discussed the situation in Ukraine and the evacuation of Vietnamese citizens, officials said after the meeting.</p>
        <p>Both sides agreed to meet again next year in Moscow, according to a joint statement released in the evening.</p>
        </article></body></html>
        """;

    private static string ContentPageFor(TempDossier dossier) =>
        File.ReadAllText(Assert.Single(Directory.GetFiles(dossier.Content, "*.md")));

    [Fact]
    public void CaptureSavesIngestsAndTheArticleShowsWhenItWasCaptured()
    {
        using var server = new LoopbackServer();
        server.Routes["/news/lavrov"] = CannedResponse.Html(Article);
        using var dossier = new TempDossier(withSeeds: false);

        var (code, stdout, stderr) = DossierProcess.Run(dossier.Root, "capture", server.Url("/news/lavrov"));
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"capture: [1/1] {server.Url("/news/lavrov")}: saved as seeds/127-0-0-1-news-lavrov_", stdout, StringComparison.Ordinal);
        Assert.Contains("ingest: 1 created", stdout, StringComparison.Ordinal);
        var page = ContentPageFor(dossier);
        Assert.Matches(@"retrieved_at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", page);
        Assert.Contains($"url: {server.Url("/news/lavrov")}", page, StringComparison.Ordinal);

        Assert.Equal(0, DossierProcess.Run(dossier.Root, "build").Code);
        var html = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(dossier.Site, "articles"), "*.html")));
        Assert.Matches(@"<dt>Captured</dt><dd><time datetime=""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"">\d{1,2} \w+ \d{4}, \d\d:\d\d UTC</time></dd>", html);
    }

    [Fact]
    public void CaptureReportsEachFailureAndExitsWithOne()
    {
        using var server = new LoopbackServer();
        server.Routes["/good"] = CannedResponse.Html(Article);
        server.Routes["/image"] = CannedResponse.Bytes([1, 2, 3], "image/png");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("urls.txt", $"# to capture\n{server.Url("/image")}\n\n{server.Url("/good")}\n");

        var (code, stdout, stderr) = DossierProcess.Run(dossier.Root, "capture", "--from", "urls.txt", "--no-ingest");
        Assert.Equal(1, code);
        Assert.Contains("capture: [1/2]", stdout, StringComparison.Ordinal);
        Assert.Contains("capture: 1 saved, 0 unchanged, 1 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("urls.txt(2,1): error SD0231: Cannot capture", stderr, StringComparison.Ordinal);
        Assert.Contains("not an HTML page", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dossier.Content));
        Assert.Equal(2, Directory.GetFiles(dossier.PathOf("seeds")).Length);
    }

    [Fact]
    public void ImportCarriesTheArchiveRecordToThePageAndTheSnapshot()
    {
        Wget.SkipUnlessInstalled();
        using var dossier = new TempDossier(withSeeds: false);
        string warc;
        using (var server = new LoopbackServer())
        {
            server.Routes["/news/lavrov"] = CannedResponse.Html(Article);
            warc = Wget.Warc(dossier.Root, "crawl", compress: true, server.Url("/news/lavrov"));
        }

        var (code, stdout, stderr) = DossierProcess.Run(dossier.Root, "import", "crawl.warc.gz");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("import: crawl.warc.gz: ", stdout, StringComparison.Ordinal);
        Assert.Contains("1 seeds created", stdout, StringComparison.Ordinal);
        var page = ContentPageFor(dossier);
        Assert.Contains("archive_file: crawl.warc.gz", page, StringComparison.Ordinal);
        var record = page.Split('\n').Single(l => l.StartsWith("archive_record: ", StringComparison.Ordinal))["archive_record: ".Length..];
        Assert.StartsWith("urn:uuid:", record, StringComparison.Ordinal);

        Assert.Equal(0, DossierProcess.Run(dossier.Root, "build").Code);
        var html = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(dossier.Site, "articles"), "*.html")));
        Assert.Contains($"<dt>Archive record</dt><dd><code>{record}</code> in <code>crawl.warc.gz</code></dd>", html, StringComparison.Ordinal);

        Assert.Equal(0, DossierProcess.Run(dossier.Root, "snapshot", "--out", "bag.zip").Code);
        using var zip = ZipFile.OpenRead(dossier.PathOf("bag.zip"));
        var provenance = zip.Entries.Single(e => e.FullName.Contains("/data/provenance/", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(provenance.Open());
        var capture = json.RootElement.GetProperty("seed").GetProperty("capture");
        Assert.Equal(200, capture.GetProperty("http_status").GetInt32());
        var archive = capture.GetProperty("archive");
        Assert.Equal(record, archive.GetProperty("record_id").GetString());
        Assert.Equal("crawl.warc.gz", archive.GetProperty("file").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(warc))), archive.GetProperty("sha256").GetString());
        Assert.Matches(@"^\d{4}-", json.RootElement.GetProperty("seed").GetProperty("retrieved_at").GetString()!);
        // The bag keeps the WARC's identity, not the WARC: no archive file is packed.
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".warc.gz", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".seed.yml", StringComparison.Ordinal)
                                          && new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd().Contains(record, StringComparison.Ordinal));
    }

    [Fact]
    public void ImportOfAMissingFileFails()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var (code, _, stderr) = DossierProcess.Run(dossier.Root, "import", "nothing.warc.gz");
        Assert.Equal(1, code);
        Assert.Contains("nothing.warc.gz: error SD0233: No such archive file.", stderr, StringComparison.Ordinal);
    }
}
