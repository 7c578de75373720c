using Microsoft.Playwright;

namespace StaticDossier.Benchmarks;

/// <summary><c>screenshots &lt;site&gt; &lt;out-dir&gt;</c>: the pages a reviewer wants to look at when templates change
/// (home, an article, search with results, a person), at desktop (1366×900) and phone (390×844) sizes, light and dark,
/// as PNGs named <c>&lt;page&gt;-&lt;size&gt;-&lt;scheme&gt;.png</c>. Debian's Chromium through Playwright, from
/// <c>file://</c> as a reader opens the site. Run by <c>tests/screenshots.sh</c>, which builds the site first.</summary>
internal static class ScreenshotHarness
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly (string Name, int Width, int Height, bool Mobile)[] Sizes =
    [
        ("desktop", 1366, 900, false),
        ("mobile", 390, 844, true),
    ];

    public static int Run(string[] args)
    {
        if (args.Length != 2 || !File.Exists(Path.Combine(args[0], "index.html")))
        {
            Console.Error.WriteLine("usage: screenshots <built site folder> <out-dir>");
            return 2;
        }

        return RunAsync(Path.GetFullPath(args[0]), Path.GetFullPath(args[1])).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string site, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var pages = Pages(site);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        foreach (var (size, width, height, mobile) in Sizes)
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height },
                    IsMobile = mobile,
                    HasTouch = mobile,
                    DeviceScaleFactor = mobile ? 2 : 1,
                    ColorScheme = scheme,
                });
                var page = await context.NewPageAsync();
                foreach (var (name, relative) in pages)
                {
                    var query = relative.IndexOf('?', StringComparison.Ordinal);
                    var file = query < 0 ? relative : relative[..query];
                    var url = new Uri(Path.Combine(site, file)).AbsoluteUri + (query < 0 ? string.Empty : relative[query..]);
                    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                    if (name == "search")
                    {
                        await page.Locator("#search-results li").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
                    }

                    var png = Path.Combine(outDir, $"{name}-{size}-{scheme.ToString().ToLowerInvariant()}.png");
                    // The phone's first screen is what the layout must get right; the desktop shot shows the whole page.
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = !mobile });
                    Console.WriteLine(png);
                }
            }
        }

        return 0;
    }

    /// <summary>The home page, the first article with a date and people, search for the most-listed person, and that
    /// person's page.</summary>
    private static List<(string Name, string Path)> Pages(string site)
    {
        var people = Directory.GetFiles(Path.Combine(site, "people"), "*.html")
            .Where(p => Path.GetFileName(p) != "index.html")
            .OrderByDescending(p => File.ReadAllText(p).Split("class=\"item\"").Length)
            .ThenBy(p => p, StringComparer.Ordinal)
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .ToList();
        var article = Directory.GetFiles(Path.Combine(site, "articles"), "*.html")
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(p => File.ReadAllText(p) is var html && html.Contains("<time", StringComparison.Ordinal) && html.Contains("class=\"subjects\"", StringComparison.Ordinal))
            ?? Directory.GetFiles(Path.Combine(site, "articles"), "*.html").Order(StringComparer.Ordinal).First();
        var list = new List<(string, string)> { ("home", "index.html"), ("article", "articles/" + Path.GetFileName(article)) };
        if (people.Count > 0)
        {
            var surname = people[0].Split('-')[^1];
            list.Add(("search", "search.html?q=" + Uri.EscapeDataString(surname)));
            list.Add(("person", $"people/{people[0]}.html"));
        }

        return list;
    }
}
