using StaticDossier.Cleaning;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Ingesting;
using StaticDossier.Repairing;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Ingesting;

/// <summary>A page without a headline: its title is the lede's first sentence, which is then not read twice; slugs are
/// cut between words and outside names, and a curator's page keeps its name (its URL).</summary>
public sealed class LedeTitleAndSlugTests
{
    private const string Title004 = "Prime Minister Phạm Minh Chính has called for stronger cooperation between Việt Nam and Russia in emergency "
                                    + "response, including sharing experience in early warning, prevention of emergency situations, and search and rescue operations";

    private const string OldName004 = "2026-03-05-prime-minister-pham-minh-chinh-has-called-for-stronger-cooperation-between-viet.md";
    private const string NewName004 = "2026-03-05-prime-minister-pham-minh-chinh-has-called-for-stronger-cooperation.md";

    private static CleanedDocument Clean(string text) =>
        new SeedCleaner().Clean(new SeedDocument("seeds/dump.txt", SeedKind.TextDump, text, "0"), new DiagnosticBag());

    [Fact]
    public void ALedeSentenceTakenAsTheTitleLeavesTheBodyAndItsDatelineOpensTheNextParagraph()
    {
        var doc = Clean("HANOI — The government announced a broad set of new measures to support exporters and small manufacturers on Monday.\n\n"
                        + "The measures include lower fees for small firms and faster customs checks at the border.\n\n"
                        + "Officials said the plan would take effect next month after a short consultation period.\n");
        Assert.Equal("The government announced a broad set of new measures to support exporters and small manufacturers on Monday", doc.Title);
        Assert.StartsWith("HANOI — The measures include lower fees", doc.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("announced a broad set", doc.MarkdownBody, StringComparison.Ordinal);
        var repair = Assert.Single(doc.Repairs);
        Assert.Equal(new TextRepair(1, 9, "The government announced a broad set of new measures to support exporters and small manufacturers on Monday.",
            string.Empty, RepairRules.TitleFromLede), repair);
        // Cleaning's record is as printed: the lede is a kept block with its whole text.
        Assert.Contains(doc.Decisions, d => d.Kept && d.Line == 1 && d.Text.StartsWith("HANOI — The government", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRestOfALongerLedeStaysWithItsDateline()
    {
        var doc = Clean("HANOI — The government announced new measures to support exporters on Monday. The measures include lower fees.\n\n"
                        + "Officials said the plan would take effect next month after a short consultation period.\n");
        Assert.Equal("The government announced new measures to support exporters on Monday", doc.Title);
        Assert.StartsWith("HANOI — The measures include lower fees.\n\nOfficials said", doc.MarkdownBody, StringComparison.Ordinal);
    }

    [Fact]
    public void AOneParagraphArticleKeepsItsLedeRatherThanBeEmptied()
    {
        var doc = Clean("HANOI — The government announced new measures to support exporters on Monday, officials in the capital said.\n");
        Assert.Contains("The government announced new measures", doc.MarkdownBody, StringComparison.Ordinal);
        Assert.Empty(doc.Repairs);
    }

    [Fact]
    public void Seed004sTitleIsItsFirstSentenceNotRepeatedAndItsSlugEndsOutsideTheName()
    {
        using var dossier = new TempDossier(withTemplates: false);
        new Ingestor(Dossier.Config(dossier)).Run(new DiagnosticBag());
        var text = File.ReadAllText(Path.Combine(dossier.Content, NewName004));
        var page = ContentPageParser.Parse(NewName004, text, new DiagnosticBag())!;
        Assert.Equal(Title004, page.Meta.Title);
        Assert.Equal(1, page.Meta.Repairs);
        Assert.StartsWith("HÀ NỘI — At a reception in Hà Nội on Thursday", page.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("has called for stronger cooperation", page.MarkdownBody, StringComparison.Ordinal);
        Assert.Equal("2026-03-05-prime-minister-pham-minh-chinh-has-called-for-stronger-cooperation", page.Slug);
        Assert.Contains("rule: title-from-lede\n", File.ReadAllText(dossier.PathOf("content/.ingest/removed/004_6f8e87100c137f59.yml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, NewName004)] // ingest's own page follows its title's new name (the old file goes)
    [InlineData(true, OldName004)] // a curator's page keeps its name, so its URL does not move
    public void APageUnderAnOlderNameMovesOnlyWhenItIsIngestsOwn(bool curated, string expected)
    {
        using var dossier = new TempDossier(withTemplates: false);
        new Ingestor(Dossier.Config(dossier)).Run(new DiagnosticBag());
        // As the earlier generator left it: its title (a cut of the lede), under the name its slug rule gave, recorded.
        var text = File.ReadAllText(Path.Combine(dossier.Content, NewName004))
            .Replace("Russia in emergency response, including sharing experience in early warning, prevention of emergency situations, and search and rescue operations\n", "Russia\n", StringComparison.Ordinal);
        File.Delete(Path.Combine(dossier.Content, NewName004));
        File.WriteAllText(Path.Combine(dossier.Content, OldName004), text);
        var manifest = IngestManifest.Load(dossier.Content);
        var seed = manifest.Entries.Single(e => e.Value.Content == NewName004).Key;
        manifest.Entries[seed] = manifest.Entries[seed] with { Content = OldName004, GeneratedSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))) };
        manifest.Save(dossier.Content);
        Assert.Contains("title: Prime Minister Phạm Minh Chính has called for stronger cooperation between Việt Nam and Russia\n", text, StringComparison.Ordinal);
        if (curated)
        {
            File.AppendAllText(Path.Combine(dossier.Content, OldName004), "\nA curator's note.\n");
        }

        // A new generator cleans every seed again: without it the unchanged seed would not be looked at.
        File.Delete(IngestCache.PathFor(Dossier.Config(dossier)));
        new Ingestor(Dossier.Config(dossier)).Run(new DiagnosticBag());
        var pages = Directory.GetFiles(dossier.Content, "2026-03-05-*.md").Select(Path.GetFileName);
        Assert.Equal([expected], pages);
    }

    [Theory]
    [InlineData("Prime Minister Phạm Minh Chính has called for stronger cooperation between Việt Nam and Russia in emergency response",
        "prime-minister-pham-minh-chinh-has-called-for-stronger-cooperation")]
    [InlineData("Officials met on Monday to discuss trade between the two nations and Ho Chi Minh City leaders",
        "officials-met-on-monday-to-discuss-trade-between-the-two-nations")] // not "…-and-ho-chi-minh"
    [InlineData("Many Vietnamese Civil Society Groups Support Ukraine And Condemn The Invasion Of Its Territory By Russian Forces",
        "many-vietnamese-civil-society-groups-support-ukraine-and-condemn-the-invasion")]
    [InlineData("Short title, kept whole", "short-title-kept-whole")]
    [InlineData("Ministers meet — and talk … about trade, energy and the economy with Russia’s delegation «» in Hà Nội today",
        "ministers-meet-and-talk-about-trade-energy-and-the-economy-with-russia-s")] // marks alone are no words
    public void ATitlesSlugIsCutBetweenWordsOutsideNamesAndNotAfterAFunctionWord(string title, string slug)
    {
        Assert.Equal(slug, Slugger.ForTitle(title));
        Assert.InRange(Slugger.ForTitle(title).Length, 1, Slugger.MaxLength);
    }

    [Fact]
    public void ACuratedSlugIsCutAsBefore() =>
        // Front matter slugs and file names keep Slugify's cut: their URLs never move.
        Assert.Equal("prime-minister-pham-minh-chinh-has-called-for-stronger-cooperation-between-viet",
            Slugger.Slugify("Prime Minister Phạm Minh Chính has called for stronger cooperation between Việt Nam and Russia in emergency response"));
}
