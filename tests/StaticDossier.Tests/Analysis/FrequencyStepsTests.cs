using StaticDossier.Analysis;

namespace StaticDossier.Tests.Analysis;

/// <summary>The document frequency a word's IDF reads: exact below 2^bits, then its leading binary digits.</summary>
public sealed class FrequencyStepsTests
{
    [Theory]
    [InlineData(1, 7, 1)]
    [InlineData(127, 7, 127)]
    [InlineData(128, 7, 128)]
    [InlineData(129, 7, 128)]
    [InlineData(255, 7, 254)]
    [InlineData(8000, 7, 8000)]
    [InlineData(8063, 7, 8000)]
    [InlineData(8064, 7, 8064)]
    [InlineData(7, 2, 6)]
    [InlineData(200, 2, 192)]
    public void KeepsTheLeadingBinaryDigits(int frequency, int bits, int rounded) =>
        Assert.Equal(rounded, FrequencySteps.Round(frequency, bits));

    /// <summary>A step is less than 1/64 of the frequency with the default, so the IDF moves by less than log(65/64).</summary>
    [Fact]
    public void TheDefaultRoundsDownByLessThanASixtyFourth()
    {
        for (var frequency = 1; frequency < 1 << 20; frequency += 1 + (frequency >> 9))
        {
            var rounded = FrequencySteps.Round(frequency, FrequencySteps.DefaultBits);
            Assert.InRange(frequency - rounded, 0, (frequency - 1) / 64);
        }
    }
}
