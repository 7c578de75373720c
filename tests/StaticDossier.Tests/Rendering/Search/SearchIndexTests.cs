using System.Text.Json;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering.Search;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering.Search;

/// <summary>The index shards the build writes for the real seeds, read the way search.js reads them.</summary>
public sealed class SearchIndexTests(BuiltRealSite site) : IClassFixture<BuiltRealSite>
{
    private const string Entry = "window.dossierSearchIndex = ";

    [Fact]
    public void EntryFileIsSmallAndNamesEachTermChunk()
    {
        var entry = site.Read("assets/search/index.js");
        Assert.StartsWith(Entry, entry, StringComparison.Ordinal);
        Assert.True(entry.Length < 1024, $"{entry.Length} bytes");
        using var json = JsonDocument.Parse(entry[Entry.Length..].TrimEnd().TrimEnd(';'));
        Assert.Equal(site.PageBySeed.Count, json.RootElement.GetProperty("documents").GetInt32());
        var chunks = json.RootElement.GetProperty("chunks").GetArrayLength();
        for (var c = 0; c < chunks; c++)
        {
            Assert.True(File.Exists(Path.Combine(site.Site, $"assets/search/terms/{c}.js")));
        }

        Assert.False(Directory.Exists(Path.Combine(site.Site, "assets/search/positions")));
    }

    [Fact]
    public void LavrovIsPostedForTheThreeArticlesThatNameHim()
    {
        var urls = DocumentsOf("lavrov").Select(d => Shard($"docs/{d}").GetProperty("url").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "000", "001", "003" }.Select(site.ArticleOf).Order(StringComparer.Ordinal), urls);
    }

    [Fact]
    public void FoldedWordsKeepTheirAccentedSpellings()
    {
        var terms = Shard("terms/0");
        Assert.Contains("phạm", terms.GetProperty("pham")[0].EnumerateArray().Select(s => s.GetString()));
        Assert.False(terms.TryGetProperty("phạm", out _));
        Assert.True(terms.TryGetProperty("dinh", out _), "đ folds to d");
    }

    [Fact]
    public void HoChiMinhHasNoArticleWithAllThreeWords()
    {
        var common = DocumentsOf("ho").Intersect(DocumentsOf("chi")).Intersect(DocumentsOf("minh"));
        Assert.Empty(common);
    }

    [Fact]
    public void ABodyWrittenDecomposedIsIndexedAsTheComposedWords()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var name = "Nguyễn Đình Cống";
        dossier.Write("content/a.md", $"---\ntitle: One\ndate: 2022-01-01\n---\n\nMinister {name.Normalize(System.Text.NormalizationForm.FormD)} spoke.\n");
        dossier.Write("content/b.md", $"---\ntitle: Two\ndate: 2022-01-02\n---\n\nMinister {name} spoke.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        // One spelling, the composed one, for both articles: a decomposed body is normalised before its words are read.
        var term = Term(dossier.Site, "nguyen");
        Assert.Equal(["nguyễn"], term[0].EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(2, Weights(Shard(dossier.Site, "terms/0"), "nguyen").Count);
    }

    [Fact]
    public void TitleWordsWeighMoreThanTheSameWordInTheBody()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: Lavrov visits\ndate: 2022-01-01\n---\n\nThe talks went on for hours today.\n");
        dossier.Write("content/b.md", "---\ntitle: Talks go on\ndate: 2022-01-02\n---\n\nLavrov visits for hours today.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var weights = Weights(Shard(dossier.Site, "terms/0"), "lavrov");
        // b is newer, so it is document 0; a is document 1.
        Assert.True(weights[1] > weights[0], $"title {weights[1]}, body {weights[0]}");
    }

    [Fact]
    public void ArticlesAreNumberedNewestFirstSoLowerIdsWinTies()
    {
        var dates = Enumerable.Range(0, site.PageBySeed.Count)
            .Select(i => Shard($"docs/{i}") is var doc && doc.TryGetProperty("date", out var d) ? d.GetString()!
                : doc.TryGetProperty("period", out var p) ? p.GetString()! : "").ToList();
        var dated = dates.TakeWhile(d => d.Length > 0).ToList();
        Assert.Equal(dated.OrderByDescending(d => d, StringComparer.Ordinal), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.Equal("", d));
    }

    [Fact]
    public void PairsSayWhereWordsStandSideBySideEvenWhenAWordHasManyShardsOfFollowers()
    {
        using var dossier = new TempDossier(withSeeds: false);
        // "kyiv" is followed by 6,000 different words (far more than one shard holds) in a, and by "said" in b only.
        var followers = Enumerable.Range(0, 6000).Select(i => $"w{i:D4}").ToList();
        dossier.Write("content/a.md", "---\ntitle: Many\ndate: 2022-01-01\n---\n\n" + string.Concat(followers.Select(f => $"Kyiv {f}. ")) + "\n");
        dossier.Write("content/b.md", "---\ntitle: Said\ndate: 2022-01-02\n---\n\nKyiv said no. Minh, Kyiv.\n\nAnd said Kyiv.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));

        var where = Term(dossier.Site, "kyiv")[2].EnumerateArray().ToList();
        Assert.True(where.Count > 2, $"the followers span {where.Count - 1} shards after the first");
        // Read as search.js reads them: the shard is the first plus one for each start word at or before the follower.
        List<int> Followed(string first, string second)
        {
            var where = Term(dossier.Site, first)[2].EnumerateArray().ToList();
            var shard = where[0].GetInt32() + where.Skip(1).Count(w => string.CompareOrdinal(w.GetString(), second) <= 0);
            return Shard(dossier.Site, $"pairs/{shard}").TryGetProperty(first, out var f) && f.TryGetProperty(second, out var set)
                ? FacetSets.Decode(set.GetString()!, 2) : [];
        }

        // b is newer, so it is document 0; a is document 1.
        Assert.All(followers, f => Assert.Equal([1], Followed("kyiv", f)));
        Assert.Equal([0], Followed("kyiv", "said"));
        Assert.Empty(Followed("kyiv", "zzz"));
        // Fields never run into each other: the titles "Many" and "Said" are followed by nothing.
        Assert.Equal(2, Term(dossier.Site, "many").GetArrayLength());
        Assert.Equal(3, Term(dossier.Site, "said").GetArrayLength());
        Assert.Equal([0], Followed("said", "no"));
    }

    [Fact]
    public void AFacetListsItsValuesInOrdinalOrderEachArticleOnce()
    {
        using var dossier = new TempDossier(withSeeds: false);
        // Documents newest first: c is 0, b is 1, a is 2; "Émile" sorts after every ASCII name, "Zoe" before "adam".
        dossier.Write("content/a.md", "---\ntitle: One\ndate: 2022-01-01\npeople: [Zoe, Émile, Zoe]\n---\n\nText.\n");
        dossier.Write("content/b.md", "---\ntitle: Two\ndate: 2022-01-02\npeople: [adam, Zoe]\n---\n\nText.\n");
        dossier.Write("content/c.md", "---\ntitle: Three\ndate: 2022-01-03\npeople: [Émile]\n---\n\nText.\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var facet = Shard(dossier.Site, "facets/person");
        var values = facet.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Equal(["Zoe", "adam", "Émile"], values);
        var sets = facet.GetProperty("sets").EnumerateArray().Select(v => FacetSets.Decode(v.GetString()!, 3)).ToList();
        Assert.Equal([[1, 2], [1], [0, 2]], sets);
    }

    private static JsonElement Term(string site, string word)
    {
        var entry = File.ReadAllText(Path.Combine(site, "assets/search/index.js"));
        using var json = JsonDocument.Parse(entry[Entry.Length..].TrimEnd().TrimEnd(';'));
        var chunks = json.RootElement.GetProperty("chunks").EnumerateArray().Select(c => c.GetString()!).ToList();
        var chunk = chunks.FindLastIndex(c => string.CompareOrdinal(c, word) <= 0);
        return Shard(site, $"terms/{chunk}").GetProperty(word);
    }

    private List<int> DocumentsOf(string word) => [.. Weights(word).Keys];

    private Dictionary<int, int> Weights(string word) => Weights(Shard("terms/0"), word);

    private static Dictionary<int, int> Weights(JsonElement terms, string word)
    {
        var result = new Dictionary<int, int>();
        if (!terms.TryGetProperty(word, out var term))
        {
            return result;
        }

        // Read as search.js reads them: the count, then per article its gap, weight and spelling mask.
        var postings = term[1].GetString()!;
        var at = 0;
        var count = SearchDigits.Read(postings, ref at);
        var doc = 0;
        while (at < postings.Length)
        {
            doc += SearchDigits.Read(postings, ref at);
            result[doc] = SearchDigits.Read(postings, ref at);
            _ = SearchDigits.Read(postings, ref at);
        }

        Assert.Equal(count, result.Count);
        return result;
    }

    private JsonElement Shard(string key) => Shard(site.Site, key);

    private static JsonElement Shard(string folder, string key)
    {
        var text = File.ReadAllText(Path.Combine(folder, $"assets/search/{key}.js"));
        var prefix = $"dossierSearchLoaded(\"{key}\",";
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        return JsonDocument.Parse(text[prefix.Length..].TrimEnd().TrimEnd(';').TrimEnd(')')).RootElement.Clone();
    }
}
