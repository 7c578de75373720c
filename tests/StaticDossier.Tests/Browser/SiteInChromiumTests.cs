using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace StaticDossier.Tests.Browser;

/// <summary>The built site as a reader meets it: opened from disk in headless Chromium.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SiteInChromiumTests(BrowserSite site)
{
    private static readonly string[] AxePages =
    [
        "index.html", "people/index.html", "people/sergey-lavrov.html", "tags/index.html", "sources/index.html",
        "languages/vi.html", "search.html?q=Lavrov", "404.html", "archive/2022.html", "archive/2020.html",
    ];

    [Fact]
    public async Task FollowsLinksFromTheHomePageToAPersonAndBack()
    {
        var (page, errors) = await Open("index.html");
        Assert.Equal(site.TitleBySeed.Count, await page.Locator("main .article-list li a").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = site.TitleBySeed["000"], Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(site.TitleBySeed["000"]);
        var related = page.Locator(".related a");
        await Assertions.Expect(related.First).ToHaveTextAsync(site.TitleBySeed["001"]);

        await page.Locator(".subjects").GetByRole(AriaRole.Link, new() { Name = "Sergey Lavrov" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sergey Lavrov");
        var listed = await page.Locator("main .article-list a").AllTextContentsAsync();
        Assert.Contains(site.TitleBySeed["000"], listed);
        Assert.Contains(site.TitleBySeed["001"], listed);
        Assert.Contains(site.TitleBySeed["003"], listed);

        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await Assertions.Expect(page.Locator("#timeline-heading")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SearchForLavrovFindsTheThreeArticlesThatNameHim()
    {
        var titles = await Search("Lavrov");
        Assert.Equal(3, titles.Count);
        Assert.Equal(new[] { site.TitleBySeed["000"], site.TitleBySeed["001"], site.TitleBySeed["003"] }.Order(), titles.Order());
    }

    [Fact]
    public async Task SearchIgnoresVietnameseDiacritics()
    {
        var titles = await Search("viet nam");
        Assert.Contains(site.TitleBySeed["003"], titles);
        Assert.Contains(site.TitleBySeed["004"], titles);

        var folded = await Search("pham binh minh");
        Assert.Equal([site.TitleBySeed["003"]], folded);
    }

    [Fact]
    public async Task SearchRanksExactlyAccentedMatchesFirst()
    {
        var titles = await Search("Việt Nam");
        Assert.True(titles.Count >= 2, string.Join(" | ", titles));
        var exact = new[] { site.TitleBySeed["003"], site.TitleBySeed["004"] };
        Assert.Contains(titles[0], exact);
        Assert.Contains(titles[1], exact);
    }

    [Fact]
    public async Task SkipLinkIsTheFirstStopAndMovesFocusToTheContent()
    {
        var (page, errors) = await Open("index.html");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task NoPageLogsAConsoleError()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var pages = Directory.GetFiles(site.Site, "*.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(site.Site, p).Replace('\\', '/'))
            .Append("search.html?q=Lavrov")
            .Order(StringComparer.Ordinal)
            .ToList();
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = Collect(page);
        foreach (var path in pages)
        {
            await page.GotoAsync(UrlWithQuery(path));
        }

        Assert.True(pages.Count > 20, $"only {pages.Count} pages");
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    [Fact]
    public async Task AxeFindsNoViolations()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var articles = Directory.GetFiles(Path.Combine(site.Site, "articles"), "*.html").Select(p => "articles/" + Path.GetFileName(p)).Order(StringComparer.Ordinal);
        // axe is injected through the DevTools protocol, which the pages' Content-Security-Policy does not govern.
        var context = await site.Browser!.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        var found = new List<string>();
        foreach (var path in AxePages.Concat(articles))
        {
            await page.GotoAsync(UrlWithQuery(path));
            var result = await page.RunAxe();
            Assert.NotEmpty(result.Passes);
            found.AddRange(result.Violations.Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        }

        // The Vietnamese interface: other words, other lengths, the same contrast and structure.
        foreach (var path in AxePages.Concat(articles))
        {
            await page.GotoAsync(UrlWithQuery(path, site.VietnameseUrlOf));
            var result = await page.RunAxe();
            found.AddRange(result.Violations.Select(v => $"{path} (vi): {v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        }

        await context.CloseAsync();

        // Readers whose system prefers a dark scheme get other colours; they must meet AA too.
        var dark = await site.Browser!.NewContextAsync(new() { BypassCSP = true, ColorScheme = ColorScheme.Dark });
        var darkPage = await dark.NewPageAsync();
        foreach (var path in new[] { "index.html", "search.html?q=Lavrov", "people/sergey-lavrov.html", "archive/2022.html", articles.First() })
        {
            await darkPage.GotoAsync(UrlWithQuery(path));
            var result = await darkPage.RunAxe();
            found.AddRange(result.Violations.Select(v => $"{path} (dark): {v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        }

        await dark.CloseAsync();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    private async Task<List<string>> Search(string query)
    {
        var (page, errors) = await Open("search.html");
        await page.GetByLabel("Words to find in the articles").FillAsync(query);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync(query);
        // The status comes first; each result is shown as its document arrives.
        await Assertions.Expect(page.Locator("#search-results")).Not.ToHaveAttributeAsync("aria-busy", "true");
        var titles = await page.Locator("#search-results > li > a").AllTextContentsAsync();
        Assert.Empty(errors);
        return [.. titles];
    }

    private async Task<(IPage Page, List<string> Errors)> Open(string path)
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = Collect(page);
        await page.GotoAsync(site.UrlOf(path));
        return (page, errors);
    }

    private string UrlWithQuery(string path, Func<string, string>? urlOf = null)
    {
        urlOf ??= site.UrlOf;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? urlOf(path) : urlOf(path[..query]) + path[query..];
    }

    private static List<string> Collect(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (errors)
                {
                    errors.Add($"{page.Url}: console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"{page.Url}: page error: {error}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (errors)
            {
                errors.Add($"{page.Url}: failed to load {request.Url}");
            }
        };
        return errors;
    }
}
