using Microsoft.Playwright;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Browser;

/// <summary>Search ranking on a small made-up dossier where folding alone would put the wrong article first.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SearchRankingTests(BrowserSite browser)
{
    [Fact]
    public async Task ExactSpellingOutranksMoreFrequentFoldedMatches()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/accented.md", "---\ntitle: Accented\nlanguage: vi\n---\n\nTin từ Hà Nội hôm nay.\n");
        dossier.Write("content/plain.md", "---\ntitle: Plain\n---\n\nHa Noi, Ha Noi and again Ha Noi: news from Ha Noi.\n");
        dossier.Write("content/other.md", "---\ntitle: Other\n---\n\nNothing about the capital here.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));

        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        async Task<IReadOnlyList<string>> Search(string query)
        {
            await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString(query));
            await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("match");
            // The status comes first; each result is shown as its document arrives.
            await Assertions.Expect(page.Locator("#search-results")).Not.ToHaveAttributeAsync("aria-busy", "true");
            return await page.Locator("#search-results > li > a").AllTextContentsAsync();
        }

        Assert.Equal(["Accented", "Plain"], await Search("Hà Nội"));
        Assert.Equal(["Plain", "Accented"], await Search("ha noi"));
        Assert.Equal(["Accented"], await Search("từ"));
        Assert.Empty(await Search("zzz"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task AdjacentWordsOutrankTheSameWordsApart()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/apart.md", "---\ntitle: Apart\ndate: 2024-01-02\n---\n\nMinh spoke, Minh left; later Pham arrived and Pham stayed with Minh.\n");
        dossier.Write("content/phrase.md", "---\ntitle: Phrase\ndate: 2024-01-01\n---\n\nThe visitor was Pham Minh, who stayed a while longer than planned.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));

        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=pham+minh");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("2 articles match");
        // The status comes first; each result is shown as its document arrives.
        await Assertions.Expect(page.Locator("#search-results")).Not.ToHaveAttributeAsync("aria-busy", "true");
        Assert.Equal(["Phrase", "Apart"], await page.Locator("#search-results > li > a").AllTextContentsAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task AThreeWordNameRanksAsAPhraseAlsoWhileItsLastWordIsBeingTyped()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        // Newest first breaks ties, so without the phrase the two articles that only have the words would come first.
        dossier.Write("content/apart.md", "---\ntitle: Apart\ndate: 2024-01-03\n---\n\nHo said Chi was away; Minh agreed.\n");
        dossier.Write("content/pairs.md", "---\ntitle: Pairs\ndate: 2024-01-02\n---\n\nHo Chi arrived. Later Minh came.\n");
        dossier.Write("content/phrase.md", "---\ntitle: Phrase\ndate: 2024-01-01\n---\n\nThey flew to Hồ Chí Minh City.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));

        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=ho+chi+minh");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("3 articles match");
        // The status comes first; each result is shown as its document arrives.
        await Assertions.Expect(page.Locator("#search-results")).Not.ToHaveAttributeAsync("aria-busy", "true");
        // "Pairs" has one of the two pairs side by side; "Apart" has none.
        Assert.Equal(["Phrase", "Pairs", "Apart"], await page.Locator("#search-results > li > a").AllTextContentsAsync());

        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri);
        await page.Locator("#search-input").PressSequentiallyAsync("ho chi mi");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("3 articles match “ho chi mi”");
        // The status comes first; each result is shown as its document arrives.
        await Assertions.Expect(page.Locator("#search-results")).Not.ToHaveAttributeAsync("aria-busy", "true");
        Assert.Equal(["Phrase", "Pairs", "Apart"], await page.Locator("#search-results > li > a").AllTextContentsAsync());
        await context.CloseAsync();
    }
}
