using StaticDossier.IO;

namespace StaticDossier.Tests.IO;

/// <summary>A file is left alone only when what would replace it is exactly its bytes, written in any pieces.</summary>
public sealed class SameBytesStreamTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "same-bytes-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("", "", true)]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("abc", "abcd", false)]
    [InlineData("", "a", false)]
    [InlineData("a", "", false)]
    public void MatchesOnlyTheFilesBytes(string file, string written, bool same)
    {
        File.WriteAllText(_path, file);
        Assert.Equal(same, SameBytesStream.Matches(_path, s => s.Write(System.Text.Encoding.UTF8.GetBytes(written))));
    }

    [Fact]
    public void ComparesAFileWrittenInPiecesLargerAndSmallerThanItsBuffer()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(_path, bytes);
        Assert.True(SameBytesStream.Matches(_path, s => Pieces(s, bytes)));

        bytes[^1] ^= 1;
        Assert.False(SameBytesStream.Matches(_path, s => Pieces(s, bytes)));
        bytes[^1] ^= 1;
        bytes[100_000] ^= 1;
        Assert.False(SameBytesStream.Matches(_path, s => Pieces(s, bytes)));
    }

    [Fact]
    public void NoFileMatchesNothing() => Assert.False(SameBytesStream.Matches(_path, s => { }));

    private static void Pieces(Stream stream, byte[] bytes)
    {
        var at = 0;
        foreach (var size in new[] { 1, 7, 70_000, 3, 200_000 })
        {
            stream.Write(bytes, at, size);
            at += size;
        }

        stream.WriteByte(bytes[at++]);
        stream.Write(bytes.AsSpan(at));
    }

    public void Dispose() => File.Delete(_path);
}
