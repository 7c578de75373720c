using StaticDossier.Rendering.Search;

namespace StaticDossier.Tests.Rendering.Search;

/// <summary>The search index's vocabulary gives each lower-case spelling one id, in the order spellings are first met, and
/// each folded word one id; a thread remembers the spellings it met last, and that memory must never answer for another
/// vocabulary, nor for another word.</summary>
public sealed class SearchVocabularyTests
{
    [Fact]
    public void EachVocabularyNumbersItsOwnSpellings()
    {
        var first = new SearchIndex.Vocabulary();
        Assert.Equal((0, 0), first.Spelling("Alpha"));
        Assert.Equal((1, 1), first.Spelling("beta"));
        // Met again: now remembered by this thread.
        Assert.Equal((0, 0), first.Spelling("alpha"));
        Assert.Equal((1, 1), first.Spelling("Beta"));

        // The same thread, another vocabulary: "beta" is its first spelling.
        var second = new SearchIndex.Vocabulary();
        Assert.Equal((0, 0), second.Spelling("BETA"));
        Assert.Equal((1, 1), second.Spelling("alpha"));
        Assert.Equal((1, 1), first.Spelling("BETA"));
        Assert.Equal((0, 0), first.Spelling("alpha"));
    }

    [Fact]
    public void ManySpellingsKeepTheirIdsAcrossRepeatedLookups()
    {
        // Far more spellings than a thread remembers, so many share a place in its memory; "é" and "e" share a folded word.
        var vocabulary = new SearchIndex.Vocabulary();
        var words = Enumerable.Range(0, 5000).Select(i => $"w{i}").Append("café").Append("cafe").ToArray();
        var ids = words.Select(w => vocabulary.Spelling(w)).ToArray();
        Assert.Equal(words.Length, ids.Select(i => i.Spelling).Distinct().Count());
        Assert.Equal(ids[^1].Folded, ids[^2].Folded);
        var random = new Random(7);
        for (var round = 0; round < 20_000; round++)
        {
            var k = random.Next(words.Length);
            Assert.Equal(ids[k], vocabulary.Spelling(random.Next(2) == 0 ? words[k] : words[k].ToUpperInvariant()));
        }
    }
}
