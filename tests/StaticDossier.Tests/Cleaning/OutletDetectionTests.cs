using StaticDossier.Cleaning;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Which outlet a page's text names as its publisher: a dateline's agency, a credit line, or an outlet asking
/// for comment in its own name; never a photo credit or a source the article quotes.</summary>
public sealed class OutletDetectionTests
{
    private const string Lede = "Officials from both countries met in the capital on Tuesday to discuss trade, energy and the safety of citizens abroad, the ministry said in a statement.";
    private const string Middle = "The two sides agreed to meet again before the end of the year and to keep working on the questions they had raised during the talks.";

    private static string? SourceOf(string text) =>
        new SeedCleaner().Clean(new SeedDocument("seeds/page.txt", SeedKind.TextDump, text, "0"), new DiagnosticBag()).Metadata.Source;

    [Theory]
    [InlineData("VOA emailed the foreign ministry and the embassy seeking comments. Neither responded.", "VOA")]
    [InlineData("RFA contacted the ministry for comment but received no reply by the time of publication.", "RFA")]
    [InlineData("The ministry emailed the embassy seeking comments, but nobody answered the questions in time.", null)]
    [InlineData("According to VNA, the two ministers also discussed the evacuation of citizens from the region.", null)]
    [InlineData("A spokesman told AFP that the talks had been useful and that more meetings would follow soon.", null)]
    public void AnOutletAskingForCommentInItsOwnNameIsTheSource(string sentence, string? expected) =>
        Assert.Equal(expected, SourceOf($"Ministers meet on trade\n\n{Lede}\n\n{sentence}\n\n{Middle}\n"));

    [Fact]
    public void ADatelineAgencyWinsOverAnOutletAskingForComment() =>
        Assert.Equal("VNA", SourceOf($"Ministers meet on trade\n\nHanoi (VNA) – {Lede}\n\nVOA emailed the ministry seeking comments. Neither side responded to it.\n\n{Middle}\n"));

    [Fact]
    public void APhotoCreditIsNotTheOutlet() =>
        Assert.Null(SourceOf($"Ministers meet on trade\n\n{Lede}\n\nThe ministers at the meeting in the capital. Photos: VNA |\n\n{Middle}\n"));
}
