using StaticDossier.Config;
using StaticDossier.Rendering.Model;

namespace StaticDossier.Tests.Rendering;

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
}
