using StaticDossier.Analysis;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Search;

namespace StaticDossier.Tests.Rendering.Search;

/// <summary>A one-off build finds the pairs of a range of terms by walking the articles in order
/// (<see cref="SearchIndex.PairSweep"/>) instead of walking each term's postings: every term's pairs must be the same,
/// however the terms are cut into ranges.</summary>
public sealed class PairSweepTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(200)]
    [InlineData(SearchIndex.SweepPostings)]
    public void EachTermHasThePairsItsPostingsGiveWhateverTheRanges(int postings)
    {
        var index = SearchIndex.Build(Model());
        var ranges = index.SweepRanges(postings);
        Assert.Equal(0, ranges[0].First);
        Assert.Equal(index.Words.Length, ranges[^1].End);
        Assert.True(postings > 1_000 ? ranges.Count == 1 : ranges.Count > 10, $"{ranges.Count} ranges");
        var pairs = 0;
        var sweep = index.Sweeper();
        foreach (var (first, end) in ranges)
        {
            Assert.True(first < end);
            sweep.Sweep(first, end);
            for (var t = first; t < end; t++)
            {
                var expected = Listed(index.PairsOf(t));
                Assert.Equal(expected, Listed(index.PairsOf(t, sweep)));
                pairs += expected.Count;
            }
        }

        Assert.True(pairs > 150, $"{pairs} pairs");
    }

    /// <summary>Each following word with its articles, as text ("word: article, article").</summary>
    private static List<string> Listed(SearchIndex.WordPairs found)
    {
        using (found)
        {
            return [.. Enumerable.Range(0, found.Count).Select(k => $"{found.Second(k)}: {string.Join(", ", found.DocumentsOf(k).ToArray())}")];
        }
    }

    /// <summary>Articles of words drawn from a small vocabulary (so words follow each other in many articles, and the same
    /// pair comes back within one article), with people and tags (fields a pair never crosses).</summary>
    private static DossierModel Model()
    {
        string[] words = ["hanoi", "moscow", "talks", "rice", "visit", "treaty", "grain", "port", "bank", "trade", "the", "of", "Hà", "Nội", "HANOI"];
        var random = new Random(24);
        var articles = new ArticleView[300];
        for (var i = 0; i < articles.Length; i++)
        {
            var title = $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}";
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => words[random.Next(words.Length)])) + ". the of the of.";
            articles[i] = SearchTestArticles.Article(i, title, text) with
            {
                People = [new TermLink("Rice Visit", "people/rice-visit.html")],
                Tags = [new TermLink("treaty", "tags/treaty.html"), new TermLink("talks", "tags/talks.html")],
            };
        }

        return new DossierModel(articles, []);
    }
}
