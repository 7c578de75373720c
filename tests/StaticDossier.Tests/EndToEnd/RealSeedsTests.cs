using AngleSharp.Html.Parser;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.EndToEnd;

/// <summary>The five real seeds, ingested and built into a temporary folder.</summary>
public sealed class RealSeedsTests : IDisposable
{
    private readonly TempDossier _dossier = new();
    private readonly DiagnosticBag _diagnostics;

    public RealSeedsTests() => _diagnostics = Dossier.IngestAndBuild(_dossier);

    public void Dispose() => _dossier.Dispose();

    [Fact]
    public void BuildsWithoutErrors() =>
        Assert.False(_diagnostics.HasErrors, string.Join('\n', _diagnostics));

    [Fact]
    public void WritesOneContentPagePerSeed()
    {
        var pages = Directory.GetFiles(_dossier.Content, "*.md");
        Assert.Equal(5, pages.Length);
        var seeds = pages.Select(p => ContentPageParser.Parse(p, File.ReadAllText(p), new DiagnosticBag())!.Meta.Seed).Order().ToList();
        Assert.Equal(Directory.GetFiles(RepoPaths.Seeds, "*.txt").Select(f => "seeds/" + Path.GetFileName(f)).Order(), seeds);
    }

    [Fact]
    public void FrontMatterHasTheRequiredKeysInStableOrder()
    {
        foreach (var path in Directory.GetFiles(_dossier.Content, "*.md"))
        {
            var lines = File.ReadAllLines(path);
            Assert.Equal("---", lines[0]);
            var keys = lines.Skip(1).TakeWhile(l => l != "---").Where(l => !l.StartsWith(' ') && !l.StartsWith('-'))
                .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList();
            Assert.Contains("title", keys);
            Assert.Contains("language", keys);
            Assert.Contains("seed", keys);
            Assert.Contains("seed_sha256", keys);
            var order = new[] { "title", "date", "date_approx", "language", "source", "byline", "url", "tags", "people", "slug", "summary", "draft", "seed", "seed_sha256", "removed_blocks", "repairs" };
            Assert.Equal(keys.OrderBy(k => Array.IndexOf(order, k)), keys);
        }
    }

    [Fact]
    public void SeedHashInFrontMatterIsTheSeedFilesHash()
    {
        foreach (var path in Directory.GetFiles(_dossier.Content, "*.md"))
        {
            var meta = ContentPageParser.Parse(path, File.ReadAllText(path), new DiagnosticBag())!.Meta;
            var bytes = File.ReadAllBytes(_dossier.PathOf(meta.Seed!));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), meta.SeedSha256);
        }
    }

    [Fact]
    public void PublishesFiveArticlePagesAndAHome()
    {
        Assert.True(File.Exists(Path.Combine(_dossier.Site, "index.html")));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(_dossier.Site, "articles"), "*.html").Length);
    }

    [Fact]
    public void EveryLinkIsRelativeAndResolvesOnDisk()
    {
        var parser = new HtmlParser();
        var checkedLinks = 0;
        foreach (var page in Directory.GetFiles(_dossier.Site, "*.html", SearchOption.AllDirectories))
        {
            var doc = parser.ParseDocument(File.ReadAllText(page));
            foreach (var el in doc.QuerySelectorAll("a[href], link[href], script[src]"))
            {
                var href = el.GetAttribute("href") ?? el.GetAttribute("src")!;
                if (href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith('#'))
                {
                    continue;
                }

                Assert.False(href.StartsWith('/'), $"{page}: '{href}' is root-relative and breaks under file://");
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, href.Split('#')[0]));
                Assert.True(File.Exists(target), $"{page}: '{href}' does not resolve");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks >= 15, $"only {checkedLinks} links checked");
    }

    [Fact]
    public void HomeLinksEveryArticle()
    {
        var home = File.ReadAllText(Path.Combine(_dossier.Site, "index.html"));
        foreach (var article in Directory.GetFiles(Path.Combine(_dossier.Site, "articles"), "*.html"))
        {
            Assert.Contains($"href=\"articles/{Path.GetFileName(article)}\"", home, StringComparison.Ordinal);
        }
    }
}
