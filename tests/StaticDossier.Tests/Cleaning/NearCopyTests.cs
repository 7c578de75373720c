using StaticDossier.Cleaning;
using StaticDossier.Cleaning.Rules;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Tests.Cleaning;

/// <summary>A near copy repeats runs of words; paragraphs written to one template share their words, not their runs.</summary>
public sealed class NearCopyTests
{
    [Fact]
    public void ParagraphsWrittenToOneTemplateAreNotCopies()
    {
        var text = File.ReadAllText(Path.Combine(CleaningGolden.Folder, "024-duplicate", "input.txt"));
        var cleaned = new SeedCleaner().CleanAll([new SeedDocument("seeds/worksheet.txt", SeedKind.TextDump, text, "0")], new DiagnosticBag())[0];

        Assert.Contains("learn more about Greeks in Australia", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains("learn more about Italians in Australia", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Decisions, d => !d.Kept && d.Rule == "duplicate" && d.Text.StartsWith("Hand in your answers with a list of the", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("use the links below to learn more about greeks in australia then answer the questions that follow",
        "use the links below to learn more about italians in australia then answer the questions that follow", false)]
    [InlineData("hand in your answers with a list of the sources you used for each one and look for the following questions in class",
        "hand in your answers with a list of all the sources you used for each one and look for the following questions in class", true)]
    public void ACopyRepeatsMostOfItsRunsOfWords(string a, string b, bool copy) =>
        Assert.Equal(copy, Sequences.Shared(a, b) >= CleaningThresholds.Default.NearCopySequence);

    [Theory]
    // The story's second paragraph, after a teaser that ran its first two together: a tail.
    [InlineData("cargo ship lost over siberia the agency said the craft broke up at an altitude of 190 kilometres over the tuva region",
        "the craft broke up at an altitude of 190 kilometres over the tuva region", true)]
    // A teaser or standfirst repeats the opening: not a tail.
    [InlineData("the craft broke up at an altitude of 190 kilometres over the tuva region and most of it burnt up",
        "the craft broke up at an altitude of 190 kilometres over the tuva region", false)]
    // Another reader's name on the same post's title: it does not open inside the original.
    [InlineData("andrew chilton on new asia pacific sydney region in australia ec2 and more",
        "mark on new asia pacific sydney region in australia ec2 and more", false)]
    // Ending elsewhere: not a tail.
    [InlineData("cargo ship lost over siberia the craft broke up at an altitude of 190 kilometres over the tuva region",
        "the craft broke up at an altitude of 190 kilometres over the tuva region on thursday", false)]
    public void ACopyOpeningInsideItsOriginalAndEndingWithItIsItsTail(string original, string copy, bool tail) =>
        Assert.Equal(tail, Sequences.IsTail(original, copy));
}
