using System.Text;
using StaticDossier.Rendering;
using StaticDossier.Tests.Fuzz;

namespace StaticDossier.Tests.Rendering;

/// <summary>An article's plain text has each run of white space made one space: every character .NET calls white
/// space, Unicode's spaces and line separators included, and nothing else.</summary>
public sealed class TextCollapseTests
{
    private static readonly string[] Pieces =
    [
        " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2005", "\u200A", "\u2028", "\u2029", "\u202F",
        "\u205F", "\u3000", "\u200B", "\u180E", "\uFEFF", "a", "word", "Việt Nam", "Лавров", "\ud83c\uddfb\ud83c\uddf3", "\ud800", "x.", "—", "1,2",
    ];

    [Fact]
    public void CollapsesAsTheCharacterByCharacterRuleDoes()
    {
        for (var i = 0; i < 5000; i++)
        {
            var rng = FuzzInputs.For(kind: 43, index: i);
            var text = new StringBuilder();
            for (var n = rng.Next(0, 60); n > 0; n--)
            {
                text.Append(Pieces[rng.Next(Pieces.Length)]);
            }

            var input = text.ToString();
            Assert.Equal(Reference(input), MarkdownRenderer.Collapse(input));
        }
    }

    [Fact]
    public void KeepsWordsAndDropsEveryKindOfSpaceAtTheEnds()
    {
        Assert.Equal("a b c", MarkdownRenderer.Collapse("\u3000 a\u00A0\u2028b \n\t c\u0085 "));
        Assert.Equal("zero\u200Bwidth", MarkdownRenderer.Collapse("zero\u200Bwidth"));
        Assert.Equal(string.Empty, MarkdownRenderer.Collapse(" \n\u2029 "));
    }

    // The rule as first written: one character at a time.
    private static string Reference(string text)
    {
        var result = new StringBuilder();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
            }
            else
            {
                if (space)
                {
                    result.Append(' ');
                    space = false;
                }

                result.Append(c);
            }
        }

        return result.ToString();
    }
}
