using StaticDossier.Rendering.Data;

namespace StaticDossier.Tests.Rendering.Data;

/// <summary>The stream large data files are written to: whatever the sizes of the writes, across its 64 KB pieces, it
/// gives back exactly the bytes written, in order.</summary>
public sealed class ExportStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(300_001)]
    public void GivesBackEveryByteWrittenInOrder(int total)
    {
        var random = new Random(total);
        var expected = new byte[total];
        random.NextBytes(expected);
        using var stream = new ExportStream();
        for (var at = 0; at < total;)
        {
            // Writes of every size: single bytes, spans, arrays with an offset, some larger than a piece.
            var size = Math.Min(total - at, random.Next(4) switch { 0 => 1, 1 => random.Next(1, 100), 2 => random.Next(1, 5000), _ => random.Next(1, 140_000) });
            if (size == 1)
            {
                stream.WriteByte(expected[at]);
            }
            else if (size % 2 == 0)
            {
                stream.Write(expected.AsSpan(at, size));
            }
            else
            {
                stream.Write(expected, at, size);
            }

            at += size;
        }

        Assert.Equal(total, stream.Length);
        Assert.Equal(expected, stream.ToArray());
    }
}
