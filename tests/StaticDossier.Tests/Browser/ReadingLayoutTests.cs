using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Browser;

/// <summary>What a reader sees first, measured in Chromium: on a phone the article's text (or a list's first entry)
/// above the fold, in both interface languages; and the 404 page as a static host serves it, at any depth.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReadingLayoutTests(BrowserSite site)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    // The first line of an article's text, or the first entry of a list (title, or its first line).
    private const string FirstLineScript = """
        () => {
          const el = document.querySelector('main .body p, main .body li, main .body h2, main .article-list .item-title');
          if (!el) return -1;
          const range = document.createRange();
          range.selectNodeContents(el);
          const line = range.getClientRects()[0] || el.getBoundingClientRect();
          return line.bottom;
        }
        """;

    [Fact]
    public async Task FirstLineOfEveryArticleIsAboveTheFoldOnAPhoneInBothLanguages()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var articles = Directory.GetFiles(Path.Combine(site.Site, "articles"), "*.html").Select(p => "articles/" + Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        var lists = new[] { "people/sergey-lavrov.html", "tags/phone-talks.html", "sources/vna.html", "languages/vi.html", "archive/2022.html" }
            .Concat(Directory.GetFiles(Path.Combine(site.Site, "archive"), "*.html").Select(p => "archive/" + Path.GetFileName(p)));
        var context = await site.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = PhoneWidth, Height = PhoneHeight }, IsMobile = true, DeviceScaleFactor = 1 });
        var page = await context.NewPageAsync();
        var below = new List<string>();
        foreach (var path in articles.Concat(lists).Distinct())
        {
            foreach (var (language, url) in new[] { ("en", site.UrlOf(path)), ("vi", site.VietnameseUrlOf(path)) })
            {
                await page.GotoAsync(url);
                var bottom = await page.EvaluateAsync<double>(FirstLineScript);
                Assert.True(bottom > 0, $"{path} ({language}): no text or list entry found");
                if (bottom > PhoneHeight)
                {
                    below.Add($"{path} ({language}): first line ends at y={bottom:0}");
                }
            }
        }

        await context.CloseAsync();
        Assert.True(below.Count == 0, string.Join('\n', below));
    }

    [Fact]
    public async Task HomePageNamesTheDossierOnceAndListsTheDownloadsOnce()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.UrlOf("index.html"));
        var title = await page.Locator(".site-title").TextContentAsync();
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(title!.Trim(), (await page.Locator("h1").TextContentAsync())!.Trim());
        Assert.Equal(1, await page.GetByText(title.Trim(), new() { Exact = true }).CountAsync());
        foreach (var download in new[] { "data/dossier.json", "data/dossier.csv", "feed.xml" })
        {
            Assert.Equal(1, await page.Locator($"a[href='{download}']").CountAsync());
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task NotFoundPageIsStyledAndLinksWorkAtAnyDepthWhenAHostServesIt()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var port = FreePort();
        using var dossier = new TempDossier(withSeeds: false);
        TempDossier.CopyDir(Path.Combine(RepoPaths.Root, "tests", "StaticDossier.Tests", "TestFiles", "sites", "minimal", "content"), dossier.Content);
        File.WriteAllText(dossier.SiteYml, File.ReadAllText(dossier.SiteYml).Replace("https://dossier.example.org/vn-russia/", $"http://127.0.0.1:{port}/vn-russia/", StringComparison.Ordinal));
        var diagnostics = new StaticDossier.Diagnostics.DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));

        // As nginx's error_page, Netlify and GitHub Pages do: any missing path gets 404.html's bytes with status 404.
        using var host = new StaticHost(port, "/vn-russia/", dossier.Site);
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        var missing = $"http://127.0.0.1:{port}/vn-russia/articles/old/typo.html";
        var response = await page.GotoAsync(missing);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        // Styled: the stylesheet's flex header, not the browser's block default.
        Assert.Equal("flex", await page.EvalOnSelectorAsync<string>(".site-header", "e => getComputedStyle(e).display"));
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
        Assert.NotEmpty(hrefs);
        using var http = new HttpClient();
        foreach (var href in hrefs.Where(h => h.StartsWith($"http://127.0.0.1:{port}/", StringComparison.Ordinal)).Select(h => h.Split('#')[0]).Where(h => h != missing).Distinct())
        {
            using var answer = await http.GetAsync(new Uri(href), TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{href}: {(int)answer.StatusCode}");
        }

        Assert.Empty(failed);
        await context.CloseAsync();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A static host on 127.0.0.1 serving a folder under a path prefix, with
    /// <c>404.html</c> for anything missing (nginx <c>error_page 404 /prefix/404.html</c>).</summary>
    private sealed class StaticHost : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public StaticHost(int port, string prefix, string folder)
        {
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    var path = context.Request.Url!.AbsolutePath;
                    var relative = path.StartsWith(prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(path[prefix.Length..]) : null;
                    if (relative is not null && (relative.Length == 0 || relative.EndsWith('/')))
                    {
                        relative += "index.html";
                    }

                    var file = relative is null || relative.Contains("..", StringComparison.Ordinal) ? null : Path.Combine(folder, relative);
                    var found = file is not null && File.Exists(file);
                    context.Response.StatusCode = found ? 200 : 404;
                    var served = found ? file! : Path.Combine(folder, "404.html");
                    context.Response.ContentType = Path.GetExtension(served) switch
                    {
                        ".html" => "text/html; charset=utf-8",
                        ".css" => "text/css",
                        ".js" => "text/javascript",
                        ".svg" => "image/svg+xml",
                        ".xml" => "application/xml",
                        _ => "application/octet-stream",
                    };
                    var bytes = await File.ReadAllBytesAsync(served);
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }
    }
}
