using StaticDossier.Content;

namespace StaticDossier.Tests.Content;

/// <summary>What no content page may hold is removed; the rest of the text is kept as it is.</summary>
public sealed class PublishableTextTests
{
    [Theory]
    [InlineData("Plain text, Việt Nam 😀", "Plain text, Việt Nam 😀")]
    [InlineData("a\u0001b\uFFFEcd", "abcd")]
    [InlineData("two\r\nlines\tand a tab", "two\nlines\tand a tab")]
    public void KeepsABodysLineBreaksAndTabs(string text, string expected) => Assert.Equal(expected, PublishableText.Block(text));

    [Theory]
    [InlineData("A headline", "A headline")]
    [InlineData("two\nlines\tand a tab", "two lines and a tab")]
    public void PutsALineOnOneLine(string text, string expected) => Assert.Equal(expected, PublishableText.Line(text));

    [Fact]
    public void ScrubsAsCharacterByCharacterDid()
    {
        string[] parts = ["word", " ", "Việt", "\n", "\r", "\t", "\u0001", "\u007F", "\u0085", "\uFFFE", "\uFFFF", "\uFFFD", "\uD83D", "\uDE00", "😀", "\u200B"];
        var random = new Random(12);
        for (var round = 0; round < 20_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => parts[random.Next(parts.Length)]));
            Assert.Equal(Reference(text, keepNewlines: true), PublishableText.Block(text));
            Assert.Equal(Reference(text, keepNewlines: false), PublishableText.Line(text));
        }
    }

    private static string Reference(string text, bool keepNewlines)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c is '\n' or '\r' or '\t')
            {
                sb.Append(keepNewlines ? (c == '\r' ? "" : c.ToString()) : " ");
            }
            else if (!(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
