using System.Security.Cryptography;
using System.Text;
using StaticDossier.Diagnostics;
using StaticDossier.Gathering;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Gathering;

/// <summary>Capturing pages from a local HTTP server (127.0.0.1 only): what is saved, what is refused, and why.</summary>
public sealed class PageCapturerTests : IDisposable
{
    private const string Article = "<!doctype html><html><head><title>Lavrov visits Hanoi</title></head><body><article><h1>Lavrov visits Hanoi</h1><p>Text.</p></article></body></html>";

    private readonly LoopbackServer _server = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "capture-test-" + Guid.NewGuid().ToString("N"));

    private string Seeds => Path.Combine(_root, "seeds");

    private (IReadOnlyList<CaptureOutcome> Outcomes, DiagnosticBag Diagnostics) Capture(CaptureOptions? options = null, params string[] paths)
    {
        var diagnostics = new DiagnosticBag();
        var capturer = new PageCapturer(options ?? new CaptureOptions(), Seeds, _root);
        var requests = paths.Select(p => new CaptureRequest(p.StartsWith('/') ? _server.Url(p) : p, SourceLocation.None)).ToList();
        return (capturer.CaptureAsync(requests, diagnostics, TestContext.Current.CancellationToken).GetAwaiter().GetResult(), diagnostics);
    }

    private SeedDocument ReadSeed(string relative, DiagnosticBag? diagnostics = null) =>
        new SeedReader(_root).Read(Path.Combine(_root, relative), diagnostics ?? new DiagnosticBag())!;

    [Fact]
    public void SavesTheBytesAsReceivedWithTheirProvenance()
    {
        _server.Routes["/news/1"] = CannedResponse.Html(Article);
        var (outcomes, diagnostics) = Capture(null, "/news/1");

        var outcome = Assert.Single(outcomes);
        Assert.Null(outcome.Failure);
        Assert.True(outcome.Created);
        Assert.StartsWith("seeds/127-0-0-1-news-1_", outcome.Seed, StringComparison.Ordinal);
        Assert.Empty(diagnostics);
        var bytes = File.ReadAllBytes(Path.Combine(_root, outcome.Seed!));
        Assert.Equal(Encoding.UTF8.GetBytes(Article), bytes);

        var seed = ReadSeed(outcome.Seed!);
        var sidecar = seed.Sidecar!;
        Assert.Equal(_server.Url("/news/1"), sidecar.Url);
        Assert.Equal(_server.Url("/news/1"), sidecar.FinalUrl);
        Assert.Null(sidecar.Redirects);
        Assert.Equal(200, sidecar.HttpStatus);
        Assert.Equal("text/html; charset=utf-8", sidecar.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sidecar.Sha256);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", sidecar.RetrievedAt!);
        // robots.txt was asked first, with a User-Agent that says who is fetching.
        Assert.Equal(["/robots.txt", "/news/1"], _server.Requests.Select(r => r.Path));
        Assert.All(_server.Requests, r => Assert.StartsWith("StaticDossier/", r.UserAgent, StringComparison.Ordinal));
        Assert.Contains("news dossier capture", _server.Requests[1].UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public void FollowsRedirectsAndRecordsEachHop()
    {
        _server.Routes["/old"] = CannedResponse.Redirect(301, "/moved");
        _server.Routes["/moved"] = CannedResponse.Redirect(302, _server.Url("/final?id=7"));
        _server.Routes["/final?id=7"] = CannedResponse.Html(Article);
        var (outcomes, _) = Capture(null, "/old");

        var outcome = Assert.Single(outcomes);
        Assert.Null(outcome.Failure);
        var sidecar = ReadSeed(outcome.Seed!).Sidecar!;
        Assert.Equal(_server.Url("/old"), sidecar.Url);
        Assert.Equal(_server.Url("/final?id=7"), sidecar.FinalUrl);
        Assert.Equal([$"301 {_server.Url("/old")}", $"302 {_server.Url("/moved")}"], sidecar.Redirects!);
    }

    [Fact]
    public void TooManyRedirectsFail()
    {
        _server.Routes["/loop"] = CannedResponse.Redirect(302, "/loop");
        var (outcomes, diagnostics) = Capture(new CaptureOptions { MaxRedirects = 3 }, "/loop");
        Assert.Contains("more than 3 redirects", outcomes[0].Failure, StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.CaptureFailed && d.Severity == DiagnosticSeverity.Error);
        Assert.False(Directory.Exists(Seeds) && Directory.EnumerateFileSystemEntries(Seeds).Any());
    }

    [Fact]
    public void TheCharsetTheServerDeclaresIsHonoured()
    {
        // windows-1251 bytes and no meta tag: only the HTTP header says what they are.
        var html = "<html><head><title>Лавров</title></head><body><p>Сергей Лавров прибыл в Ханой.</p></body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(html);
        _server.Routes["/ru"] = CannedResponse.Bytes(bytes, "text/html; charset=windows-1251");
        var (outcomes, _) = Capture(null, "/ru");

        var path = outcomes[0].Seed!;
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_root, path)));
        var diagnostics = new DiagnosticBag();
        var seed = ReadSeed(path, diagnostics);
        Assert.Contains("Сергей Лавров прибыл в Ханой.", seed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void RobotsTxtIsRespectedUnlessIgnored()
    {
        _server.Routes["/robots.txt"] = CannedResponse.Bytes("User-agent: *\nDisallow: /private/\n"u8.ToArray(), "text/plain");
        _server.Routes["/private/page"] = CannedResponse.Html(Article);
        var (refused, diagnostics) = Capture(null, "/private/page");
        Assert.Contains("robots.txt", refused[0].Failure, StringComparison.Ordinal);
        Assert.Contains("--ignore-robots", refused[0].Failure, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/private/page");
        Assert.True(diagnostics.HasErrors);

        var (allowed, _) = Capture(new CaptureOptions { IgnoreRobots = true }, "/private/page");
        Assert.True(allowed[0].Created);
    }

    [Fact]
    public void AnUnreachableRobotsTxtMeansStayAway()
    {
        _server.Routes["/robots.txt"] = new CannedResponse(503, [], []);
        _server.Routes["/page"] = CannedResponse.Html(Article);
        var (outcomes, _) = Capture(null, "/page");
        Assert.Contains("HTTP 503", outcomes[0].Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    [InlineData("application/json")]
    public void WhatIsNotHtmlIsRefused(string type)
    {
        _server.Routes["/file"] = CannedResponse.Bytes([0x89, 0x50, 0x4E, 0x47], type);
        var (outcomes, diagnostics) = Capture(null, "/file");
        Assert.Contains($"not an HTML page: the server says it is {type}", outcomes[0].Failure, StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Message.Contains("Cannot capture", StringComparison.Ordinal));
    }

    [Fact]
    public void AnswersWithoutContentTypeAreSniffed()
    {
        _server.Routes["/bare"] = CannedResponse.Bytes(Encoding.UTF8.GetBytes(Article), null);
        _server.Routes["/binary"] = CannedResponse.Bytes([0, 1, 2, 3], null);
        var (outcomes, _) = Capture(null, "/bare", "/binary");
        Assert.True(outcomes[0].Created);
        Assert.Contains("do not start like HTML", outcomes[1].Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ASlowAnswerTimesOut()
    {
        _server.Routes["/slow"] = CannedResponse.Html(Article) with { Delay = TimeSpan.FromSeconds(30) };
        var (outcomes, _) = Capture(new CaptureOptions { Timeout = TimeSpan.FromSeconds(1) }, "/slow");
        Assert.Contains("timed out", outcomes[0].Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnOversizedAnswerIsRefused(bool withoutLength)
    {
        _server.Routes["/big"] = CannedResponse.Html("<html><body>" + new string('x', 5000) + "</body></html>") with { OmitLength = withoutLength };
        var (outcomes, _) = Capture(new CaptureOptions { MaxBytes = 1000 }, "/big");
        Assert.Contains("over the cap of 1,000", outcomes[0].Failure, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Seeds) && Directory.EnumerateFiles(Seeds).Any());
    }

    [Fact]
    public void ACaptureNeverReplacesASeed()
    {
        _server.Routes["/news/2"] = CannedResponse.Html(Article);
        var first = Capture(null, "/news/2").Outcomes[0];
        var again = Capture(null, "/news/2");
        Assert.False(again.Outcomes[0].Created);
        Assert.Equal(first.Seed, again.Outcomes[0].Seed);
        Assert.Contains(again.Diagnostics, d => d.Code == DiagnosticCodes.CaptureUnchanged);

        _server.Routes["/news/2"] = CannedResponse.Html(Article.Replace("Text.", "Text, corrected.", StringComparison.Ordinal));
        var changed = Capture(null, "/news/2").Outcomes[0];
        Assert.True(changed.Created);
        Assert.Equal(first.Seed![..^5] + "-2.html", changed.Seed);
        Assert.Equal(Encoding.UTF8.GetBytes(Article), File.ReadAllBytes(Path.Combine(_root, first.Seed)));
        Assert.Equal(4, Directory.GetFiles(Seeds).Length);
    }

    [Fact]
    public void AFailedAddressDoesNotStopTheOthers()
    {
        _server.Routes["/good"] = CannedResponse.Html(Article);
        var (outcomes, diagnostics) = Capture(null, "/missing", "ftp://example.invalid/x", "not a url", "/good");
        Assert.Equal(4, outcomes.Count);
        Assert.Contains("HTTP 404", outcomes[0].Failure, StringComparison.Ordinal);
        Assert.Contains("not an absolute http(s) address", outcomes[1].Failure, StringComparison.Ordinal);
        Assert.Contains("not an absolute http(s) address", outcomes[2].Failure, StringComparison.Ordinal);
        Assert.True(outcomes[3].Created);
        Assert.Equal(3, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task ASeedsFolderGivenWithATrailingSlashWorks()
    {
        _server.Routes["/news/4"] = CannedResponse.Html(Article);
        var diagnostics = new DiagnosticBag();
        var options = new CaptureOptions().ForDossier("https://dossier.example.org/vn (ru)/");
        var outcomes = await new PageCapturer(options, Seeds + "/", _root)
            .CaptureAsync([new CaptureRequest(_server.Url("/news/4"), SourceLocation.None)], diagnostics, TestContext.Current.CancellationToken);
        Assert.True(outcomes[0].Created, outcomes[0].Failure);
        Assert.StartsWith("seeds/", outcomes[0].Seed, StringComparison.Ordinal);
        Assert.Contains("(+https://dossier.example.org/vn (ru)/; news dossier capture;", _server.Requests[^1].UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public void ASeedEditedAfterCaptureIsReported()
    {
        _server.Routes["/news/3"] = CannedResponse.Html(Article);
        var seed = Capture(null, "/news/3").Outcomes[0].Seed!;
        File.AppendAllText(Path.Combine(_root, seed), "<!-- edited -->");
        var diagnostics = new DiagnosticBag();
        ReadSeed(seed, diagnostics);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.SeedAlteredSinceSaved && d.Location.Path == seed);
    }

    public void Dispose()
    {
        _server.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
