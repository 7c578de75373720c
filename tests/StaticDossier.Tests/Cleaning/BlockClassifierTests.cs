using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The page's language, guessed from its longer blocks, decides how every block is judged: English stop
/// words are evidence of prose only on an English page.</summary>
public sealed class BlockClassifierTests
{
    // A Japanese post under an English menu and share bar (AEB f105de6e's shape): each run of kana and kanji reads as
    // one word, so a few English stop words once outnumbered the whole story and the page passed for English, where
    // its sentences, holding no English stop word, were short lines.
    private const string JapanesePost = """
        Home
        About
        Share this article on Twitter, Facebook and the other networks that you use
        港の管理局は月曜日、冬の間は夕方の便を二時間おきに減らすと発表しました。
        島に住む人たちは、仕事の帰りに最後の船を使っているので困ると話しています。
        管理局は三月に乗客の数を数えてから、夕方の便をもう一度考えると答えました。
        署名は一週間で四百人を超え、島の議会は次の会合でそれを管理局に渡す予定です。
        Privacy Policy
        """;

    [Fact]
    public void APageInJapaneseUnderAnEnglishMenuIsNotReadAsEnglish()
    {
        var blocks = TextDumpReader.Read(JapanesePost);

        Assert.Equal(LanguageDetector.Other, BlockClassifier.Classify(blocks));
        var sentences = blocks.Where(b => b.Text.EndsWith('。')).ToList();
        Assert.Equal(4, sentences.Count);
        Assert.All(sentences, b => Assert.Equal(BlockClass.Good, b.Class));
    }

    [Fact]
    public void AnEnglishPageWithAJapaneseLineIsStillEnglish()
    {
        var blocks = TextDumpReader.Read("""
            The harbour authority said on Monday that the evening ferries to the outer islands will run every two hours from November.
            Residents of the islands, who rely on the last boat to come home from work in the city, said they had not been asked.
            港の管理局は月曜日に発表しました。
            """);

        Assert.Equal("en", BlockClassifier.Classify(blocks));
    }
}
