using StaticDossier.Rendering.Search;

namespace StaticDossier.Tests.Rendering.Search;

public sealed class FacetSetsTests
{
    [Fact]
    public void AYearsContiguousArticlesAreWrittenAsOneRun()
    {
        // Document ids follow the timeline, so a year's articles are one run whatever their number.
        var ids = Enumerable.Range(4_000, 6_000).ToList();
        var encoded = FacetSets.Encode(ids, 100_000);
        Assert.StartsWith("r", encoded);
        Assert.True(encoded.Length < 10, encoded);
        Assert.Equal(ids, FacetSets.Decode(encoded, 100_000));
    }

    [Fact]
    public void ADenseValueIsABitsetAndASparseOneItsGaps()
    {
        var everyOther = Enumerable.Range(0, 500).Select(i => i * 2).ToList();
        var dense = FacetSets.Encode(everyOther, 1_000);
        Assert.StartsWith("b", dense);
        Assert.Equal(1 + (int)Math.Ceiling(125 / 3.0 * 4), dense.Length);

        var few = new List<int> { 3, 40, 977, 31_000, 99_999 };
        var sparse = FacetSets.Encode(few, 100_000);
        Assert.StartsWith("d", sparse);
        Assert.Equal(few, FacetSets.Decode(sparse, 100_000));
    }

    [Theory]
    [InlineData(7, 0.5)]
    [InlineData(1_000, 0.02)]
    [InlineData(1_000, 0.9)]
    [InlineData(33_333, 0.1)]
    public void EverySetComesBackExactly(int documents, double density)
    {
        var random = new Random(documents);
        var ids = Enumerable.Range(0, documents).Where(_ => random.NextDouble() < density).ToList();
        var encoded = FacetSets.Encode(ids, documents);
        Assert.Equal(ids, FacetSets.Decode(encoded, documents));
        // The bytes read as a pair patch reads them: the same ids, after what the list held.
        var read = new List<int> { -1 };
        FacetSets.Read(System.Text.Encoding.ASCII.GetBytes(encoded), documents, read);
        Assert.Equal([-1, .. ids], read);
    }

    [Fact]
    public void AGapTakesOneDigitPerFiveBits()
    {
        // Gaps (minus one) of 31 and 32, 1,023 and 1,024, 32,767 and 32,768: one, two, two, three, three and four digits,
        // which the form's length (counted before it is written) must say.
        int[] gaps = [31, 32, 1_023, 1_024, 32_767, 32_768];
        var ids = new List<int>();
        var previous = -1;
        foreach (var gap in gaps)
        {
            ids.Add(previous = previous + gap + 1);
        }

        var encoded = FacetSets.Encode(ids, 1_000_000);
        Assert.Equal("d", encoded[..1]);
        Assert.Equal(1 + 1 + 2 + 2 + 3 + 3 + 4, encoded.Length);
        Assert.Equal(ids, FacetSets.Decode(encoded, 1_000_000));
        // The count the forms are chosen by, at every boundary and beside it.
        foreach (var value in new[] { 0, 1 }.Concat(Enumerable.Range(1, 6).SelectMany(k => new[] { (1 << (5 * k)) - 1, 1 << (5 * k) })).Append(int.MaxValue))
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            SearchDigits.Write(buffer, value);
            Assert.Equal(buffer.WrittenCount, FacetSets.Digits(value));
        }
    }

    [Fact]
    public void NumbersPastOneDigitCarryTheContinuationMark()
    {
        // 31 fits one digit ('f'); 32 needs two: 0 with the mark ('g'), then 1 ('B').
        Assert.Equal("df", FacetSets.Encode([31], 100_000));
        Assert.Equal("dgB", FacetSets.Encode([32], 100_000));
    }
}
