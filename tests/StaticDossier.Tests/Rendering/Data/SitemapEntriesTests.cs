using StaticDossier.Config;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Data;

namespace StaticDossier.Tests.Rendering.Data;

/// <summary>serve's sitemap joined from the elements of earlier builds is byte for byte the sitemap a full build writes,
/// after every step of random edits: pages added and removed, dates moved, paths that need escaping, the base URL
/// changed, the site emptied.</summary>
public sealed class SitemapEntriesTests
{
    private static readonly string[] Names = ["a", "b&c", "d<e>", "été", "f g", "tags/x", "people/y"];

    [Fact]
    public void EveryStepWritesAFullSitemap()
    {
        var random = new Random(17);
        var config = SiteConfig.ForTests("/tmp/sitemap-tests");
        var site = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < 60; i++)
        {
            site[PagePath(random)] = Date(random);
        }

        var entries = new SitemapEntries();
        var joined = 0;
        for (var step = 0; step < 400; step++)
        {
            var edit = step == 0 ? "none" : Edit(random, site, ref config);
            List<(string Path, string? LastModified)> pages = [.. site.Select(p => (p.Key, p.Value)), (SitePaths.NotFound, null)];
            Shuffle(random, pages);
            var full = SitemapRenderer.Render(pages, config).Single(f => f.OutputPath == SitePaths.Sitemap).Bytes;
            var listed = pages.Where(p => p.Path != SitePaths.NotFound).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
            var made = 0;
            var bytes = entries.Make(listed, config.BaseUrl, l =>
            {
                made += l.Count;
                return SitemapRenderer.Render(l, config).Single(f => f.OutputPath == SitePaths.Sitemap).Bytes;
            });
            Assert.True(full.AsSpan().SequenceEqual(bytes), $"step {step} ({edit}):\n{System.Text.Encoding.UTF8.GetString(full)}\n---\n{System.Text.Encoding.UTF8.GetString(bytes)}");
            joined += made < listed.Count ? 1 : 0;
        }

        // Most steps wrote only the elements that changed.
        Assert.True(joined > 250, $"{joined} steps joined");
    }

    [Fact]
    public void CutsASitemapIntoItsElements()
    {
        var config = SiteConfig.ForTests("/tmp/sitemap-tests");
        var bytes = SitemapRenderer.Render([("a.html", "2024-01-02"), ("b.html", null)], config).Single(f => f.OutputPath == SitePaths.Sitemap).Bytes;
        var (head, elements, tail) = SitemapEntries.Cut(bytes, 2)!.Value;
        string Text(byte[] b) => System.Text.Encoding.UTF8.GetString(b);
        Assert.EndsWith("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">", Text(head), StringComparison.Ordinal);
        Assert.Equal("\n  <url>\n    <loc>https://example.org/dossier/a.html</loc>\n    <lastmod>2024-01-02</lastmod>\n  </url>", Text(elements[0]));
        Assert.Equal("\n  <url>\n    <loc>https://example.org/dossier/b.html</loc>\n  </url>", Text(elements[1]));
        Assert.Equal("\n</urlset>", Text(tail));
        Assert.Null(SitemapEntries.Cut(bytes, 3));
        Assert.Null(SitemapEntries.Cut(bytes, 1));
    }

    private static string Edit(Random random, SortedDictionary<string, string?> site, ref SiteConfig config)
    {
        var paths = site.Keys.ToList();
        var page = paths.Count == 0 ? null : paths[random.Next(paths.Count)];
        switch (random.Next(12))
        {
            case 0 or 1 or 2:
                var added = PagePath(random);
                site[added] = Date(random);
                return "added " + added;
            case 3 or 4 when page is not null:
                site.Remove(page);
                return "removed " + page;
            case 5 or 6 or 7 when page is not null:
                site[page] = Date(random);
                return "date of " + page;
            case 8 when random.Next(10) == 0:
                config = config with { BaseUrl = config.BaseUrl == "https://example.org/dossier/" ? "https://example.net/" : "https://example.org/dossier/" };
                return "base URL";
            case 9 when random.Next(20) == 0:
                site.Clear();
                return "emptied";
            case 10:
                foreach (var path in paths.Where(_ => random.Next(2) == 0))
                {
                    site[path] = Date(random);
                }

                return "many dates";
            default:
                return "none";
        }
    }

    private static string PagePath(Random random) => $"{Names[random.Next(Names.Length)]}/{random.Next(40):00}.html";

    private static string? Date(Random random) => random.Next(5) == 0 ? null : $"2024-0{random.Next(1, 10)}-1{random.Next(10)}";

    private static void Shuffle<T>(Random random, List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
