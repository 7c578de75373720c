using StaticDossier.Cleaning;
using StaticDossier.Cleaning.Rules;
using StaticDossier.Seeds;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Rules state the page facts they read and write: a wrong order or an undeclared access fails at once.</summary>
public sealed class RuleContractTests
{
    private sealed class UndeclaredContainerRule : INoiseRule
    {
        public RuleId Id => RuleId.Container;

        public void Apply(CleaningContext context) => context.Container = context.Document?.Body;
    }

    [Fact]
    public void TheDefaultOrderSatisfiesEveryRulesInputs() =>
        CleaningOptions.CheckOrder(CleaningOptions.Default.Rules);

    [Fact]
    public void ARuleBeforeTheRuleThatWritesWhatItReadsIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new CleaningOptions
        {
            Rules = [new MainRunRule(), new SemanticNoiseRule(), new LinkDensityRule()],
        });
        Assert.Contains("'main-run' reads MarkupNoise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleWritingAFactAfterItWasReadIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new CleaningOptions
        {
            Rules = [new ContainerRule(), new SemanticNoiseRule(), new LinkDensityRule(), new MainRunRule(), new LinkDensityRule()],
        });
        Assert.Contains("'link-density' writes MarkupNoise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleTouchingAFactItDidNotDeclareFails()
    {
        var options = CleaningOptions.Default with { Rules = [new UndeclaredContainerRule()] };
        var seed = new SeedDocument("seeds/a.html", SeedKind.Html, "<html><body><p>Text.</p></body></html>", "0");
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(seed.Text);
        var error = Assert.Throws<InvalidOperationException>(() =>
            ArticleCleaner.Clean(seed, document, BlockReader.Read(document), options));
        Assert.Contains("'container' writes Container without declaring it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdsComeFromTheOptionsOfEachCleaning()
    {
        const string dump = """
            Voters in four cities went to the polls on Sunday, and the count was finished late in the evening after a long day of queues.

            Sign up for our newsletter to read every result of the count in your inbox the morning after it is finished.

            Officials said the turnout was the highest in a decade, with young voters in the cities making up most of the rise.
            """;
        var seed = new SeedDocument("seeds/a.txt", SeedKind.TextDump, dump, "0");
        string RuleOfPitch(CleaningOptions options) =>
            ArticleCleaner.Clean(seed, null, TextDumpReader.Read(dump), options).Decisions.Single(d => d.Text.StartsWith("Sign up", StringComparison.Ordinal)).Rule;

        var noPitches = CleaningOptions.Default with { Thresholds = CleaningThresholds.Default with { PitchWords = 0 } };
        Assert.Equal("boilerplate", RuleOfPitch(CleaningOptions.Default));
        Assert.NotEqual("boilerplate", RuleOfPitch(noPitches));
        Assert.Equal("boilerplate", RuleOfPitch(CleaningOptions.Default));
    }
}
