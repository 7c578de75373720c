using System.Text;
using StaticDossier.Analysis;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Search;

namespace StaticDossier.Tests.Rendering.Search;

/// <summary>A one-off build makes the search files in chunks of documents (<c>docs/N.js</c> 2,048 at a time, staged as
/// made); serve makes them all at once and remembers them. Past the first chunk both must still number each document
/// by its article, which only a dossier of more than one chunk shows.</summary>
public sealed class StreamedSearchFilesTests
{
    /// <summary>More than one chunk of documents, and a last chunk that is not full.</summary>
    private const int Articles = 2048 + 2048 + 37;

    [Fact]
    public void AOneOffBuildWritesTheSearchFilesServeWritesEvenBeyondTheFirstChunkOfDocuments()
    {
        var model = Model(Articles);
        var streamed = SearchIndexRenderer.Render(model).ToDictionary(f => f.OutputPath, StringComparer.Ordinal);
        var remembered = SearchIndexRenderer.Render(model, new SearchIndex.Memo()).ToDictionary(f => f.OutputPath, StringComparer.Ordinal);

        Assert.Equal(remembered.Keys.Order(StringComparer.Ordinal), streamed.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in remembered)
        {
            Assert.True(file.Bytes.AsSpan().SequenceEqual(streamed[path].Bytes), $"{path} differs");
        }

        // And each document is its own article's, whatever chunk it falls in.
        foreach (var id in new[] { 0, 2047, 2048, 4095, 4096, Articles - 1 })
        {
            Assert.Contains($"\"url\":\"articles/a{id}.html\"", Encoding.UTF8.GetString(streamed[$"assets/search/docs/{id}.js"].Bytes), StringComparison.Ordinal);
        }
    }

    /// <summary>A model of <paramref name="count"/> short articles, newest first, with no people or tags: only what the
    /// search files are made of.</summary>
    private static DossierModel Model(int count)
    {
        string[] words = ["hanoi", "moscow", "talks", "rice", "visit", "treaty", "grain", "port", "bank", "trade"];
        var articles = new ArticleView[count];
        for (var i = 0; i < count; i++)
        {
            var title = $"Report {i} on {words[i % words.Length]}";
            var text = $"Word{i} {words[i % 7]} {words[i % 3]} {words[(i / 10) % words.Length]}.";
            articles[i] = SearchTestArticles.Article(i, title, text);
        }

        return new DossierModel(articles, []);
    }
}
