using StaticDossier.Config;
using StaticDossier.Analysis;

namespace StaticDossier.Tests.Analysis;

public sealed class TermMatcherTests
{
    private static readonly TermMatcher People = new(
    [
        new TermConfig { Name = "Sergey Lavrov", Aliases = ["Sergei Lavrov", "Lavrov"] },
        new TermConfig { Name = "Phạm Bình Minh" },
        new TermConfig { Name = "Phạm Minh Chính" },
    ]);

    [Theory]
    [InlineData("Foreign Minister Sergei Lavrov said")]
    [InlineData("Phạm Bình Minh  gặp\u00A0Lavrov")]
    [InlineData("中文 and Lavrov")]
    [InlineData("")]
    public void TheKeyOfUtf8TextIsTheKeyOfTheText(string text) =>
        Assert.Equal(TermMatcher.Key("Title", text), TermMatcher.Key("Title", new StaticDossier.Rendering.BodyText(text)));

    [Theory]
    [InlineData("Foreign Minister Sergei Lavrov said")]
    [InlineData("Foreign Minister Sergey Lavrov said")]
    [InlineData("For his part, Lavrov lauded Vietnam's role")]
    [InlineData("LAVROV, speaking in Moscow")]
    public void AliasesInTextMeetOnOneName(string text) =>
        Assert.Equal(["Sergey Lavrov"], People.Match(null, text));

    [Fact]
    public void MatchesVietnameseNamesWithoutDiacritics()
    {
        Assert.Equal(["Phạm Bình Minh"], People.Match(null, "Deputy PM Pham Binh Minh held talks"));
        Assert.Equal(["Phạm Bình Minh"], People.Match(null, "Phó Thủ tướng Phạm Bình Minh"));
        Assert.Equal(["Phạm Bình Minh"], People.Match(null, "Phó Thủ tướng Pha\u0323m Bi\u0300nh Minh"));
    }

    [Fact]
    public void MatchesWholeWordsOnly()
    {
        Assert.Empty(People.Match(null, "Lavrova and Minhson were there"));
        Assert.Empty(People.Match(null, "Pham Binh Minhs"));
    }

    [Fact]
    public void DeclaredNamesResolveToTheCuratedNameAndUnknownOnesAreKept()
    {
        var names = People.Match(["sergei lavrov", "Nguyễn Văn A"], "No names in this text.");
        Assert.Equal(["Nguyễn Văn A", "Sergey Lavrov"], names);
    }

    [Fact]
    public void WarnsWhenTwoPeopleClaimTheSameSpelling()
    {
        var diagnostics = new StaticDossier.Diagnostics.DiagnosticBag();
        var matcher = new TermMatcher(
        [
            new TermConfig { Name = "Nguyễn Văn A", Aliases = ["Nguyen A"] },
            new TermConfig { Name = "Nguyễn Thị A", Aliases = ["Nguyễn A"] },
        ], diagnostics);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(StaticDossier.Diagnostics.DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("Nguyễn A", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["Nguyễn Văn A"], matcher.Match(null, "Nguyen A spoke."));
    }

    [Theory]
    [InlineData("Phó Thủ tướng Phạm Bình Minh, Đà Nẵng", "pho thu tuong pham binh minh da nang")]
    [InlineData("Сергей Лавров — «МИД»", "сергеи лавров мид")]
    [InlineData("  Ångström’s café…  ", "angstrom s cafe")]
    [InlineData("한국 and 日本", "한국 and 日本")]
    public void KeysFoldCaseDiacriticsAndSeparators(string text, string key) => Assert.Equal(key, TermMatcher.Key(text));

    [Fact]
    public void TheFoldingTableGivesWhatNormalisingTheWholeTextGives()
    {
        // Letters, marks (precomposed and combining), punctuation and symbols of the table's scripts, and a few
        // characters outside it (Hangul jamo compose with their neighbours, so they must not be folded one by one).
        var alphabet = "aZ09 ,.-\n\tđĐơƯăÂêÔạẢẤầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
            + "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031B" + "ÅåÇçØøßẞæŒĳ" + "ΆΈάέΰϊΐώ" + "ЙйЁёЇїўЎ" + "–—‘’“”…€№™Ω"
            + "\u1100\u1161\u11A8" + "한日ि\u093F";
        var random = new Random(6);
        for (var n = 0; n < 5000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(TermMatcher.KeyByNormalising(text), TermMatcher.Key(text));
        }

        for (var c = 0; c < 0x3000; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                var text = "x" + (char)c + "y";
                Assert.Equal(TermMatcher.KeyByNormalising(text), TermMatcher.Key(text));
            }
        }
    }

    [Fact]
    public void AKeyOfTwoPartsIsTheKeyOfThemOnTwoLines()
    {
        Assert.Equal(TermMatcher.Key("Title: Lavrov\nin Hà Nội"), TermMatcher.Key("Title: Lavrov", "in Hà Nội"));
        Assert.Equal(TermMatcher.Key("Title\n한국"), TermMatcher.Key("Title", "한국"));
    }
}
