using StaticDossier.Analysis;
using StaticDossier.Content;
using StaticDossier.Rendering;

namespace StaticDossier.Tests.Analysis;

/// <summary>A large dossier's related lists find the articles sharing people and tags through the postings of pairs of
/// terms (<see cref="TermPairs"/>) instead of walking every article of every shared tag: the lists are exactly the
/// walk's, on random dossiers whose terms are few and crowded (most articles share two) or many and sparse (most share
/// one or none, so the single terms' URL order decides).</summary>
public sealed class TermPairsTests
{
    [Theory]
    [InlineData(400, 6, 4, 1)]
    [InlineData(500, 40, 30, 2)]
    [InlineData(300, 3, 2, 3)]
    [InlineData(600, 120, 60, 4)]
    public void ListsAreTheWalkOfEveryPosting(int count, int tags, int people, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 400).Select(i => $"w{i}x").ToArray();
        string Word() => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2))];
        TermLink[] Pick(string kind, int of, int most) =>
            [.. Enumerable.Range(0, random.Next(most + 1)).Select(_ => random.Next(of)).Distinct().Select(t => new TermLink($"{kind} {t}", $"/{kind}/{t}/"))];
        var articles = Enumerable.Range(0, count).Select(i => new ArticleView
        {
            Page = new ContentPage($"content/a{i}.md", new FrontMatter { Title = $"a{i}" }, string.Empty, 1),
            Title = $"Report {i}",
            // URL order differs from the articles' order, as the timeline's does.
            Url = $"/articles/{(i * 7919) % 10007:00000}/",
            Language = "en",
            Body = new Utf8Html(string.Empty),
            Tags = Pick("tag", tags, 4),
            People = Pick("person", people, 3),
        }).ToList();
        var keys = articles.Select(_ => string.Join(' ', Enumerable.Range(0, 40).Select(_ => Word()))).ToList();
        var similarity = new TextSimilarity(keys, everyTriple: false);
        var labels = new RelatedLabels("same story", "similar text", "people: ", "tags: ", "; ");
        var paired = new RelatedArticles.TermIndex(articles);
        var walked = new RelatedArticles.TermIndex(articles, pairs: false);
        Assert.NotNull(paired.Pairs);
        Assert.Null(walked.Pairs);

        var termOnly = 0;
        for (var i = 0; i < count; i++)
        {
            var expected = RelatedArticles.For(articles, i, similarity, walked, labels);
            var actual = RelatedArticles.For(articles, i, similarity, paired, labels);
            Assert.Equal(expected, actual);
            termOnly += expected.Count(l => l.Reason is { } r && !r.StartsWith("same", StringComparison.Ordinal) && !r.StartsWith("similar", StringComparison.Ordinal));
        }

        Assert.True(termOnly > count, $"{termOnly} related on people and tags alone: the term search is what is compared");
    }

    [Fact]
    public void ArticlesWithDozensOfNamesAreWalked()
    {
        TermLink[] Terms(int n) => [.. Enumerable.Range(0, n).Select(t => new TermLink($"tag {t}", $"/tags/{t}/"))];
        var articles = Enumerable.Range(0, 50).Select(i => new ArticleView
        {
            Page = new ContentPage($"content/a{i}.md", new FrontMatter { Title = $"a{i}" }, string.Empty, 1),
            Title = $"Report {i}",
            Url = $"/articles/{i:000}/",
            Language = "en",
            Body = new Utf8Html(string.Empty),
            Tags = Terms(40),
        }).ToList();

        // 780 pairs an article against 40 terms: the pairs would take twenty times the postings' room.
        Assert.Null(new RelatedArticles.TermIndex(articles).Pairs);
    }
}
