using StaticDossier.Building;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Serving;
using StaticDossier.Tests.Building;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Serving;

public sealed class PreviewSessionTests
{
    [Fact]
    public async Task EditedArticleIsRebuiltAndServed()
    {
        using var dossier = CachedBuildTests.NewDossier();
        var builds = new List<BuildSummary>();
        await using var session = PreviewSession.Start(Load(dossier), 0, TimeSpan.FromMilliseconds(100), (s, _) => { lock (builds) { builds.Add(s); } })!;
        Assert.NotNull(session);
        var server = Server(session);
        var version = PreviewServerTests.Body(await PreviewServerTests.RawGet(server, "/__dossier/version"));
        Assert.Contains("Body a.", await PreviewServerTests.RawGet(server, "/articles/a.html"), StringComparison.Ordinal);

        dossier.Write("content/a.md", CachedBuildTests.Page("Alpha", "2024-01-01", "Body a, edited while serving."));

        var page = await WaitFor(server, version);
        Assert.Contains("Body a, edited while serving.", page, StringComparison.Ordinal);
        Assert.Contains("/__dossier/reload.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("reload.js", File.ReadAllText(Path.Combine(dossier.Site, "articles", "a.html")), StringComparison.Ordinal);
    }

    /// <summary>An article added while serving is published, and one deleted is removed, by builds that look only at the
    /// paths the watcher reported: every input is listed once, for the first build.</summary>
    [Fact]
    public async Task ArticlesAddedAndDeletedWhileServingAreSeenFromTheWatchedPaths()
    {
        using var dossier = CachedBuildTests.NewDossier();
        await using var session = PreviewSession.Start(Load(dossier), 0, TimeSpan.FromMilliseconds(100), (_, _) => { })!;
        var server = Server(session);

        var version = PreviewServerTests.Body(await PreviewServerTests.RawGet(server, "/__dossier/version"));
        dossier.Write("content/added.md", CachedBuildTests.Page("Added", "2024-03-01", "Body added while serving."));
        await WaitFor(server, version);
        Assert.Contains("Body added while serving.", await PreviewServerTests.RawGet(server, "/articles/added.html"), StringComparison.Ordinal);

        version = PreviewServerTests.Body(await PreviewServerTests.RawGet(server, "/__dossier/version"));
        File.Delete(dossier.PathOf("content/added.md"));
        await WaitFor(server, version);
        Assert.False(File.Exists(Path.Combine(dossier.Site, "articles", "added.html")));
        Assert.Equal(1, session.Live.Listings);
    }

    [Fact]
    public async Task BrokenTemplateKeepsTheLastGoodSite()
    {
        using var dossier = CachedBuildTests.NewDossier();
        var failures = 0;
        await using var session = PreviewSession.Start(Load(dossier), 0, TimeSpan.FromMilliseconds(100), (s, _) =>
        {
            if (!s.Succeeded)
            {
                Interlocked.Increment(ref failures);
            }
        })!;
        var server = Server(session);
        var version = server.Version;

        dossier.Write("templates/article.sbn", "{{ for x in }}broken");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Volatile.Read(ref failures) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(Volatile.Read(ref failures) > 0);
        Assert.Equal(version, server.Version);
        Assert.Contains("Body a.", await PreviewServerTests.RawGet(server, "/articles/a.html"), StringComparison.Ordinal);
    }

    private static Func<DiagnosticBag, SiteConfig?> Load(TempDossier dossier) => _ => Dossier.Config(dossier);

    private static PreviewServer Server(PreviewSession session) => session.Server;

    private static async Task<string> WaitFor(PreviewServer server, string oldVersion)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (PreviewServerTests.Body(await PreviewServerTests.RawGet(server, "/__dossier/version")) != oldVersion)
            {
                return await PreviewServerTests.RawGet(server, "/articles/a.html");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The preview did not rebuild within 20 s of the edit.");
        return string.Empty;
    }
}
