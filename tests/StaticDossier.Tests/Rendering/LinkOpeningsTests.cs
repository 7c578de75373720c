using StaticDossier.Rendering;

namespace StaticDossier.Tests.Rendering;

/// <summary>Link openings that never close are refused before Markdig scans them (quadratic in their number); real
/// text with many links, escaped brackets, or a stray opening passes untouched.</summary>
public sealed class LinkOpeningsTests
{
    [Theory]
    [InlineData("[a](", 5_000)]
    [InlineData("![a](", 5_000)]
    [InlineData("[a](b (", 5_000)]
    [InlineData("[](", 5_000)]
    public void ARunOfUnclosedOpeningsIsRefusedAtItsLine(string unit, int count)
    {
        var markdown = "First paragraph.\n\nSecond.\n\n" + string.Concat(Enumerable.Repeat(unit, count)) + "\n";
        Assert.Equal(5, LinkOpenings.FirstCostlyLine(markdown));
        var error = Assert.Throws<ArgumentException>(() => ContentParser.Parse(markdown));
        Assert.Contains("about line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyClosedLinksEscapedBracketsAndAStrayOpeningPass()
    {
        var links = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"[link {i}](https://example.org/{i}) "));
        Assert.Null(LinkOpenings.FirstCostlyLine(links));
        var escaped = string.Concat(Enumerable.Repeat("\\[a\\](", 20_000));
        Assert.Null(LinkOpenings.FirstCostlyLine(escaped));
        var stray = "A typo [here]( and then a long paragraph " + new string('x', 500_000) + "\n\n" + links;
        Assert.Null(LinkOpenings.FirstCostlyLine(stray));
    }

    [Fact]
    public void OpeningsSplitIntoParagraphsEachCostOnlyTheirOwn()
    {
        // Markdig's scan stops at a blank line: 5,000 openings, one per paragraph, are cheap.
        var markdown = string.Concat(Enumerable.Repeat("[a](\n\n", 5_000));
        Assert.Null(LinkOpenings.FirstCostlyLine(markdown));
        Assert.NotNull(ContentParser.Parse(markdown));
    }
}
