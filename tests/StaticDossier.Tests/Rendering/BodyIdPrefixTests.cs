using System.Text;
using StaticDossier.Rendering;
using StaticDossier.Tests.Fuzz;

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

    [Fact]
    public void FindsWhatASearchForTheTwoStringsFinds()
    {
        string[] pieces =
        [
            " id=\"", " href=\"#", " href=\"#\"", " href=\"", "=\"", "==\"", " id", " href", "id=\"", "href=\"#", "#", "\"", "=", " ", "a", "<a", "<h2",
            " hid=\"", " xhref=\"#", "\u00A0id=\"", "Việt", "😀", ">",
        ];
        for (var i = 0; i < 5000; i++)
        {
            var rng = FuzzInputs.For(kind: 45, index: i);
            var html = new StringBuilder();
            for (var n = rng.Next(0, 30); n > 0; n--)
            {
                html.Append(pieces[rng.Next(pieces.Length)]);
            }

            var text = html.ToString();
            var (expected, found) = (new List<int>(), new List<int>());
            for (var at = 0; ReferenceNext(text, ref at);)
            {
                expected.Add(at);
            }

            for (var at = 0; MarkdownRenderer.NextPrefix(text, ref at);)
            {
                found.Add(at);
            }

            Assert.Equal(expected, found);
        }
    }

    private static readonly System.Buffers.SearchValues<string> IdOrHref =
        System.Buffers.SearchValues.Create([" id=\"", " href=\"#"], StringComparison.Ordinal);

    // The search as first written: the next start of either string.
    private static bool ReferenceNext(ReadOnlySpan<char> html, ref int at)
    {
        while (at < html.Length)
        {
            var found = html[at..].IndexOfAny(IdOrHref);
            if (found < 0)
            {
                at = html.Length;
                return false;
            }

            var start = at + found;
            var rest = html[start..];
            if (rest.StartsWith(" id=\"", StringComparison.Ordinal))
            {
                at = start + 5;
                return true;
            }

            if (rest.StartsWith(" href=\"#", StringComparison.Ordinal) && !rest[8..].StartsWith('"'))
            {
                at = start + 8;
                return true;
            }

            at = start + 1;
        }

        return false;
    }
}
