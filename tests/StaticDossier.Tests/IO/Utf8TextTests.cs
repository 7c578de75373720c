using System.Text;
using StaticDossier.IO;

namespace StaticDossier.Tests.IO;

public sealed class Utf8TextTests
{
    [Fact]
    public void EncodingABuilderChunkByChunkGivesTheBytesOfItsString()
    {
        // Many small appends make many chunks; the emoji's surrogate pair is split between two of them.
        var text = new StringBuilder(16);
        for (var i = 0; i < 200; i++)
        {
            text.Append("Việt Nam – Nga ");
            text.Append('\uD83D');
            text.Append(new string('x', i % 7));
            text.Insert(text.Length - (i % 7), '\uDE00');
        }

        text.Append('\uD83D'); // a lone high surrogate at the very end

        var chunks = 0;
        foreach (var _ in text.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 1);
        Assert.Equal(new UTF8Encoding(false).GetBytes(text.ToString()), Utf8Text.Encode(text));
    }

    [Fact]
    public void AnEmptyBuilderEncodesToNoBytes() => Assert.Empty(Utf8Text.Encode(new StringBuilder()));
}
