using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace StaticDossier.Benchmarks;

/// <summary><c>search-browser &lt;site&gt; [--pagefind] [query…]</c>: the search page's budgets in headless Debian
/// Chromium, each query on a fresh page: what the page itself loads, then for each query the bytes it loads, the
/// time until its first results are on screen, and the JS heap. The site is read from <c>file://</c>, as readers do.
/// With <c>--pagefind</c>, the same queries through Pagefind's JS API on the same site, served by
/// <c>python3 -m http.server</c> on 127.0.0.1 (Pagefind needs HTTP); index it first with
/// <c>npx pagefind --site SITE --glob 'articles/*.html'</c>.</summary>
internal static class SearchBrowserHarness
{
    private const string Chromium = "/usr/bin/chromium";

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: search-browser <site> [--pagefind] [query…]");
            return 2;
        }

        var site = Path.GetFullPath(args[0]);
        var pagefind = args.Contains("--pagefind");
        var queries = args.Skip(1).Where(a => a != "--pagefind").ToList();
        if (queries.Count == 0)
        {
            queries = ["minister", "moscow", "prime minister", "hà nội"];
        }

        RunAsync(site, pagefind, queries).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(string site, bool pagefind, List<string> queries)
    {
        var articles = Directory.Exists(Path.Combine(site, "articles")) ? Directory.GetFiles(Path.Combine(site, "articles"), "*.html").Length : 0;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });

        Console.WriteLine($"site: {site} ({articles} articles)");
        Console.WriteLine("| tool | query | results | page load KB | page load ms | query KB | first results ms | JS heap MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var query in queries)
        {
            var r = await Ours(browser, site, query);
            Console.WriteLine($"| StaticDossier (file://) | {query} | {r.Results} | {Kb(r.LoadBytes)} | {r.LoadMs:F0} | {Kb(r.QueryBytes)} | {r.QueryMs:F0} | {r.HeapBytes / 1048576.0:F1} |");
        }

        if (!pagefind)
        {
            return;
        }

        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("python3", ["-m", "http.server", "--bind", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), "--directory", site])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        try
        {
            await WaitForServer(port);
            foreach (var query in queries)
            {
                var r = await Pagefind(browser, port, query);
                Console.WriteLine($"| Pagefind (http://127.0.0.1) | {query} | {r.Results} | {Kb(r.LoadBytes)} | {r.LoadMs:F0} | {Kb(r.QueryBytes)} | {r.QueryMs:F0} | {r.HeapBytes / 1048576.0:F1} |");
            }
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    private sealed record Measure(int Results, long LoadBytes, double LoadMs, long QueryBytes, double QueryMs, long HeapBytes);

    private static async Task<Measure> Ours(IBrowser browser, string site, string query)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Resource timing lists no file:// loads, so the requests are counted here and sized on disk.
        var requested = new List<string>();
        page.Request += (_, r) => { lock (requested) { requested.Add(r.Url); } };
        var start = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(Path.Combine(site, "search.html")).AbsoluteUri);
        var loadMs = start.Elapsed.TotalMilliseconds;
        List<string> loaded;
        lock (requested)
        {
            loaded = [.. requested];
        }

        var loadBytes = loaded.Sum(FileSize);
        var result = await page.EvaluateAsync<JsonElement>("""
            q => new Promise(resolve => {
              const input = document.getElementById('search-input');
              const list = document.getElementById('search-results');
              const status = document.getElementById('search-status');
              const t0 = performance.now();
              // Every shard is a script the page adds to <head>: which, and when, tells the bytes before the first results.
              const scripts = [];
              const append = document.head.appendChild.bind(document.head);
              document.head.appendChild = node => { if (node.src) { scripts.push([node.src, performance.now() - t0]); } return append(node); };
              // When each shard's script ran: the time between asking and arriving is the load, the rest is the page's work.
              const arrived = {};
              const deliver = window.dossierSearchLoaded;
              window.dossierSearchLoaded = (key, data) => { arrived[key] = performance.now() - t0; return deliver(key, data); };
              const done = () => list.children.length > 0 || /No article/.test(status.textContent);
              const filtered = () => document.querySelectorAll('#filter-language option').length > 1;
              let first = null;
              let page = null;
              const observer = new MutationObserver(() => {
                if (first === null && done()) { first = { ms: performance.now() - t0, status: status.textContent }; }
                // The first page is whole when the list is no longer busy (results are shown as they arrive).
                if (first !== null && page === null && !list.hasAttribute('aria-busy')) { page = performance.now() - t0; }
                if (first !== null && page !== null && (filtered() || /No article/.test(status.textContent))) {
                  observer.disconnect();
                  resolve({ ms: first.ms, pageMs: page, filtersMs: performance.now() - t0, status: first.status, scripts: scripts.map(s => [s[0], s[1], arrived[s[0].replace(/^.*\/search\//, '').replace(/\.js$/, '')] ?? -1]) });
                }
              });
              observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
              input.value = q;
              document.getElementById('search-form').requestSubmit();
            })
            """, query);
        long queryBytes;
        lock (requested)
        {
            queryBytes = requested.Skip(loaded.Count).Sum(FileSize);
        }

        // The filters' counts come after the first results: their time and the bytes of the whole query are told apart.
        var firstMs = result.GetProperty("ms").GetDouble();
        var firstBytes = result.GetProperty("scripts").EnumerateArray().Where(e => e[1].GetDouble() <= firstMs).Sum(e => FileSize(e[0].GetString()!));
        Console.Error.WriteLine($"  {query}: {Kb(firstBytes)} KB before the first results; first page whole after {result.GetProperty("pageMs").GetDouble():F0} ms, filters shown after {result.GetProperty("filtersMs").GetDouble():F0} ms, {Kb(queryBytes)} KB in all");
        if (Environment.GetEnvironmentVariable("SEARCH_TRACE") is "1")
        {
            // When each shard was asked for and when it ran, relative to the submit: where the time before the first results goes.
            foreach (var s in result.GetProperty("scripts").EnumerateArray())
            {
                Console.Error.WriteLine($"    {s[1].GetDouble(),7:F1} ms -> {s[2].GetDouble(),7:F1} ms  {Path.GetFileName(Path.GetDirectoryName(new Uri(s[0].GetString()!).LocalPath))}/{Path.GetFileName(new Uri(s[0].GetString()!).LocalPath)}");
            }
        }

        var heap = await Heap(page);
        var count = Count(result.GetProperty("status").GetString()!);
        await context.CloseAsync();
        return new Measure(count, loadBytes, loadMs, queryBytes, result.GetProperty("ms").GetDouble(), heap);
    }

    private static async Task<Measure> Pagefind(IBrowser browser, int port, string query)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{port}/404.html");
        var result = await page.EvaluateAsync<JsonElement>("""
            async q => {
              performance.setResourceTimingBufferSize(100000);
              const bytes = since => performance.getEntriesByType('resource')
                .filter(e => e.startTime >= since && e.name.includes('/pagefind/'))
                .reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), 0);
              const t0 = performance.now();
              const pf = await import('/pagefind/pagefind.js');
              await pf.init();
              const t1 = performance.now();
              const search = await pf.search(q);
              await Promise.all(search.results.slice(0, 20).map(r => r.data()));
              const t2 = performance.now();
              return { loadMs: t1 - t0, queryMs: t2 - t1, loadBytes: bytes(t0) - bytes(t1), queryBytes: bytes(t1), results: search.results.length };
            }
            """, query);
        var heap = await Heap(page);
        await context.CloseAsync();
        return new Measure(result.GetProperty("results").GetInt32(), result.GetProperty("loadBytes").GetInt64(), result.GetProperty("loadMs").GetDouble(),
            result.GetProperty("queryBytes").GetInt64(), result.GetProperty("queryMs").GetDouble(), heap);
    }

    private static long FileSize(string url)
    {
        var path = new Uri(url.Split('?')[0]).LocalPath;
        return File.Exists(path) ? new FileInfo(path).Length : 0;
    }

    private static async Task<long> Heap(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var usage = await cdp.SendAsync("Runtime.getHeapUsage");
        return (long)usage!.Value.GetProperty("usedSize").GetDouble();
    }

    private static int Count(string status)
    {
        // "7,999 articles match …": the count may carry a thousands separator.
        var digits = new string([.. status.TakeWhile(c => char.IsDigit(c) || c is ',' or '.').Where(char.IsDigit)]);
        return digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitForServer(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"python3 -m http.server did not start on 127.0.0.1:{port}");
    }
}
