using StaticDossier.Building;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Building;

/// <summary><c>serve</c>'s builds told by its watcher which paths changed: they look only at those, and their site is
/// byte for byte a full build's; whatever the paths cannot account for alone lists every file again.</summary>
public sealed partial class IncrementalBuildTests
{
    /// <summary>After every step of a random sequence of edits (bodies, titles, dates, people, tags, articles added and
    /// deleted, templates, site.yml), a build told the paths that changed (as a watcher reports them) leaves the site a
    /// full build without cache leaves, reads only those files and never lists every input again.</summary>
    [Fact]
    public void WatchedBuildsLookOnlyAtTheChangedPathsAndGiveTheFullBuildsBytes()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(909);
        var articles = RandomArticles(random, 12);

        WriteAll(dossier, articles);
        var live = new LiveBuild();
        live.Watched();
        var next = articles.Count;
        var edits = new List<string>();
        var before = Inputs(dossier);
        for (var step = 0; step < 24; step++)
        {
            var edit = step == 0 ? "none" : RandomEdit(random, articles, dossier, step, ref next);
            WriteAll(dossier, articles);
            var now = Inputs(dossier);
            var changed = now.Keys.Union(before.Keys).Where(p => !before.TryGetValue(p, out var old) || !now.TryGetValue(p, out var bytes) || !old.AsSpan().SequenceEqual(bytes)).ToList();
            before = now;
            edits.Add(edit);
            var context = $"after step {step} ({string.Join(", ", edits)})";
            live.Saw(changed);
            var read = live.FilesRead;
            var config = Dossier.Config(dossier);
            var diagnostics = new DiagnosticBag();
            Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(diagnostics).Succeeded, string.Join('\n', diagnostics) + context);
            Assert.True(new SiteBuilder(config with { OutputDir = "_full" }) { Cache = BuildCacheMode.Off }.Build(new DiagnosticBag()).Succeeded, context);
            AssertSameFiles(dossier.PathOf("_full"), dossier.Site, context);
            Assert.Equal(1, live.Listings);
            if (step > 0)
            {
                Assert.True(changed.Count(File.Exists) == live.FilesRead - read, $"{changed.Count} changed, {live.FilesRead - read} read {context}");
            }
        }
    }

    /// <summary>When the watcher lost count (its event queue overflowed), the next build lists and checks every file:
    /// a save it never reported is in the site.</summary>
    [Fact]
    public void AWatcherThatLostCountListsEveryFileAgain()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal)
        {
            ["a00"] = new("First title", "2024-01-01", [], [], "Alpha beta gamma."),
            ["a01"] = new("Second title", "2024-01-02", [], [], "Delta epsilon."),
        };
        WriteAll(dossier, articles);
        var live = new LiveBuild();
        live.Watched();
        var config = Dossier.Config(dossier);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);

        articles["a00"] = articles["a00"] with { Title = "Unreported title" };
        WriteAll(dossier, articles);
        live.Saw(null);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);
        Assert.Contains("Unreported title", File.ReadAllText(dossier.PathOf("_site/articles/a00.html")), StringComparison.Ordinal);
        Assert.Equal(2, live.Listings);

        // Counted afresh after that listing: a reported save is looked at alone.
        articles["a01"] = articles["a01"] with { Title = "Reported title" };
        WriteAll(dossier, articles);
        live.Saw([dossier.PathOf("content/a01.md")]);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);
        Assert.Equal(2, live.Listings);
        Assert.Contains("Reported title", File.ReadAllText(dossier.PathOf("_site/articles/a01.html")), StringComparison.Ordinal);
    }

    /// <summary>A folder moved into content/ is reported as the folder alone (its files are not): the build lists every
    /// file again and publishes the articles in it.</summary>
    [Fact]
    public void AFolderMovedInListsEveryFileAgain()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal) { ["a00"] = new("First title", "2024-01-01", [], [], "Alpha beta gamma.") };
        WriteAll(dossier, articles);
        var live = new LiveBuild();
        live.Watched();
        var config = Dossier.Config(dossier);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);

        var outside = dossier.PathOf("drafts");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "moved.md"), new Article("Moved in", "2024-02-01", [], [], "Zeta eta.").ToMarkdown());
        Directory.Move(outside, dossier.PathOf("content/2024"));
        live.Saw([dossier.PathOf("content/2024")]);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);
        Assert.True(File.Exists(dossier.PathOf("_site/articles/moved.html")));
        Assert.Equal(2, live.Listings);
    }

    /// <summary>A dossier holding a link (here a page linked from elsewhere in the dossier) is listed whole in every
    /// build: the linked file changes where no watcher of content/ looks.</summary>
    [Fact]
    public void ADossierWithALinkIsListedWholeInEveryBuild()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal) { ["a00"] = new("First title", "2024-01-01", [], [], "Alpha beta gamma.") };
        WriteAll(dossier, articles);
        var target = dossier.PathOf("elsewhere/linked.md");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, new Article("Linked title", "2024-02-01", [], [], "Zeta eta.").ToMarkdown());
        File.CreateSymbolicLink(dossier.PathOf("content/linked.md"), target);
        var live = new LiveBuild();
        live.Watched();
        var config = Dossier.Config(dossier);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);

        File.WriteAllText(target, new Article("Changed through the link", "2024-02-01", [], [], "Zeta eta.").ToMarkdown());
        live.Saw([]);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);
        Assert.Contains("Changed through the link", File.ReadAllText(dossier.PathOf("_site/articles/linked.html")), StringComparison.Ordinal);
        Assert.Equal(2, live.Listings);
    }

    /// <summary>Every input file (content/, templates/, site.yml) by full path, as a watcher would see them.</summary>
    private static Dictionary<string, byte[]> Inputs(TempDossier dossier) =>
        new[] { dossier.PathOf("content"), dossier.PathOf("templates") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Append(dossier.SiteYml)
            .ToDictionary(Path.GetFullPath, File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameFiles(string expectedDir, string actualDir, string context)
    {
        var expected = Files(expectedDir);
        var actual = Files(actualDir);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs {context}");
        }
    }
}
