using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Browser;

/// <summary>A saved page with scripts, published beside its article as the reader's evidence, opens in Chromium as the
/// text it is: its markup shown, none of its scripts run.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublishedSeedInChromiumTests(BrowserSite site)
{
    private const string Hostile = """
        <!DOCTYPE html><html><head><title>Ministers talk</title>
        <script>window.ran = 'head'; document.title = 'RAN';</script></head>
        <body><article><h1>Ministers talk by phone</h1>
        <p>The two foreign ministers spoke by phone on Tuesday about the safety of citizens abroad and agreed to stay in close contact over the coming weeks.</p>
        <img src="missing.png" onerror="window.ran = 'onerror'">
        <p>Both sides said the talks had been frank and useful, and that their deputies would meet again before the end of the month.</p>
        <svg><script>window.ran = 'svg'</script></svg>
        </article></body></html>
        """;

    [Fact]
    public async Task TheSeedOpensAsTextAndNoneOfItsScriptsRuns()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("seeds/talks.html", Hostile);
        var diagnostics = Dossier.IngestAndBuild(dossier);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));

        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var article = Directory.GetFiles(Path.Combine(dossier.Site, "articles"), "*.html").Single();
        await page.GotoAsync(new Uri(article).AbsoluteUri);
        var link = page.Locator(".provenance a[type='text/plain']");
        Assert.EndsWith(".txt", await link.GetAttributeAsync("href"), StringComparison.Ordinal);

        await link.ClickAsync();
        await page.WaitForURLAsync("**/seeds/*.txt");
        Assert.Equal("text/plain", await page.EvaluateAsync<string>("document.contentType"));
        Assert.Null(await page.EvaluateAsync<string?>("window.ran ?? null"));
        Assert.NotEqual("RAN", await page.TitleAsync());
        // The markup is there to read, byte for byte as captured.
        var shown = await page.EvaluateAsync<string>("document.body.innerText");
        Assert.Contains("<script>window.ran = 'head';", shown, StringComparison.Ordinal);
        Assert.Contains("onerror=\"window.ran = 'onerror'\"", shown, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
