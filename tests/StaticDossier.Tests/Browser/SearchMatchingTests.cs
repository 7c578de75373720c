using Microsoft.Playwright;

namespace StaticDossier.Tests.Browser;

/// <summary>What the search page (the JavaScript readers run) finds on the real seeds, opened from file://.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SearchMatchingTests(BrowserSite site)
{
    [Fact]
    public async Task HoChiMinhFindsNothingBecauseNoArticleHasThePhrase()
    {
        var (page, titles) = await Search("Ho Chi Minh");
        Assert.Empty(titles);
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("No article matches “Ho Chi Minh”.");
        await Assertions.Expect(page.Locator("#search-suggestions a")).ToHaveTextAsync("fewer words (“ho chi”)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LavrovFindsTheThreeArticlesThatMentionHim()
    {
        var (page, titles) = await Search("Lavrov");
        Assert.Equal(new[] { "000", "001", "003" }.Select(s => site.TitleBySeed[s]).Order(), titles.Order());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("pham binh minh")]
    [InlineData("phạm bình minh")]
    [InlineData("PHẠM BÌNH MINH")]
    public async Task PhamBinhMinhWithOrWithoutAccentsFindsTheArticleNamingHim(string query)
    {
        var (page, titles) = await Search(query);
        Assert.Equal([site.TitleBySeed["003"]], titles);
        Assert.Equal(["Phạm", "Bình", "Minh"], (await page.Locator("#search-results .snippet mark").AllTextContentsAsync()).Take(3));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DStrokeFoldsToDLikeTheIndex()
    {
        // The query is folded in the browser (Đ → d) and meets the body's unaccented "Nguyen Dinh Cong".
        var (page, titles) = await Search("Nguyễn Đình Cống");
        Assert.Single(titles);
        Assert.Contains("Dinh", await page.Locator("#search-results .snippet mark").AllTextContentsAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task VietIsHighlightedAsAWholeWordNeverInsideVietnamese()
    {
        var (page, titles) = await Search("viet");
        Assert.NotEmpty(titles);
        var marks = await page.Locator("#search-results mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Contains(m, new[] { "Việt", "Viet", "viet", "việt", "VIỆT" }));
        Assert.True(await page.Locator("#search-results > li > a mark").CountAsync() > 0, "titles are highlighted too");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SnippetsStartAndEndAtWordBoundaries()
    {
        var (page, _) = await Search("Lavrov");
        foreach (var snippet in await page.Locator("#search-results .snippet").AllTextContentsAsync())
        {
            Assert.Matches(@"^(… )?[\p{L}\p{N}\p{P}]", snippet);
            Assert.Matches(@"[\p{L}\p{N}\p{P}]( …)?$", snippet);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLastWordMatchesAsAPrefixOnlyWhileTyping()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.UrlOf("search.html"));
        await page.Locator("#search-input").PressSequentiallyAsync("lavr");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("3 articles match “lavr”.");
        Assert.EndsWith("search.html?q=lavr", page.Url, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("No article matches “lavr”.");
        await context.CloseAsync();
    }

    private async Task<(IPage Page, IReadOnlyList<string> Titles)> Search(string query)
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(site.UrlOf("search.html") + "?q=" + Uri.EscapeDataString(query));
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("match");
        await Assertions.Expect(page.Locator("#search-results")).Not.ToHaveAttributeAsync("aria-busy", "true");
        Assert.Empty(errors);
        return (page, await page.Locator("#search-results > li > a").AllTextContentsAsync());
    }
}
