using Microsoft.Playwright;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Browser;

/// <summary>The results page on a made-up dossier of 25 articles: 20 results at a time, filters with counts, and
/// the query and filters kept in the URL so Back restores them, with as many results as were shown.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SearchPageTests(BrowserSite browser)
{
    [Fact]
    public async Task ShowsTwentyAtATimeFiltersWithCountsAndRestoresStateOnBack()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        for (var i = 1; i <= 25; i++)
        {
            var language = i <= 10 ? "vi" : "en";
            dossier.Write($"content/a{i:00}.md", $"---\ntitle: Harbour report {i}\ndate: 2021-03-{i:00}\nlanguage: {language}\n---\n\nNews from the harbour, number {i}.\n");
        }

        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var status = page.Locator("#search-status");
        var items = page.Locator("#search-results > li");

        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=harbour");
        await Assertions.Expect(status).ToHaveTextAsync("25 articles match “harbour”.");
        await Assertions.Expect(items).ToHaveCountAsync(20);
        // Ties in score go to the newest article.
        await Assertions.Expect(items.First.Locator("a")).ToHaveTextAsync("Harbour report 25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show 20 more results" }).ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(25);
        await Assertions.Expect(page.Locator("#search-more")).ToBeHiddenAsync();
        // The history entry remembers how many were shown: coming back (here, a reload, which no page cache serves)
        // shows all 25 again, not the first 20.
        await page.ReloadAsync();
        await Assertions.Expect(status).ToHaveTextAsync("25 articles match “harbour”.");
        await Assertions.Expect(items).ToHaveCountAsync(25);

        var languages = page.GetByLabel("Language");
        // The counts follow the results (their facets load after the results are shown).
        await Assertions.Expect(languages.Locator("option")).ToHaveTextAsync(["Any (25)", "English (15)", "Vietnamese (10)"]);
        await languages.SelectOptionAsync("vi");
        await Assertions.Expect(status).ToHaveTextAsync("10 articles match “harbour”.");
        await Assertions.Expect(items).ToHaveCountAsync(10);
        Assert.EndsWith("search.html?q=harbour&language=vi", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Words to find in the articles").FillAsync("report 17");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(status).ToHaveTextAsync("No article matches “report 17”.");
        Assert.EndsWith("search.html?q=report+17&language=vi", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "no filters (“report 17”)" })).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Assertions.Expect(status).ToHaveTextAsync("10 articles match “harbour”.");
        await Assertions.Expect(page.GetByLabel("Words to find in the articles")).ToHaveValueAsync("harbour");
        await page.GoBackAsync();
        await Assertions.Expect(status).ToHaveTextAsync("25 articles match “harbour”.");
        await Assertions.Expect(languages).ToHaveValueAsync("");

        // The search box on every other page lands here with the query.
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "index.html")).AbsoluteUri);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the articles" }).FillAsync("report 17");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(status).ToHaveTextAsync("1 article matches “report 17”.");
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    /// <summary>Results are shown as their documents arrive, but only in rank order: when the best result's document
    /// comes last, nothing is shown before it; and a second "more" clicked before the first has arrived asks for the
    /// next page, never the same one again, and shows it after the first.</summary>
    [Fact]
    public async Task ResultsAppearInRankOrderWhateverOrderTheirDocumentsArriveIn()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        for (var i = 1; i <= 45; i++)
        {
            dossier.Write($"content/a{i:00}.md", $"---\ntitle: Harbour report {i}\ndate: 2021-{1 + (i / 28):00}-{1 + (i % 28):00}\nlanguage: en\n---\n\nNews from the harbour, number {i}.\n");
        }

        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        // The first document shard of the first and of the second page (the 1st and the 21st asked for) are held back
        // until the page lets them go; every other shard is added at once.
        await page.AddInitScriptAsync("""
            (() => {
              const append = Node.prototype.appendChild;
              let asked = 0;
              const held = [];
              window.releaseHeld = () => { while (held.length) { const h = held.shift(); append.call(h.parent, h.node); } };
              Node.prototype.appendChild = function (node) {
                if (node.src && node.src.includes('/docs/')) {
                  asked++;
                  if (asked === 1 || asked === 21) { held.push({ parent: this, node: node }); return node; }
                }
                return append.call(this, node);
              };
            })();
            """);
        var items = page.Locator("#search-results > li");
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=harbour");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("45 articles match “harbour”.");
        // The other nineteen have arrived; none is shown ahead of the best one.
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(items).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.releaseHeld()");
        await Assertions.Expect(items).ToHaveCountAsync(20);
        await Assertions.Expect(items.First.Locator("a")).ToHaveTextAsync("Harbour report 45");
        await Assertions.Expect(items.Nth(19).Locator("a")).ToHaveTextAsync("Harbour report 26");

        // Two pages asked for at once; the third page's documents arrive while the second's first is held: none of
        // them is shown before it.
        await page.EvaluateAsync("() => { const b = document.getElementById('search-more'); b.click(); b.click(); }");
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(items).ToHaveCountAsync(20);
        await page.EvaluateAsync("() => window.releaseHeld()");
        await Assertions.Expect(items).ToHaveCountAsync(45);
        await Assertions.Expect(page.Locator("#search-more")).ToBeHiddenAsync();
        var titles = await items.Locator("a").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, 45).Reverse().Select(i => $"Harbour report {i}"), titles);
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    /// <summary>While the reader types, the term shard of the word typed is asked for before the pause ends and the
    /// query runs, so the pause hides its load.</summary>
    [Fact]
    public async Task TermShardsAreAskedForWhileTheReaderTypes()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: Harbour report\ndate: 2021-03-01\nlanguage: en\n---\n\nNews from the harbour.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await RecordShardRequests(page, "document.getElementById('search-status').textContent");
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri);
        await page.GetByLabel("Words to find in the articles").PressSequentiallyAsync("harbour");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("1 article matches “harbour”.");
        var asked = await page.EvaluateAsync<string[][]>("() => window.asked");
        // The first shard asked for is a term shard, asked for while no query had run yet (the status was empty).
        Assert.StartsWith("terms/", asked[0][0], StringComparison.Ordinal);
        Assert.Equal("", asked[0][1]);
        await context.CloseAsync();
    }

    /// <summary>While the reader types two words, the pair shard that tells where they stand side by side is asked for
    /// once their term shards are in, before the pause ends: a phrase then costs no third round trip.</summary>
    [Fact]
    public async Task PairShardsAreAskedForWhileTheReaderTypesAPhrase()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: Harbour report\ndate: 2021-03-01\nlanguage: en\n---\n\nNews from the harbour city.\n");
        dossier.Write("content/b.md", "---\ntitle: City report\ndate: 2021-03-02\nlanguage: en\n---\n\nThe city has a harbour.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await RecordShardRequests(page, "new URLSearchParams(location.search).get('q') || ''");
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri);
        // Typed as a reader types, slowly enough for a term shard to arrive between keys.
        await page.GetByLabel("Words to find in the articles").PressSequentiallyAsync("harbour city", new() { Delay = 100 });
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("“harbour city”");
        // The status comes first; each result is shown as its document arrives.
        await Assertions.Expect(page.Locator("#search-results")).Not.ToHaveAttributeAsync("aria-busy", "true");
        var asked = await page.EvaluateAsync<string[][]>("() => window.asked");
        // Asked for on the key that made "ci" a prefix of "city", before any query of both words had run (a query puts
        // its words in the address first); on a loaded machine a pause may have run a query of fewer letters.
        var pair = Assert.Single(asked, a => a[0].StartsWith("pairs/", StringComparison.Ordinal));
        Assert.DoesNotMatch("^harbour ci", pair[1]);
        // The phrase ranks first the article where the two words stand side by side.
        await Assertions.Expect(page.Locator("#search-results li").First).ToContainTextAsync("Harbour report");
        await context.CloseAsync();
    }

    /// <summary>The first result's document is asked for alone and the rest of the page once it is shown: twenty
    /// script inserts at once delayed the first result several times over on a 10,000-article dossier.</summary>
    [Fact]
    public async Task TheFirstResultIsShownBeforeTheRestOfItsPageIsAskedFor()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        for (var i = 1; i <= 25; i++)
        {
            dossier.Write($"content/a{i:00}.md", $"---\ntitle: Harbour report {i}\ndate: 2021-03-{i:00}\nlanguage: en\n---\n\nNews from the harbour.\n");
        }

        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await RecordShardRequests(page, "String(document.querySelectorAll('#search-results li').length)");
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=harbour");
        await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(20);
        var docs = (await page.EvaluateAsync<string[][]>("() => window.asked")).Where(a => a[0].StartsWith("docs/", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, docs.Count);
        Assert.Equal("0", docs[0][1]);
        Assert.All(docs.Skip(1), d => Assert.Equal("1", d[1]));
        // Still shown in rank order: newest first, as every article has the word once.
        Assert.Equal("Harbour report 25", await page.Locator("#search-results li a").First.TextContentAsync());
        Assert.Equal("Harbour report 6", await page.Locator("#search-results li a").Last.TextContentAsync());
        await context.CloseAsync();
    }

    /// <summary>Each filter's counts, taken over the results that pass the other filters, on a dossier whose facet
    /// files use all three of FacetSets' forms (a bitset, gaps, runs): the browser's decoding against the truth.</summary>
    [Fact]
    public async Task FilterCountsMatchTheArticlesForEveryFormOfFacetFile()
    {
        Assert.SkipUnless(BrowserSite.ChromiumInstalled, "Debian chromium (/usr/bin/chromium) is not installed.");
        using var dossier = new TempDossier(withSeeds: false);
        for (var i = 1; i <= 60; i++)
        {
            var tags = new[] { i % 2 == 0 ? "Trade" : null, i % 7 == 0 ? "Ports" : null }.OfType<string>().ToList();
            dossier.Write($"content/a{i:00}.md", "---\n" +
                $"title: Harbour report {i}\ndate: {2019 + i % 3}-05-{i % 28 + 1:00}\nlanguage: {(i % 4 == 0 ? "vi" : "en")}\n" +
                $"source: {(i % 3 == 0 ? "Báo Ví Dụ" : "Example News")}\n" +
                (i % 5 == 0 ? "people: [Lê Văn A]\n" : "") +
                (tags.Count > 0 ? $"tags: [{string.Join(", ", tags)}]\n" : "") +
                $"---\n\nNews from the harbour, number {i}.\n");
        }

        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var facets = Path.Combine(dossier.Site, "assets", "search", "facets");
        Assert.Contains("\"d", File.ReadAllText(Path.Combine(facets, "tag.js")), StringComparison.Ordinal);
        Assert.Contains("\"b", File.ReadAllText(Path.Combine(facets, "tag.js")), StringComparison.Ordinal);
        Assert.Contains("\"r", File.ReadAllText(Path.Combine(facets, "year.js")), StringComparison.Ordinal);

        var context = await browser.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=harbour");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("60 articles match “harbour”.");
        await Assertions.Expect(page.GetByLabel("Year").Locator("option")).ToHaveTextAsync(["Any (60)", "2019 (20)", "2020 (20)", "2021 (20)"]);
        await Assertions.Expect(page.GetByLabel("Tag").Locator("option")).ToHaveTextAsync(["Any (60)", "Trade (30)", "Ports (8)"]);
        await Assertions.Expect(page.GetByLabel("Person").Locator("option")).ToHaveTextAsync(["Any (60)", "Lê Văn A (12)"]);

        await page.GetByLabel("Person").SelectOptionAsync("Lê Văn A");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("12 articles match “harbour”.");
        await Assertions.Expect(page.GetByLabel("Tag").Locator("option")).ToHaveTextAsync(["Any (12)", "Trade (6)", "Ports (1)"]);
        await Assertions.Expect(page.GetByLabel("Language").Locator("option")).ToHaveTextAsync(["Any (12)", "English (9)", "Vietnamese (3)"]);
        await Assertions.Expect(page.GetByLabel("Source").Locator("option")).ToHaveTextAsync(["Any (12)", "Example News (8)", "Báo Ví Dụ (4)"]);
        // The person filter's own counts leave it out: every result of the query is counted there.
        await Assertions.Expect(page.GetByLabel("Person").Locator("option")).ToHaveTextAsync(["Any (60)", "Lê Văn A (12)"]);

        // A filter in the address is applied before anything is shown.
        await page.GotoAsync(new Uri(Path.Combine(dossier.Site, "search.html")).AbsoluteUri + "?q=harbour&tag=Ports&year=2021");
        await Assertions.Expect(page.Locator("#search-status")).ToHaveTextAsync("3 articles match “harbour”.");
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    /// <summary>Lists in <c>window.asked</c> each search shard the page asks for, with what <paramref name="state"/> (a
    /// script expression) says at that moment.</summary>
    private static Task<IAsyncDisposable> RecordShardRequests(IPage page, string state) => page.AddInitScriptAsync($$"""
        (() => {
          const append = Node.prototype.appendChild;
          window.asked = [];
          Node.prototype.appendChild = function (node) {
            if (node.src && node.src.includes('/search/')) { window.asked.push([node.src.split('/search/')[1], {{state}}]); }
            return append.call(this, node);
          };
        })();
        """);
}
