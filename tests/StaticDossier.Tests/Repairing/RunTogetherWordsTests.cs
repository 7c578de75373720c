using StaticDossier.Cleaning;
using StaticDossier.Diagnostics;
using StaticDossier.Repairing;
using StaticDossier.Seeds;

namespace StaticDossier.Tests.Repairing;

/// <summary>Small cases for the repair of run-together words: what is split, what is only flagged, what is never touched.</summary>
public sealed class RunTogetherWordsTests
{
    private const string Headline = "Ministers discuss the situation in the region";

    private static (CleanedDocument Doc, DiagnosticBag Diagnostics) Clean(string body, SeedMetadata? sidecar = null, params string[] names)
    {
        var text = Headline + "\n\n" + body + "\n\nThe ministers agreed to meet again next month to review the situation in the region once more.\n";
        var diagnostics = new DiagnosticBag();
        var doc = new SeedCleaner(null, new TextRepairer(names)).Clean(new SeedDocument("seeds/page.txt", SeedKind.TextDump, text, "0", sidecar), diagnostics);
        return (doc, diagnostics);
    }

    private static string Repaired(string body, params string[] names) => Clean(body, null, names).Doc.MarkdownBody.Split("\n\n")[0];

    [Theory]
    [InlineData("The ministers discussed the conflictin the region and agreed on several points of cooperation today.", "conflictin", "conflict in", RepairRules.FunctionWord)]
    [InlineData("The ministers said they would work andcontinue to build trust between the two nations over time.", "andcontinue", "and continue", RepairRules.FunctionWord)]
    [InlineData("Thetwo ministers said they would work to build trust between the two nations over the coming years.", "Thetwo", "The two", RepairRules.FunctionWord)]
    [InlineData("The ministers discussed the safety of citizens inUkraine and agreed on several points of cooperation.", "inUkraine", "in Ukraine", RepairRules.CamelCase)]
    [InlineData("The ministers said internationaldisputes should be settled by peaceful means and by dialogue alone.", "internationaldisputes", "international disputes", RepairRules.LongHalves)]
    [InlineData("The ministers said disputes should be settled by peaceful means and by dialogue,the official said.", "dialogue,the", "dialogue, the", RepairRules.SpaceAfterComma)]
    public void AWordRunTogetherIsSplitWhenARuleIsSureAndTheRepairIsRecorded(string body, string printed, string now, string rule)
    {
        var (doc, diagnostics) = Clean(body);
        var repair = Assert.Single(doc.Repairs);
        Assert.Equal((printed, now, rule), (repair.Original, repair.Replacement, repair.Rule));
        Assert.Equal(3, repair.Line);
        Assert.Equal(body.IndexOf(printed, StringComparison.Ordinal) + 1, repair.Column);
        Assert.Contains(now, doc.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain(printed, doc.MarkdownBody, StringComparison.Ordinal);
        // The block decision keeps the text as printed: cleaning's record does not change.
        Assert.Contains(doc.Decisions, d => d.Kept && d.Text == body);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ACuratedNameRunIntoAWordIsSplitAtTheName()
    {
        const string body = "Foreign Minister Sonaffirmed that disputes should be settled by peaceful means and by dialogue.";
        Assert.StartsWith("Foreign Minister Son affirmed that", Repaired(body, "Bùi Thanh Sơn"), StringComparison.Ordinal);
        // Without the curated name, a capitalised word inside a sentence is taken for a name and left alone.
        var (doc, diagnostics) = Clean(body);
        Assert.Empty(doc.Repairs);
        Assert.Empty(doc.Suspects);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ACompoundMissingFromTheListIsFlaggedWithItsLineAndColumnAndLeftAsPrinted()
    {
        const string body = "Russian forces were reported on the battlefront near the city and the fighting went on for days.";
        var (doc, diagnostics) = Clean(body);
        Assert.Empty(doc.Repairs);
        Assert.Contains("on the battlefront near", doc.MarkdownBody, StringComparison.Ordinal);
        var suspect = Assert.Single(doc.Suspects);
        Assert.Equal(("battlefront", "battle front", 3, body.IndexOf("battlefront", StringComparison.Ordinal) + 1),
            (suspect.Word, suspect.Split, suspect.Line, suspect.Column));
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.SeedWordSuspect), (warning.Severity, warning.Code));
        Assert.Equal(new SourceLocation("seeds/page.txt", 3, suspect.Column), warning.Location);
    }

    [Theory]
    [InlineData("President Putin said the talks with Lavrov and Zhynkina were useful for both sides in the region.")] // names
    [InlineData("The embassy attaches great importance to the safety of citizens and their families in the region.")] // attach + es
    [InlineData("The ministers met at the UNESCO headquarters and at NATO offices in the region during the week.")] // acronyms
    [InlineData("The text is online at https://example.org/news/conflictin,today and was read by many people there.")] // an address
    [InlineData("The delegation arrived in Hà Nội and Thành phố Hồ Chí Minh on Tuesday for talks with officials there.")] // not ASCII
    [InlineData("Agreements on COVID19 vaccines and socio-economic ties were signed by the ministers in the capital.")] // glued to digits or hyphens
    public void NamesRealWordsAcronymsAndAddressesAreNeverTouched(string body)
    {
        var (doc, diagnostics) = Clean(body);
        Assert.Empty(doc.Repairs);
        Assert.Empty(doc.Suspects);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void VietnameseTextGetsOnlyTheCommaRepairItsSyllablesAreSpaced()
    {
        var text = "Việt Nam mong muốn hòa bình\n\nBộ trưởng Bùi Thanh Sơn cho biết Việt Nam mong muốn hòa bình,ổn định và hợp tác trong khu vực và trên thế giới.\n\n" +
                   "Hai bên nhất trí tiếp tục tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại và đầu tư trong thời gian tới.\n";
        var doc = new SeedCleaner(null, new TextRepairer()).Clean(new SeedDocument("seeds/vi.txt", SeedKind.TextDump, text, "0"), new DiagnosticBag());
        Assert.Equal("vi", doc.Metadata.Language);
        var repair = Assert.Single(doc.Repairs);
        Assert.Equal(("bình,ổn", "bình, ổn", RepairRules.SpaceAfterComma), (repair.Original, repair.Replacement, repair.Rule));
    }

    [Fact]
    public void ASidecarKeepsListedWordsOrEveryWordAsPrinted()
    {
        const string body = "The ministers discussed the conflictin the region near the battlefront and agreed on several points.";
        var kept = Clean(body, new SeedMetadata { KeepWords = ["Battlefront", "conflictin"] });
        Assert.Empty(kept.Doc.Repairs);
        Assert.Empty(kept.Doc.Suspects);
        Assert.Empty(kept.Diagnostics);

        var off = Clean(body, new SeedMetadata { Repairs = false });
        Assert.Empty(off.Doc.Repairs);
        Assert.Empty(off.Diagnostics);
        Assert.Contains("the conflictin the region", off.Doc.MarkdownBody, StringComparison.Ordinal);
        Assert.NotNull(off.Doc.RepairsOff);
    }

    [Fact]
    public void TheWordListIsEmbeddedAndHoldsAmericanAndBritishSpellings()
    {
        Assert.InRange(WordList.Count, 70_000, 80_000);
        Assert.True(WordList.Contains("favourable") && WordList.Contains("favorable") && WordList.Contains("stabilise"));
        Assert.False(WordList.Contains("conflictin"));
    }
}
