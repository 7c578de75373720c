using StaticDossier.Rendering.Search;

namespace StaticDossier.Tests.Rendering.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Phạm", "pham")]
    [InlineData("Đình", "dinh")]
    [InlineData("ĐÀ NẴNG", "da nang")]
    [InlineData("Vietnamese", "vietnamese")]
    public void FoldsCaseAndAccentsIncludingDStroke(string word, string folded) => Assert.Equal(folded, SearchText.Fold(word));

    [Fact]
    public void SplitsOnPunctuationAndKeepsOffsetsExactSpellingsAndFoldedForms()
    {
        var words = SearchText.Words("Bộ trưởng Phạm Bình Minh—Lavrov's call, 29/5.").ToList();
        Assert.Equal(["bộ", "trưởng", "phạm", "bình", "minh", "lavrov", "s", "call", "29", "5"], words.Select(w => w.Exact));
        Assert.Equal(["bo", "truong", "pham", "binh", "minh", "lavrov", "s", "call", "29", "5"], words.Select(w => w.Folded));
        Assert.Equal("Phạm", "Bộ trưởng Phạm Bình Minh"[words[2].Start..words[2].End]);
    }

    [Fact]
    public void DecomposedInputGivesTheSameWordsAsComposed()
    {
        var composed = SearchText.Words("Nguyễn Đình Cống").Select(w => w.Exact).ToList();
        var decomposed = SearchText.Words("Nguyễn Đình Cống".Normalize(System.Text.NormalizationForm.FormD)).Select(w => w.Exact).ToList();
        Assert.Equal(composed, decomposed);
    }

    [Fact]
    public void RunsLongerThanAWordAreNotIndexed() =>
        Assert.Equal(["short"], SearchText.Words("short " + new string('x', SearchText.MaxWordLength + 1)).Select(w => w.Exact));
}
