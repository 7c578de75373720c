using System.Text;
using StaticDossier.Rendering;
using StaticDossier.Tests.Fuzz;

namespace StaticDossier.Tests.Rendering;

/// <summary>The C# template writers write pages as UTF-8 piece by piece: the bytes must be the ones the whole text
/// encoded at once gives (a page used to be characters encoded at the end), whatever the pieces, their surrogates
/// split between writes, and bytes copied in between.</summary>
public sealed class Utf8OutputTests
{
    [Fact]
    public void WrittenInPiecesIsTheWholeTextEncoded()
    {
        string[] pieces =
        [
            "", "a", "<p>", "Việt Nam", "·", "\ud83c\uddfb\ud83c\uddf3", "\ud83c", "\uddfb", "\ud800", "\udfff", "\ud800\ud800", "\udc00\ud800",
            "x\ud83c", "\uddf3y", "\uFFFD", "\u0000", "日本語", "&amp;",
        ];
        var output = new Utf8Output();
        for (var i = 0; i < 5000; i++)
        {
            var rng = FuzzInputs.For(kind: 47, index: i);
            var whole = new StringBuilder();
            output.Clear();
            for (var n = rng.Next(0, 30); n > 0; n--)
            {
                var piece = pieces[rng.Next(pieces.Length)];
                if (rng.Next(4) == 0)
                {
                    // Bytes copied in are UTF-8 already (a body, an item): their text is what a decoder gives back.
                    var bytes = Encoding.UTF8.GetBytes(piece);
                    whole.Append(Encoding.UTF8.GetString(bytes));
                    output.Append(bytes);
                }
                else
                {
                    whole.Append(piece);
                    output.Append(piece.AsSpan());
                }
            }

            var expected = Encoding.UTF8.GetBytes(whole.ToString());
            Assert.True(expected.AsSpan().SequenceEqual(output.ToArray()), $"case {i}: {Convert.ToHexString(expected)} against {Convert.ToHexString(output.ToArray())}");
            Assert.Equal(Encoding.UTF8.GetString(expected).Length, output.CharCount);
        }
    }

    [Fact]
    public void GoingBackForgetsAHalfWrittenPair()
    {
        var output = new Utf8Output();
        output.Append("ab".AsSpan());
        var start = output.Length;
        output.Append("c\ud83c".AsSpan());
        output.Truncate(start);
        output.Append("\uddf3".AsSpan());
        Assert.Equal(Encoding.UTF8.GetBytes("ab\uddf3"), output.ToArray());
    }
}
