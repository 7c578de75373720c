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

    // A Chinese travel post whose writer ends a clause with a space, not a mark (readability cbd38d76's shape), under
    // a menu of the same length: no line ends a sentence and none is long, so only its function characters tell them apart.
    private const string ChinesePost = """
        台北美食 新竹景点 亲子旅游 住宿心得 电影评论 运动健身
        今天我们一早就从台北出发 开车到山上去看这一年的第一片枫叶
        路上的雾很大 我们只好慢慢地开 到了山顶才看到满山的红叶
        山下的小店还有卖热汤 老板说今年的叶子比去年红得更早
        """;

    [Fact]
    public void ChineseLinesWithoutStopMarksAreProseByTheirFunctionCharacters()
    {
        var blocks = TextDumpReader.Read(ChinesePost);

        Assert.Equal(LanguageDetector.Other, BlockClassifier.Classify(blocks));
        Assert.Equal(BlockClass.Short, blocks[0].Class);
        Assert.All(blocks.Skip(1), b => Assert.True(b.Class >= BlockClass.NearGood, $"{b.Text}: {b.Class}"));
    }

    // Japanese writes its function morphemes in kana, so a line with more kana than Han is left to length and sentence
    // shape: the kanji of a menu (今日, 大阪, 上野, 中野) are on the Chinese list.
    [Fact]
    public void AJapaneseMenuLineIsNotMadeProseByItsKanji()
    {
        var blocks = TextDumpReader.Read("""
            ニュース一覧 今日のおすすめ 大阪のまとめ 上野のイベント 中野のランキング
            港の管理局は月曜日、冬の間は夕方の便を二時間おきに減らすと発表しました。
            """);

        Assert.Equal(LanguageDetector.Other, BlockClassifier.Classify(blocks));
        Assert.Equal(BlockClass.Short, blocks[0].Class);
    }

    [Theory]
    [InlineData('的')]
    [InlineData('们')]
    [InlineData('們')]
    [InlineData('這')]
    public void HanStopCharactersHoldTheListsSimplifiedAndTraditionalForms(char c) => Assert.True(HanStopCharacters.Contains(c));

    [Theory]
    [InlineData('の')]
    [InlineData('は')]
    [InlineData('는')]
    [InlineData('景')]
    public void HanStopCharactersHoldNoKanaHangulOrContentCharacter(char c) => Assert.False(HanStopCharacters.Contains(c));
}
