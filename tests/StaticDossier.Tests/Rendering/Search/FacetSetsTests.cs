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
        Assert.Equal(ids, FacetSets.Decode(FacetSets.Encode(ids, documents), documents));
    }

    [Fact]
    public void NumbersPastOneDigitCarryTheContinuationMark()
    {
        // 31 fits one digit ('f'); 32 needs two: 0 with the mark ('g'), then 1 ('B').
        Assert.Equal("df", FacetSets.Encode([31], 100_000));
        Assert.Equal("dgB", FacetSets.Encode([32], 100_000));
    }
}
