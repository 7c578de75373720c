using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The stop-word table answers as the lists it is made from.</summary>
public sealed class StopWordTableTests
{
    [Fact]
    public void FindsEveryStopWordOnItsListsAndNothingElse()
    {
        foreach (var (word, lists) in Lexicon.StopWords)
        {
            Assert.Equal(lists, StopWordTable.Find(word));
            // Near misses: a letter more, a letter less, another case.
            Assert.Equal(Lexicon.StopWords.GetValueOrDefault(word + "s"), StopWordTable.Find(word + "s"));
            var shorter = word.Substring(0, word.Length - 1);
            Assert.Equal(Lexicon.StopWords.GetValueOrDefault(shorter), StopWordTable.Find(shorter));
            Assert.Equal(Lexicon.StopWords.GetValueOrDefault(word.ToUpperInvariant()), StopWordTable.Find(word.ToUpperInvariant()));
        }

        Assert.Equal(StopLists.English | StopLists.Vietnamese, StopWordTable.Find("do"));
        Assert.Equal(StopLists.None, StopWordTable.Find("minister"));
        Assert.Equal(StopLists.None, StopWordTable.Find(string.Empty));
    }
}
