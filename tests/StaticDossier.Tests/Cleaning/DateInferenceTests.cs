using StaticDossier.Cleaning;
using StaticDossier.Config;

namespace StaticDossier.Tests.Cleaning;

/// <summary>A period inferred from the clues a text gives when it states no full date; never a day, never a guess
/// without an anchor for the year.</summary>
public sealed class DateInferenceTests
{
    private static readonly EventConfig[] Events =
    [
        new() { Name = "the invasion", Date = "2022-02-24", Aliases = ["invasion of Ukraine", "conflict in Ukraine"] },
        new() { Name = "the UN vote", Date = "2022-03-02", Aliases = ["emergency session"] },
    ];

    private static string? Infer(string text, string? notAfter = null) =>
        DateInference.Infer(text, Events, notAfter is null ? null : DateOnly.Parse(notAfter, System.Globalization.CultureInfo.InvariantCulture))?.Value;

    [Theory]
    // A day and month, read in the year of the event the text refers to.
    [InlineData("They discussed the conflict in Ukraine during a phone talk on March 15.", null, "2022-03")]
    // "N weeks since" dates the writing itself.
    [InlineData("It has been three weeks since the invasion of Ukraine began on February 24.", null, "2022-03")]
    [InlineData("Six weeks since the invasion of Ukraine on Feb. 24, talks go on.", null, "2022-04")]
    // The latest day mentioned; the later event is the lower bound.
    [InlineData("On March 2 the emergency session voted; on March 3 Hanoi spoke of the conflict in Ukraine.", null, "2022-03")]
    // The capture's year anchors a day and month when no event does; a day after the capture is the year before.
    [InlineData("The minister spoke on 15 March.", "2023-05-01", "2023-03")]
    [InlineData("The minister spoke on 15 June.", "2023-05-01", "2022-06")]
    // Vietnamese day/month without a year.
    [InlineData("Chiều ngày 29/5, hai bên điện đàm.", "2020-06-30", "2020-05")]
    // Only bounds, meeting in one year: the year.
    [InlineData("A report on the invasion of Ukraine.", "2022-12-01", "2022")]
    public void InfersThePeriodTheCluesSupport(string text, string? notAfter, string expected) =>
        Assert.Equal(expected, Infer(text, notAfter));

    [Theory]
    // No anchor for the year: a day and month alone prove nothing.
    [InlineData("in a phone conversation on Mar 15.")]
    // An event alone is only a lower bound.
    [InlineData("A report on the invasion of Ukraine.")]
    // "May" the verb is not a month, and nothing here is a clue.
    [InlineData("Talks may 5 times fail.")]
    public void InfersNothingWithoutEvidence(string text) => Assert.Null(Infer(text));

    [Fact]
    public void BoundsThatSpanYearsGiveNoPeriod() =>
        Assert.Null(Infer("A report on the invasion of Ukraine.", "2024-01-10"));

    [Fact]
    public void StatesEveryClueItWeighed()
    {
        var approx = DateInference.Infer("On March 3, a week after the invasion of Ukraine, Hanoi spoke.", Events, null)!;
        Assert.Equal((2022, 3), (approx.Year, approx.Month));
        Assert.Contains(approx.Evidence, e => e.Contains("the invasion (24 February 2022)", StringComparison.Ordinal));
        Assert.Contains(approx.Evidence, e => e.Contains("3 March 2022 without a year", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2022-03", 2022, 3)]
    [InlineData("2022", 2022, null)]
    public void ReadsTheFrontMatterForms(string value, int year, int? month) => Assert.Equal((year, month), ApproximateDate.Parse(value));

    [Theory]
    [InlineData("2022-3")]
    [InlineData("2022-13")]
    [InlineData("2022-03-15")]
    [InlineData("March 2022")]
    [InlineData("")]
    public void RefusesOtherForms(string value) => Assert.Null(ApproximateDate.Parse(value));
}
