using StaticDossier.Diagnostics;
using StaticDossier.Building;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering.Search;

/// <summary>The search shards a long-lived builder (<c>serve</c>) keeps between builds: after every edit of a random
/// sequence its <c>assets/search/</c> is byte for byte a fresh build's, and a one-article edit makes again only the
/// entries of that article's words and its own document, and the pairs only of words whose followers changed; and the
/// index those shards are written from, spliced from the last one, is the one a whole build makes.</summary>
public sealed class ShardMemoTests
{
    private static readonly string[] Words = ["hanoi", "moscow", "talks", "oil", "rice", "minister", "visit", "treaty", "ukraine", "war", "evacuation", "students", "bank", "rouble", "dong", "ship", "port", "lavrov", "putin", "grain", "the", "of", "and", "said", "trade", "energy", "Việt", "Nam", "Phạm", "Minh"];

    /// <param name="pieceBytes">The size a word's pair pieces aim at: the site's own, or so small that every common
    /// word's pairs span several pieces, which a patch must cut again as a fresh build does.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void AfterEveryEditTheShardsAreAFreshBuildsAndOnlyWhatTheEditTouchesIsMadeAgain(int pieceBytes)
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(31);
        var bodies = new Dictionary<int, string>();
        var titles = new Dictionary<int, string>();
        var dates = new Dictionary<int, int>();
        var tags = new Dictionary<int, string>();
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";
        void Write(int i) => dossier.Write($"content/a{i:000}.md", $"---\ntitle: {titles[i]}\ndate: 2022-{1 + (dates[i] / 28):00}-{1 + (dates[i] % 28):00}\ntags: [{tags.GetValueOrDefault(i)}]\n---\n\n{bodies[i]}\n");
        for (var i = 0; i < 60; i++)
        {
            (bodies[i], titles[i], dates[i]) = ($"{Sentence(20)} Only{i}word {Sentence(15)}", $"Report {i} {Words[i % Words.Length]}", i * 3);
            Write(i);
        }

        StaticDossier.Rendering.Incremental.RenderMemo Memo() => pieceBytes == 0 ? new() : new() { Search = new() { PairPieceBytes = pieceBytes } };
        var live = new LiveBuild();
        var memo = Memo();
        var next = 60;
        var spliced = 0;
        var previous = new Dictionary<string, byte[]>();
        string[] kinds = ["body", "title", "longer", "date", "add", "body", "delete", "title", "longer", "new-word", "body", "twice", "body", "title", "body", "tags", "tags", "title", "word-back"];
        var renamed = -1;
        for (var step = 0; step <= kinds.Length; step++)
        {
            var kind = step == 0 ? "none" : kinds[step - 1];
            var keys = bodies.Keys.Order().ToList();
            var pick = keys[random.Next(keys.Count)];
            switch (kind)
            {
                case "body":
                    // As many words as before, so the average length and every other article's weights stay.
                    bodies[pick] = $"{Sentence(20)} Only{pick}word {Sentence(15)}";
                    Write(pick);
                    break;
                case "longer":
                    // Most often a new average length (to a quarter word): every weight is computed again and compared
                    // with the one kept.
                    bodies[pick] += " " + Sentence(12);
                    Write(pick);
                    break;
                case "twice":
                    // The same words followed by the same words, but for the one where the copy begins: every weight
                    // moves (a new average length), the pairs of one or two words.
                    bodies[pick] = bodies[pick] + " " + bodies[pick];
                    Write(pick);
                    break;
                case "new-word":
                    bodies[pick] = bodies[pick].Replace($"Only{pick}word", "Zyxwvu", StringComparison.Ordinal);
                    Write(pick);
                    renamed = pick;
                    break;
                case "word-back":
                    // A word no article had in the builds since comes back, in another article: its entry and pairs are
                    // made from this build's articles, not from what was kept when it was last a word.
                    pick = keys.First(k => k != renamed);
                    bodies[pick] += $" Only{renamed}word zzfollows.";
                    Write(pick);
                    break;
                case "title":
                    titles[pick] = $"Report {pick} {Words[random.Next(Words.Length)]}";
                    Write(pick);
                    break;
                case "tags":
                    // A tag given or taken: the tag facet is written again, the other facets kept.
                    tags[pick] = tags.GetValueOrDefault(pick) is { Length: > 0 } ? "" : Words[random.Next(8)];
                    Write(pick);
                    break;
                case "date":
                    dates[pick] = random.Next(0, 200);
                    Write(pick);
                    break;
                case "add":
                    (bodies[next], titles[next], dates[next]) = (Sentence(30), $"Report {next}", random.Next(0, 200));
                    Write(next++);
                    break;
                case "delete":
                    bodies.Remove(pick);
                    File.Delete(dossier.PathOf($"content/a{pick:000}.md"));
                    break;
            }

            // As serve builds: the memo and the bodies kept in memory between builds.
            var config = Dossier.Config(dossier);
            var diagnostics = new DiagnosticBag();
            Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = memo, Live = live }.Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
            // A fresh build: with the site's own piece size, a one-off build's; else a first live build's.
            var fresh = pieceBytes == 0 ? new SiteBuilder(config with { OutputDir = "_full" }) : new SiteBuilder(config with { OutputDir = "_full" }) { Cache = BuildCacheMode.Off, Memo = Memo() };
            Assert.True(fresh.Build(new DiagnosticBag()).Succeeded);
            var served = Search(dossier.Site);
            var full = Search(dossier.PathOf("_full"));
            var context = $"step {step} ({kind} of a{pick:000})";
            Assert.Equal(full.Keys, served.Keys);
            foreach (var (path, bytes) in full)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(served[path]), $"{path} differs after {context}");
            }

            // The index itself, spliced from the last one after a small edit, is the one made whole from the same parses.
            var search = memo.Search;
            var index = search.Last!;
            Assert.Null(index.Difference(StaticDossier.Rendering.Search.SearchIndex.Whole(index.Documents, search.Vocabulary)));
            if (kind is "body" or "title" or "longer" or "new-word" or "twice")
            {
                Assert.True(search.Spliced > spliced, $"the index was made whole after {context}");
            }

            spliced = search.Spliced;
            var shards = memo.Search.Shards;
            if (kind is "body" or "title" or "longer" or "new-word")
            {
                Assert.True(shards.DocumentsMade == 1, $"{shards.DocumentsMade} documents made after {context}");
            }

            if (step > 0 && kind is not ("add" or "delete"))
            {
                // A facet is written again exactly when an article's values in it changed, so its file did.
                var changedFacets = full.Keys.Where(k => k.StartsWith("facets", StringComparison.Ordinal) && !full[k].AsSpan().SequenceEqual(previous[k]))
                    .Select(k => Path.GetFileNameWithoutExtension(k)).Order(StringComparer.Ordinal);
                Assert.Equal(string.Join(' ', changedFacets), string.Join(' ', shards.FacetsMade.Order(StringComparer.Ordinal)));
            }

            if (kind is "tags")
            {
                Assert.Equal("tag", string.Join(' ', shards.FacetsMade));
            }

            previous = full;

            if (kind is "twice")
            {
                Assert.True(shards.TermsMade > 20 && shards.PairsMade <= 2, $"{shards.TermsMade} terms made, {shards.PairsMade} with their pairs, after {context}");
            }

            if (kind is "body" or "title" or "new-word")
            {
                // The entries of the edited article's words (its old and its new ones: about 35 of some 95 terms) are
                // made again, not every term's.
                Assert.True(shards.TermsMade is > 0 and < 50, $"{shards.TermsMade} terms made after {context}");
            }

            if (kind is "body")
            {
                // As many words as before: the words it kept and still has are patched, not made whole; and the pairs of
                // words whose followers changed are patched from the kept pieces, not made again (no new word).
                Assert.True(shards.TermsPatched > 0, $"no entry patched after {context}");
                Assert.True(shards.PairsPatched > 0 && shards.PairsMade == 0, $"{shards.PairsMade} terms' pairs made, {shards.PairsPatched} patched after {context}");
            }
        }
    }

    private static Dictionary<string, byte[]> Search(string site)
    {
        var folder = Path.Combine(site, "assets", "search");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal);
    }
}
