using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>A corpus of classic XSS and template-injection payloads, fed through ingest and build as seeds
/// and as content pages, yields a site where nothing runs, nothing is evaluated and nothing is fetched.</summary>
public sealed partial class XssCorpusTests(XssCorpus corpus) : IClassFixture<XssCorpus>
{
    [Fact]
    public void CorpusBuildsWithoutErrors()
    {
        Assert.True(corpus.Payloads.Count >= 50, $"only {corpus.Payloads.Count} payloads");
        Assert.False(corpus.Diagnostics.HasErrors, string.Join('\n', corpus.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        // Every content page, every seed of both kinds, and at least the index.
        var seeds = (corpus.Payloads.Count + 9) / 10 * 2;
        Assert.True(corpus.Pages.Count >= corpus.Payloads.Count + seeds + 1, $"{corpus.Pages.Count} pages");
    }

    [Fact]
    public void EveryPageIsInertMarkup()
    {
        var problems = corpus.Pages
            .SelectMany(page => HtmlSafetyAudit.Problems(File.ReadAllText(page)).Select(p => $"{Path.GetRelativePath(corpus.Site, page)}: {p}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
    }

    [Fact]
    public void TemplateSyntaxInContentIsNeverEvaluated()
    {
        var all = string.Concat(corpus.Pages.Select(File.ReadAllText));
        Assert.DoesNotContain("1337", all, StringComparison.Ordinal);
        Assert.Contains("{{ 7 * 191 }}", all, StringComparison.Ordinal);
        Assert.Contains("{{ include &quot;partials/_head.sbn&quot; }}", all, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingIsWrittenOutsideTheSite()
    {
        var outside = Directory.EnumerateFiles(corpus.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(corpus.Root, f).Replace('\\', '/'))
            .Where(f => !(f.StartsWith("_site/", StringComparison.Ordinal) || f.StartsWith("content/", StringComparison.Ordinal)
                          || f.StartsWith("seeds/", StringComparison.Ordinal) || f.StartsWith("templates/", StringComparison.Ordinal) || f == "site.yml"
                          || f == "._site.cache/ingest.json"))
            .ToList();
        Assert.Empty(outside);
        Assert.All(Directory.EnumerateFiles(corpus.Site, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != ".dossier-site"),
            f => Assert.Matches(@"^([a-z0-9_-]+/)*[a-z0-9_-]+(\.[a-z0-9]+)+$", Path.GetRelativePath(corpus.Site, f).Replace('\\', '/')));
    }

    [Fact]
    public async Task NothingRunsOrLoadsInChromium()
    {
        // The shipped pages carry a Content-Security-Policy; the sanitising must hold without it too.
        ChromiumLauncher.SkipUnlessInstalled();
        // Outside the corpus's folder, which another test checks holds nothing but the dossier.
        var bare = Path.Combine(Path.GetTempPath(), "dossier-xss-without-csp-" + Guid.NewGuid().ToString("N"));
        TempDossier.CopyDir(corpus.Site, bare);
        foreach (var page in Directory.EnumerateFiles(bare, "*.html", SearchOption.AllDirectories))
        {
            File.WriteAllText(page, CspMeta().Replace(File.ReadAllText(page), string.Empty));
        }

        var (playwright, browser) = await ChromiumLauncher.LaunchAsync();
        try
        {
            var events = new ConcurrentQueue<string>();
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
            await context.ExposeBindingAsync("__xss", (BindingSource source, string what) => events.Enqueue($"script ran: {what} on {source.Page?.Url}"));
            await context.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                    return;
                }

                events.Enqueue($"request left the page: {route.Request.Url}");
                await route.AbortAsync();
            });
            context.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file://", StringComparison.Ordinal))
                {
                    events.Enqueue($"request: {request.Url} from {request.Frame.Url}");
                }
            };
            var files = new[] { corpus.Site, bare }
                .SelectMany(site => Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                .ToList();
            var visited = 0;
            var sawMarker = 0;
            // A few tabs at once: page loads mostly wait on timers, not on the CPU.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async tab =>
            {
                var page = await context.NewPageAsync();
                page.Dialog += (_, dialog) =>
                {
                    events.Enqueue($"dialog '{dialog.Type}: {dialog.Message}' on {page.Url}");
                    _ = dialog.DismissAsync();
                };
                page.PageError += (_, error) => events.Enqueue($"page error on {page.Url}: {error}");
                for (var i = tab; i < files.Count; i += 4)
                {
                    await page.GotoAsync(new Uri(files[i]).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                    // Handlers such as onerror and autofocus/onfocus fire just after load.
                    await page.WaitForTimeoutAsync(30);
                    var text = await page.InnerTextAsync("body");
                    Interlocked.Add(ref sawMarker, text.Contains(" begins", StringComparison.Ordinal) ? 1 : 0);
                    Interlocked.Increment(ref visited);
                }
            }));

            Assert.True(events.IsEmpty, string.Join('\n', events.Take(40)));
            Assert.Equal(corpus.Pages.Count * 2, visited);
            // The payloads really reached the pages (as text), so the quiet above means something.
            Assert.Equal(corpus.Payloads.Count * 2, sawMarker);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            Directory.Delete(bare, recursive: true);
        }
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CspMeta();
}
