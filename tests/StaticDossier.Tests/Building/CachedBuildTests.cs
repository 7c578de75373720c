using StaticDossier.Building;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Building;

public sealed class CachedBuildTests
{
    [Fact]
    public void SecondBuildWithNoChangeDoesNothing()
    {
        using var dossier = NewDossier();
        var first = Build(dossier);
        Assert.True(first.Succeeded);
        Assert.Equal(first.Files, first.Written);
        var times = Times(dossier);

        var second = Build(dossier);
        Assert.True(second.UpToDate);
        Assert.Equal(0, second.Written);
        Assert.Equal(times, Times(dossier));
    }

    [Fact]
    public void ChangedArticleRewritesOnlyWhatChanged()
    {
        using var dossier = NewDossier();
        Build(dossier);
        var before = Times(dossier);
        // Lists show an article's summary and reading time: the summary given keeps them as they were ("Body b.").
        dossier.Write("content/b.md", "---\ntitle: Bravo\ndate: 2024-02-02\nsummary: Body b.\n---\n\nA changed body.\n");

        var summary = Build(dossier);
        Assert.False(summary.UpToDate);
        // The article, and the site-wide files that carry its text (search index, feed, downloads); nothing else.
        var rewritten = Changed(before, Times(dossier));
        Assert.Equal(rewritten.Count, summary.Written);
        Assert.Contains("articles/b.html", rewritten);
        Assert.DoesNotContain(rewritten, f => f.EndsWith(".html", StringComparison.Ordinal) && f != "articles/b.html");
        Assert.Equal(1, summary.RenderedBodies);
        Assert.Equal(2, summary.CachedBodies);
        Assert.Contains("A changed body.", File.ReadAllText(Path.Combine(dossier.Site, "articles", "b.html")), StringComparison.Ordinal);
        var after = Times(dossier);
        Assert.NotEqual(before["articles/b.html"], after["articles/b.html"]);
        Assert.Equal(before["articles/a.html"], after["articles/a.html"]);
        Assert.Equal(before["index.html"], after["index.html"]);
    }

    [Fact]
    public void ChangedTitleRewritesTheIndexToo()
    {
        using var dossier = NewDossier();
        Build(dossier);
        var before = Times(dossier);
        dossier.Write("content/c.md", Page("Charlie renamed", "2024-03-03", "Body c."));

        var summary = Build(dossier);
        var rewritten = Changed(before, Times(dossier));
        Assert.Equal(rewritten.Count, summary.Written);
        Assert.Contains("articles/c.html", rewritten);
        Assert.Contains("index.html", rewritten);
        Assert.DoesNotContain("articles/a.html", rewritten);
        Assert.Contains("Charlie renamed", File.ReadAllText(Path.Combine(dossier.Site, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedTemplateRebuildsEveryPageThatUsesIt()
    {
        using var dossier = NewDossier();
        Build(dossier);
        var baseTemplate = dossier.PathOf("templates/base.sbn");
        File.WriteAllText(baseTemplate, File.ReadAllText(baseTemplate).Replace("</footer>", "<p>new footer</p></footer>", StringComparison.Ordinal));

        var summary = Build(dossier);
        var pages = Directory.EnumerateFiles(dossier.Site, "*.html", SearchOption.AllDirectories).Count();
        Assert.Equal(pages, summary.Written);
        foreach (var page in new[] { "index.html", "articles/a.html", "articles/b.html", "articles/c.html" })
        {
            Assert.Contains("new footer", File.ReadAllText(Path.Combine(dossier.Site, page)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IncrementalOutputEqualsAFullBuild()
    {
        using var dossier = NewDossier();
        Build(dossier);
        dossier.Write("content/a.md", Page("Alpha", "2024-01-01", "Now with a [link](https://example.org/x)."));
        File.Delete(dossier.PathOf("content/c.md"));
        dossier.Write("content/d.md", Page("Delta", "2024-04-04", "Body d."));
        var incremental = Build(dossier);
        Assert.Equal(1, incremental.Removed);
        var incrementalFiles = Snapshot(dossier.Site);

        var full = Build(dossier, useCache: false);
        Assert.Equal(full.Files, full.Written);
        var fullFiles = Snapshot(dossier.Site);
        foreach (var (path, text) in fullFiles)
        {
            // Name the first file that differs, and where, rather than two whole dictionaries.
            var other = incrementalFiles.GetValueOrDefault(path);
            if (other != text)
            {
                var at = 0;
                while (other is not null && at < Math.Min(text.Length, other.Length) && text[at] == other[at])
                {
                    at++;
                }

                var from = Math.Max(0, at - 120);
                Assert.Fail($"{path} differs at {at}: full build «{text[from..Math.Min(text.Length, at + 120)]}», incremental «{other?[from..Math.Min(other.Length, at + 120)]}»");
            }
        }

        Assert.Equal(incrementalFiles, fullFiles);
    }

    [Fact]
    public void HandEditedOutputIsRebuilt()
    {
        using var dossier = NewDossier();
        Build(dossier);
        var page = Path.Combine(dossier.Site, "articles", "a.html");
        var original = File.ReadAllText(page);
        File.WriteAllText(page, "edited by hand");

        var summary = Build(dossier);
        Assert.False(summary.UpToDate);
        Assert.Equal(original, File.ReadAllText(page));
    }

    /// <summary>An unchanged page is carried over only when the published file holds exactly its bytes: an edit that
    /// keeps the file's size and time (as a careful tool might) is still undone when anything else brings a rebuild.</summary>
    [Fact]
    public void AnEditKeepingSizeAndTimeIsStillRewritten()
    {
        using var dossier = NewDossier();
        Build(dossier);
        var page = Path.Combine(dossier.Site, "articles", "a.html");
        var original = File.ReadAllBytes(page);
        var time = File.GetLastWriteTimeUtc(page);
        var edited = (byte[])original.Clone();
        edited[^2] = (byte)(edited[^2] == (byte)'x' ? 'y' : 'x');
        File.WriteAllBytes(page, edited);
        File.SetLastWriteTimeUtc(page, time);
        dossier.Write("content/b.md", Page("Bravo", "2024-02-02", "A changed body."));

        var summary = Build(dossier);
        Assert.False(summary.UpToDate);
        Assert.Equal(original, File.ReadAllBytes(page));
        Assert.NotEqual(time, File.GetLastWriteTimeUtc(page));
    }

    [Fact]
    public void StrayFileInTheOutputIsRemovedAsAFullBuildWould()
    {
        using var dossier = NewDossier();
        Build(dossier);
        File.WriteAllText(Path.Combine(dossier.Site, "articles", "stray.html"), "left behind");

        var summary = Build(dossier);
        Assert.False(summary.UpToDate);
        Assert.False(File.Exists(Path.Combine(dossier.Site, "articles", "stray.html")));
    }

    [Fact]
    public void DeletedOutputFolderIsRebuilt()
    {
        using var dossier = NewDossier();
        Build(dossier);
        Directory.Delete(dossier.Site, recursive: true);

        var summary = Build(dossier);
        Assert.False(summary.UpToDate);
        Assert.True(File.Exists(Path.Combine(dossier.Site, "index.html")));
    }

    [Fact]
    public void FailedBuildKeepsThePreviousSiteAndTrustsNothing()
    {
        using var dossier = NewDossier();
        Build(dossier);
        var index = File.ReadAllText(Path.Combine(dossier.Site, "index.html"));
        var article = dossier.PathOf("templates/article.sbn");
        var good = File.ReadAllText(article);
        File.WriteAllText(article, "{{ for x in }}broken");

        var diagnostics = new DiagnosticBag();
        var failed = new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse }.Build(diagnostics);
        Assert.False(failed.Succeeded);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.TemplateSyntax);
        Assert.Equal(index, File.ReadAllText(Path.Combine(dossier.Site, "index.html")));

        File.WriteAllText(article, good);
        var fixedBuild = Build(dossier);
        Assert.True(fixedBuild.Succeeded);
    }

    [Fact]
    public void UpToDateBuildRepeatsTheWarningsOfTheBuildItSkips()
    {
        using var dossier = NewDossier();
        var first = new DiagnosticBag();
        new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse }.Build(first);

        // A warning recorded in the cache must come back when the build is skipped.
        var cacheDir = new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse }.CacheDirectory;
        var state = BuildState.Load(cacheDir)!;
        state.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "SD0399", "kept warning", new SourceLocation("content/a.md", 2, 1)));
        state.Save(cacheDir);

        var second = new DiagnosticBag();
        var summary = new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse }.Build(second);
        Assert.True(summary.UpToDate);
        var warning = Assert.Single(second);
        Assert.Equal("content/a.md(2,1): warning SD0399: kept warning", warning.ToString());
    }

    [Fact]
    public void WithTheCacheOffNothingIsWrittenBesideTheSite()
    {
        using var dossier = NewDossier();
        var builder = new SiteBuilder(Dossier.Config(dossier));

        var summary = builder.Build(new DiagnosticBag());

        Assert.True(summary.Succeeded);
        Assert.True(File.Exists(Path.Combine(dossier.Site, "articles", "a.html")));
        Assert.False(Directory.Exists(builder.CacheDirectory));
    }

    [Fact]
    public void CacheIsNeverPublished()
    {
        using var dossier = NewDossier();
        var builder = new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse };
        builder.Build(new DiagnosticBag());
        Assert.True(Directory.Exists(builder.CacheDirectory));
        Assert.False(Path.GetFullPath(builder.CacheDirectory).StartsWith(Path.GetFullPath(dossier.Site) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var cacheNames = Directory.EnumerateFiles(builder.CacheDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(cacheNames);
        Assert.DoesNotContain(Directory.EnumerateFiles(dossier.Site, "*", SearchOption.AllDirectories), f => cacheNames.Contains(Path.GetFileName(f)));
    }

    [Fact]
    public void BrokenLinkFoundWhileStagingPublishesNothing()
    {
        using var dossier = NewDossier();
        Build(dossier);
        var before = Times(dossier);
        var content = File.ReadAllText(Path.Combine(dossier.Site, "articles", "a.html"));
        dossier.Write("content/b.md", Page("Bravo", "2024-02-02", "See [nowhere](missing-page.html)."));

        var diagnostics = new DiagnosticBag();
        var summary = new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse }.Build(diagnostics);

        Assert.False(summary.Succeeded);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.BrokenLink && d.Location.Path == "_site/articles/b.html");
        Assert.Equal(before, Times(dossier));
        Assert.Equal(content, File.ReadAllText(Path.Combine(dossier.Site, "articles", "a.html")));
        // The staged copy is gone too: only the site, its cache and the dossier's own folders remain.
        Assert.DoesNotContain(Directory.EnumerateDirectories(dossier.Root), d => Path.GetFileName(d).Contains("staging", StringComparison.Ordinal));
        Assert.Contains("Body b.", File.ReadAllText(Path.Combine(dossier.Site, "articles", "b.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFingerprintKeepsTheContentPagesItReadAndNothingElse()
    {
        using var dossier = NewDossier();
        dossier.Write("content/notes.txt", "not a page");
        var pages = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var config = Dossier.Config(dossier);

        var fingerprint = BuildFingerprint.Compute(config, pages);

        Assert.Equal(BuildFingerprint.Compute(config), fingerprint);
        Assert.Equal(["a.md", "b.md", "c.md"], pages.Keys.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(dossier.PathOf("content/b.md")), pages[Path.GetFullPath(dossier.PathOf("content/b.md"))]);
    }

    [Fact]
    public void PagesAlreadyReadAreParsedFromThoseBytesNotFromTheDisk()
    {
        using var dossier = NewDossier();
        var path = Path.GetFullPath(dossier.PathOf("content/b.md"));
        var reader = new StaticDossier.Content.ContentPageReader(dossier.Root)
        {
            ReadAlready = p => p == path ? System.Text.Encoding.UTF8.GetBytes(Page("Hashed", "2024-02-02", "The bytes that were hashed.")) : null,
        };

        var pages = reader.ReadAll(dossier.Content, new DiagnosticBag());

        Assert.Equal(["Alpha", "Hashed", "Charlie"], pages.Select(p => p.Meta.Title));
    }

    internal static TempDossier NewDossier()
    {
        var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", Page("Alpha", "2024-01-01", "Body a."));
        dossier.Write("content/b.md", Page("Bravo", "2024-02-02", "Body b."));
        dossier.Write("content/c.md", Page("Charlie", "2024-03-03", "Body c."));
        return dossier;
    }

    internal static string Page(string title, string date, string body) =>
        $"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n";

    private static BuildSummary Build(TempDossier dossier, bool useCache = true)
    {
        var diagnostics = new DiagnosticBag();
        var summary = new SiteBuilder(Dossier.Config(dossier)) { Cache = useCache ? BuildCacheMode.Reuse : BuildCacheMode.Refresh }.Build(diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        return summary;
    }

    private static List<string> Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        [.. after.Where(kv => !before.TryGetValue(kv.Key, out var t) || t != kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal)];

    // Inode-level identity is not portable; the write time (at full precision) shows whether a file was rewritten.
    private static Dictionary<string, long> Times(TempDossier dossier) =>
        Directory.EnumerateFiles(dossier.Site, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dossier.Site, f).Replace('\\', '/'), f => File.GetLastWriteTimeUtc(f).Ticks, StringComparer.Ordinal);

    private static SortedDictionary<string, string> Snapshot(string site) =>
        new(Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(site, f), File.ReadAllText, StringComparer.Ordinal), StringComparer.Ordinal);
}
