using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Plain text written as Markdown that renders back to the same text.</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Plain prose, nothing to escape.", "Plain prose, nothing to escape.")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("a_b *c* [d] <e> & {f} | `g` \\", "a\\_b \\*c\\* \\[d\\] \\<e\\> \\& \\{f\\} \\| \\`g\\` \\\\")]
    [InlineData("2020. A year", "2020\\. A year")]
    [InlineData("- item", "\\- item")]
    [InlineData("a - b", "a - b")]
    public void EscapesWhatMarkdownWouldRead(string text, string expected) => Assert.Equal(expected, MarkdownText.Escape(text));

    [Fact]
    public void EscapesAsEscapingEachCharacterDid()
    {
        string[] parts = ["a", "word", " ", "1", "12", ". ", ".", "#", "-", "+", "=", "*", "_", "[", "]", "<", ">", "|", "{", "}", "&", "`", "\\", "Việt"];
        var random = new Random(9);
        for (var round = 0; round < 20_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => parts[random.Next(parts.Length)]));
            Assert.Equal(Reference(text), MarkdownText.Escape(text));
        }
    }

    private static string Reference(string text)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '{' or '}' or '&' || (i == 0 && c is '#' or '-' or '+' or '='))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        var s = sb.ToString();
        var dot = s.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && dot < 10 && s[..dot].All(char.IsAsciiDigit) ? s[..dot] + "\\" + s[dot..] : s;
    }
}
