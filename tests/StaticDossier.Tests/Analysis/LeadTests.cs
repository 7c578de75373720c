using System.Text;
using StaticDossier.Analysis;
using StaticDossier.Rendering;

namespace StaticDossier.Tests.Analysis;

public sealed class LeadTests
{
    // Words of several scripts and byte lengths, and white space of every kind char.IsWhiteSpace knows.
    private static readonly string[] Pieces = ["minister", "talks.", "U.S.", "Hà", "Nội", "Phạm", "Lavrov!", "ok?", "…", "中文", "😀", "a", "—", "đã"];
    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\n", "\t", "\u00A0", "\u3000", "\u2028", "\u0085", "\u1680", "\u205F"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheLeadOfUtf8TextIsTheLeadOfTheText(int seed)
    {
        var text = Text(seed);
        Assert.Equal(Lead.Of(text), Lead.Of(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheWordsOfUtf8TextAreTheWordsOfTheText(int seed)
    {
        var text = Text(seed);
        Assert.Equal(Lead.Words(text), Lead.Words(Encoding.UTF8.GetBytes(text)));
        // A body's text as rendering keeps it (collapsed): the counted way.
        var collapsed = MarkdownRenderer.Collapse(text);
        Assert.Equal(Lead.Words(collapsed), Lead.Words(Encoding.UTF8.GetBytes(collapsed)));
    }

    /// <summary>Texts of 0 to ~2,000 characters; some open with a long run of white space, so that a kilobyte's prefix
    /// holds fewer than a lead's characters once trimmed, and some end with one.</summary>
    private static string Text(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        if (seed % 5 == 0)
        {
            text.Append(' ', random.Next(800, 1100));
        }

        // A third of the texts are ASCII spaced by spaces alone, one or two (as a body's text mostly is, collapsed).
        var (pieces, spaces) = seed % 3 == 1 ? (Pieces[..3], Spaces[..4]) : (Pieces, Spaces);
        var words = seed % 7 == 0 ? random.Next(0, 40) : random.Next(100, 400);
        for (var i = 0; i < words; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
            text.Append(random.Next(4) == 0 ? spaces[random.Next(spaces.Length)] : " ");
        }

        return seed % 2 == 0 ? text.ToString().TrimEnd() : text.ToString();
    }
}
