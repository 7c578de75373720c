using StaticDossier.Building;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Building;

/// <summary><c>serve</c>'s saves append what they changed to the build state's journal instead of writing the state
/// whole; a crash anywhere in that journal leaves a state the next build may trust, or none.</summary>
public sealed partial class IncrementalBuildTests
{
    /// <summary>After a random sequence of serve saves, the state on disk (build.json and its journal) is the one serve
    /// holds, and build.json was written once. Then the journal is cut at every line end and inside every line, as a
    /// crash would leave it: each cut loads either nothing or the state after one of the saves, and a state whose records
    /// match the outputs on disk is the last one (so no build is skipped wrongly); a build after a cut save gives a full
    /// build's bytes.</summary>
    [Fact]
    public void ACrashAnywhereInTheJournalLeavesAStateTheNextBuildCanTrustOrNone()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(4242);
        var articles = RandomArticles(random, 10);

        var live = new LiveBuild();
        var next = articles.Count;
        var cacheDir = new SiteBuilder(Dossier.Config(dossier)).CacheDirectory;
        var journal = Path.Combine(cacheDir, "build.journal");
        var states = new List<(string Inputs, Dictionary<string, StaticDossier.Publishing.OutputRecord> Outputs)>();
        byte[]? baseState = null;
        // Each kind of save: records changed, added (an article) and removed (one deleted).
        string[] edits = ["none", "body", "title", "delete", "add", "tag", "date", "delete", "person"];
        foreach (var edit in edits)
        {
            var (name, article, _) = Pick(random, articles);
            _ = edit switch
            {
                "body" => Edit(articles, name, article with { Body = Article.Text(random, 30) }, edit),
                "title" => Edit(articles, name, article with { Title = Article.Text(random, 4) }, edit),
                "tag" => Edit(articles, name, article with { Tags = Toggle(article.Tags, AllTags[random.Next(AllTags.Length)]) }, edit),
                "person" => Edit(articles, name, article with { People = Toggle(article.People, AllPeople[random.Next(AllPeople.Length)]) }, edit),
                "date" => Edit(articles, name, article with { Date = "2019-01-01" }, edit),
                "add" => Edit(articles, $"a{next++:00}", Article.Random(random, next), edit),
                "delete" => Delete(articles, name, dossier),
                _ => edit,
            };
            WriteAll(dossier, articles);
            var diagnostics = new DiagnosticBag();
            Assert.True(new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
            var held = live.State!;
            states.Add((held.Inputs, new(held.Outputs, StringComparer.Ordinal)));

            // What is on disk is what serve holds; build.json is the first build's, the saves are lines of the journal.
            var loaded = BuildState.Load(cacheDir)!;
            Assert.Equal(held.Inputs, loaded.Inputs);
            Assert.Equal(held.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal), loaded.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal));
            baseState ??= File.ReadAllBytes(Path.Combine(cacheDir, "build.json"));
            Assert.Equal(baseState, File.ReadAllBytes(Path.Combine(cacheDir, "build.json")));
        }

        var whole = File.ReadAllBytes(journal);
        // The first line names build.json; then per save a line that forgets and one that records it.
        Assert.Equal(1 + (2 * (edits.Length - 1)), whole.Count(b => b == (byte)'\n'));
        var last = states[^1];
        var cuts = new SortedSet<int>();
        for (var at = 0; at < whole.Length; at++)
        {
            if (whole[at] == (byte)'\n')
            {
                cuts.UnionWith([at, at + 1, Math.Max(0, at - 7)]);
            }
        }

        var trusted = 0;
        foreach (var cut in cuts)
        {
            File.WriteAllBytes(journal, whole[..cut]);
            var loadedAt = BuildState.Load(cacheDir);
            // Killed while a save was publishing (its forgetting line written, its record not): nothing is trusted.
            var text = System.Text.Encoding.UTF8.GetString(whole[..cut]);
            if (text.EndsWith("{\"forget\":true}\n", StringComparison.Ordinal))
            {
                Assert.Null(loadedAt);
            }

            if (loadedAt is not { } state)
            {
                continue;
            }

            trusted++;
            var same = states.FindIndex(s => s.Inputs == state.Inputs && s.Outputs.Count == state.Outputs.Count
                && s.Outputs.All(o => state.Outputs.TryGetValue(o.Key, out var r) && r == o.Value));
            Assert.True(same >= 0, $"cut at {cut} of {whole.Length}: a state no save had");
            if (state.OutputsIntact(dossier.Site))
            {
                Assert.True(same == states.Count - 1 || (states[same].Inputs == last.Inputs && states[same].Outputs.All(o => last.Outputs[o.Key] == o.Value)),
                    $"cut at {cut}: the outputs on disk match the records of save {same} of {states.Count}");
            }
        }

        Assert.True(trusted > 1);

        // A crash in the middle of the last save's line: the next build (a one-off, as after a restart) is a full build's.
        var lastLine = Array.LastIndexOf(whole, (byte)'\n', whole.Length - 2);
        File.WriteAllBytes(journal, whole[..(lastLine + 10)]);
        Assert.Null(BuildState.Load(cacheDir));
        Assert.True(new SiteBuilder(Dossier.Config(dossier)) { Cache = BuildCacheMode.Reuse }.Build(new DiagnosticBag()).Succeeded);
        Assert.True(new SiteBuilder(Dossier.Config(dossier) with { OutputDir = "_full" }).Build(new DiagnosticBag()).Succeeded);
        var expected = Files(dossier.PathOf("_full"));
        var built = Files(dossier.Site);
        Assert.Equal(expected.Keys, built.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(built[path]), $"{path} differs after a build that followed a torn journal");
        }

        // The one-off build wrote the state whole again, with no journal.
        Assert.False(File.Exists(journal));
        Assert.NotNull(BuildState.Load(cacheDir));
    }
}
