using StaticDossier.Rendering;

namespace StaticDossier.Tests.Rendering;

/// <summary>A body's ids and in-page links are prefixed in the UTF-8 it is kept in, whatever text stands around them.</summary>
public sealed class BodyIdPrefixTests
{
    [Theory]
    [InlineData("# Phạm Bình Minh\n\nVăn bản [về ông](#phạm-bình-minh) 😀 và [trang](#) — hết.\n\n## Second “part”\n\n[back](#phạm-bình-minh)")]
    [InlineData("😀 first\n\n# Heading {#main .lede}\n\ntext [a](#main)")]
    [InlineData("No heading, [a link](#x) only.")]
    [InlineData("Nothing to prefix: “quotes” and 😀.")]
    public void EveryIdAndInPageLinkIsPrefixedAndTheRestKept(string markdown)
    {
        var raw = Markdig.Markdown.ToHtml(markdown, MarkdownRenderer.ContentPipeline);
        var expected = raw.Replace(" id=\"", " id=\"body-", StringComparison.Ordinal)
            .Replace(" href=\"#\"", " href=\"\u0001\"", StringComparison.Ordinal)
            .Replace(" href=\"#", " href=\"#body-", StringComparison.Ordinal)
            .Replace(" href=\"\u0001\"", " href=\"#\"", StringComparison.Ordinal);
        Assert.Equal(expected, new MarkdownRenderer().Render(markdown));
    }
}
