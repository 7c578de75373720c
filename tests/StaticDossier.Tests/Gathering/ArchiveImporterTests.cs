using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using StaticDossier.Diagnostics;
using StaticDossier.Gathering;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

// SHA-1 because wget and most WARC writers record payload digests in it.
#pragma warning disable CA5350

namespace StaticDossier.Tests.Gathering;

/// <summary>Importing pages from WARCs written by wget (against a local server) and from hand-made edge cases.</summary>
public sealed class ArchiveImporterTests : IDisposable
{
    private const string PageA = "<!doctype html><html><head><title>Lavrov visits Hanoi</title></head><body><p>Lavrov arrived.</p></body></html>";
    private const string PageB = "<!doctype html><html><head><title>Evacuation</title></head><body><p>Citizens leave Kyiv.</p></body></html>";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "import-test-" + Guid.NewGuid().ToString("N"));

    public ArchiveImporterTests() => Directory.CreateDirectory(Path.Combine(_root, "in"));

    private string Seeds => Path.Combine(_root, "seeds");

    private (ImportReport Report, DiagnosticBag Diagnostics) Import(string archive, string? glob = null, long maxBytes = SeedReader.MaxSeedBytes)
    {
        var diagnostics = new DiagnosticBag();
        return (new ArchiveImporter(Seeds, _root, maxBytes).Import(archive, glob, diagnostics), diagnostics);
    }

    private string WriteArchive(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, "in", name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private SeedMetadata SidecarOf(string seed) => new SeedReader(_root).Read(Path.Combine(_root, seed), new DiagnosticBag())!.Sidecar!;

    private string WgetArchive(bool compress)
    {
        Wget.SkipUnlessInstalled();
        using var server = new LoopbackServer();
        server.Routes["/a.html"] = CannedResponse.Html(PageA);
        server.Routes["/old"] = CannedResponse.Redirect(301, "/b.html");
        server.Routes["/b.html"] = CannedResponse.Html(PageB);
        server.Routes["/img.png"] = CannedResponse.Bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "image/png");
        return Wget.Warc(Path.Combine(_root, "in"), "crawl", compress,
            server.Url("/a.html"), server.Url("/old"), server.Url("/img.png"), server.Url("/missing"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ImportsTheHtmlPagesOfAWarcWrittenByWget(bool compressed)
    {
        var warc = WgetArchive(compressed);
        var (report, diagnostics) = Import(warc);

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics));
        Assert.Equal(2, report.Created.Count);
        Assert.Equal(1, report.Skipped["redirects (their target is a record of its own)"]);
        Assert.Equal(1, report.Skipped["not HTML"]);
        Assert.Equal(1, report.Skipped["status 404"]);
        Assert.True(report.Skipped["request records"] >= 4);
        Assert.Equal(1, report.Skipped["warcinfo records"]);

        var seeds = report.Created.Select(p => (Path: p, Meta: SidecarOf(p))).ToList();
        var b = Assert.Single(seeds, s => s.Meta.Url!.EndsWith("/b.html", StringComparison.Ordinal));
        Assert.Equal(Encoding.UTF8.GetBytes(PageB), File.ReadAllBytes(Path.Combine(_root, b.Path)));
        Assert.Equal(200, b.Meta.HttpStatus);
        Assert.Equal("text/html; charset=utf-8", b.Meta.ContentType);
        Assert.Equal(Path.GetFileName(warc), b.Meta.ArchiveFile);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(warc))), b.Meta.ArchiveSha256);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", b.Meta.RetrievedAt!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PageB))), b.Meta.Sha256);

        // The record named is the one in the WARC that holds this page.
        var text = Decompressed(warc);
        var at = text.IndexOf($"WARC-Record-ID: <{b.Meta.ArchiveRecord}>", StringComparison.Ordinal);
        Assert.True(at > 0, "record id not in the WARC");
        var recordHead = text[text.LastIndexOf("WARC/1.", at, StringComparison.Ordinal)..text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal)];
        Assert.Contains("WARC-Type: response", recordHead, StringComparison.Ordinal);
        Assert.Contains("/b.html", recordHead, StringComparison.Ordinal);
        Assert.Contains("WARC-Payload-Digest: sha1:", recordHead, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportingAgainFindsEveryPageUnchanged()
    {
        var warc = WgetArchive(compress: true);
        Import(warc);
        var files = Directory.GetFiles(Seeds).Length;
        var (again, diagnostics) = Import(warc);
        Assert.Empty(again.Created);
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(files, Directory.GetFiles(Seeds).Length);
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.CaptureUnchanged));
    }

    [Fact]
    public void ReadsTheWarcsInsideAWacz()
    {
        var warc = WgetArchive(compress: true);
        var wacz = Path.Combine(_root, "in", "collection.wacz");
        using (var zip = ZipFile.Open(wacz, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(warc, "archive/data.warc.gz", CompressionLevel.NoCompression);
            using var writer = new StreamWriter(zip.CreateEntry("datapackage.json").Open());
            writer.Write("{\"profile\": \"data-package\", \"wacz_version\": \"1.1.1\"}");
        }

        var (report, diagnostics) = Import(wacz);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics));
        Assert.Equal(2, report.Created.Count);
        var meta = SidecarOf(report.Created[0]);
        Assert.Equal("collection.wacz#archive/data.warc.gz", meta.ArchiveFile);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(wacz))), meta.ArchiveSha256);
    }

    [Fact]
    public void AWaczWithoutWarcsIsAnError()
    {
        var wacz = Path.Combine(_root, "in", "empty.wacz");
        using (var zip = ZipFile.Open(wacz, ZipArchiveMode.Create))
        {
            zip.CreateEntry("datapackage.json");
        }

        var (_, diagnostics) = Import(wacz);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ArchiveUnreadable && d.Message.Contains("archive/*.warc.gz", StringComparison.Ordinal));
    }

    [Fact]
    public void AWrongPayloadDigestIsReportedAndNotImported()
    {
        var warc = WriteArchive("bad.warc.gz", HandMadeWarc.Gzip(
            HandMadeWarc.Response("http://a.example/1", PageA, digest: "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            HandMadeWarc.Response("http://a.example/2", PageB)));
        var (report, diagnostics) = Import(warc);
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.ArchiveDigestMismatch);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(1, error.Location.Line);
        Assert.EndsWith("bad.warc.gz", error.Location.Path, StringComparison.Ordinal);
        Assert.Single(report.Created);
        Assert.Equal("http://a.example/2", SidecarOf(report.Created[0]).Url);
    }

    [Fact]
    public void DigestsInHexAndOverChunkedPayloadsAreAccepted()
    {
        var chunked = "19\r\n<html><p>chunked page</p>\r\n8\r\n</html>\n\r\n0\r\n\r\n";
        var raw = Encoding.UTF8.GetBytes(chunked);
        var warc = WriteArchive("ok.warc", HandMadeWarc.Plain(
            HandMadeWarc.Response("http://a.example/hex", PageA, digest: "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PageA)))),
            HandMadeWarc.Response("http://a.example/chunked", chunked, httpExtra: "Transfer-Encoding: chunked\r\n",
                digest: "sha1:" + HandMadeWarc.Base32(SHA1.HashData(raw)))));
        var (report, diagnostics) = Import(warc);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics));
        Assert.Equal(2, report.Created.Count);
        var page = File.ReadAllText(Path.Combine(_root, report.Created[1]));
        Assert.Equal("<html><p>chunked page</p></html>\n", page);
    }

    [Fact]
    public void RevisitsNonHtmlAndDuplicatesAreSkippedWithTheirReason()
    {
        var warc = WriteArchive("mixed.warc.gz", HandMadeWarc.Gzip(
            HandMadeWarc.Record("warcinfo", null, "software: hand\r\n"u8.ToArray(), contentType: "application/warc-fields"),
            HandMadeWarc.Response("http://a.example/1", PageA),
            HandMadeWarc.Response("http://a.example/1-again", PageA),
            HandMadeWarc.Response("http://a.example/1", PageA, type: "revisit"),
            HandMadeWarc.Response("http://a.example/data.json", "{\"a\":1}", contentType: "application/json"),
            HandMadeWarc.Response("http://a.example/gone", "<html>gone</html>", status: 410),
            HandMadeWarc.Record("metadata", "http://a.example/1", "outlinks: x\r\n"u8.ToArray(), contentType: "application/warc-fields")));
        var (report, diagnostics) = Import(warc);
        Assert.Single(report.Created);
        Assert.Equal(7, report.Records);
        Assert.Equal(1, report.Skipped["duplicates"]);
        Assert.Equal(1, report.Skipped["revisit records"]);
        Assert.Equal(1, report.Skipped["not HTML"]);
        Assert.Equal(1, report.Skipped["status 410"]);
        Assert.Equal(1, report.Skipped["warcinfo records"]);
        Assert.Equal(1, report.Skipped["metadata records"]);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ArchiveRecordSkipped && d.Message.Contains("revisit", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ArchiveRecordSkipped && d.Message.Contains("repeats a page", StringComparison.Ordinal));
        Assert.Contains("1 duplicates", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordOverTheCapIsSkippedAndTheRestImported()
    {
        var warc = WriteArchive("big.warc.gz", HandMadeWarc.Gzip(
            HandMadeWarc.Response("http://a.example/big", "<html>" + new string('x', 200_000) + "</html>"),
            HandMadeWarc.Response("http://a.example/small", PageA)));
        var (report, diagnostics) = Import(warc, maxBytes: 100_000);
        Assert.Single(report.Created);
        Assert.Equal(1, report.Skipped["too large"]);
        var warning = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("over the cap of 100,000", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, warning.Location.Line);
    }

    [Fact]
    public void ATruncatedMemberIsAPositionedErrorAfterTheRecordsBeforeIt()
    {
        var whole = HandMadeWarc.Gzip(HandMadeWarc.Response("http://a.example/1", PageA), HandMadeWarc.Response("http://a.example/2", PageB));
        var warc = WriteArchive("cut.warc.gz", whole[..^30]);
        var (report, diagnostics) = Import(warc);
        Assert.Single(report.Created);
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.ArchiveUnreadable);
        Assert.True(error.Location.Line > 1, error.ToString());
        Assert.Contains("the record before it was read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUrlGlobChoosesPages()
    {
        var warc = WriteArchive("two.warc", HandMadeWarc.Plain(
            HandMadeWarc.Response("https://vnexpress.net/the-gioi/1", PageA),
            HandMadeWarc.Response("https://example.org/other", PageB)));
        var (report, _) = Import(warc, glob: "https://vnexpress.net/*");
        Assert.Equal("https://vnexpress.net/the-gioi/1", SidecarOf(Assert.Single(report.Created)).Url);
        Assert.Equal(1, report.Skipped["outside --url-glob"]);
    }

    [Fact]
    public void HostileRecordsWriteNothingOutsideSeeds()
    {
        var warc = WriteArchive("hostile.warc", HandMadeWarc.Plain(
            HandMadeWarc.Response("http://a.example/../../../../tmp/evil", PageA),
            HandMadeWarc.Response("file:///etc/passwd", PageB),
            HandMadeWarc.Response("http://a.example/" + new string('%', 3) + "2e%2e/%2e%2e/x\u0007", PageB + " "),
            HandMadeWarc.Response("http://a.example/long/" + new string('a', 5000), PageB + "  "),
            HandMadeWarc.Response("http://a.example/date", PageB + "   ", date: "yesterday"),
            HandMadeWarc.Record("response", "http://a.example/nohttp", "garbage without headers"u8.ToArray()),
            HandMadeWarc.Record("response", "http://a.example/gz", [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"u8, 1, 2, 3])));
        var (report, diagnostics) = Import(warc);
        Assert.NotEmpty(report.Created);
        var outside = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("seeds/", StringComparison.Ordinal) && !f.StartsWith("in/", StringComparison.Ordinal));
        Assert.Empty(outside);
        Assert.All(Directory.GetFiles(Seeds), f => Assert.Matches(@"^[a-z0-9-]+_[0-9a-f]{8}(-\d+)?\.(html|seed\.yml)$", Path.GetFileName(f)));
        Assert.Contains(diagnostics, d => d.Message.Contains("no http(s) WARC-Target-URI", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("no valid WARC-Date", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("is not an HTTP status line", StringComparison.Ordinal) || d.Message.Contains("never end", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("cannot be decompressed", StringComparison.Ordinal));
        // Every sidecar reads back cleanly.
        foreach (var seed in report.Created)
        {
            var read = new DiagnosticBag();
            Assert.NotNull(new SeedReader(_root).Read(Path.Combine(_root, seed), read)?.Sidecar);
            Assert.False(read.HasErrors, string.Join("\n", read));
        }
    }

    [Fact]
    public void NotAnArchiveIsAPositionedError()
    {
        var (report, diagnostics) = Import(WriteArchive("page.warc", "<html>hello</html>\n"u8.ToArray()));
        Assert.Empty(report.Created);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ArchiveUnreadable, error.Code);
        Assert.Equal(1, error.Location.Line);
    }

    private static string Decompressed(string warc)
    {
        using var file = File.OpenRead(warc);
        using Stream stream = warc.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
