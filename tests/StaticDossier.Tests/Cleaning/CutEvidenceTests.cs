using StaticDossier.Cleaning;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Cuts of whole regions (end sections, the main run) agree with where the prose is, and the page's notes
/// say why a cut was stepped back from.</summary>
public sealed class CutEvidenceTests
{
    private static CleanedDocument Clean(string path, string text) =>
        new SeedCleaner().CleanAll([new SeedDocument(path, path.EndsWith(".html", StringComparison.Ordinal) ? SeedKind.Html : SeedKind.TextDump, text, "0")],
            new DiagnosticBag())[0];

    private static string Input(string folder) =>
        File.ReadAllText(Path.Combine(CleaningGolden.Folder, folder, "input.txt"));

    [Fact]
    public void ACommentCounterAboveTheStoryIsNotWhereItEnds()
    {
        var cleaned = Clean("seeds/ferry.txt", Input("061-end-section"));

        Assert.Contains("A petition asking for the last boat", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("12 Comments", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Notes, n => n.StartsWith("end section: '12 Comments' (line 7) is not where the article ends", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadersCommentsAfterTheStoryStillGo()
    {
        var cleaned = Clean("seeds/ferry.txt", Input("061-end-section"));

        Assert.DoesNotContain("I take the last boat every evening", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain(cleaned.Notes, n => n.Contains("'3 Responses", StringComparison.Ordinal));
    }

    [Fact]
    public void ASignOffAboveTheStoryIsNotWhereItEnds()
    {
        var cleaned = Clean("seeds/speech.txt", Input("052-end-marker"));

        Assert.Contains("Drug use in Europe has changed a great deal", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Notes, n => n.StartsWith("end marker: '- UNAIDS' (line 2) is not where the article ends", StringComparison.Ordinal));
    }

    [Fact]
    public void AMainRunHoldingLittleOfTheProseStepsBack()
    {
        var cleaned = Clean("seeds/tides.txt", Input("131-main-run"));

        Assert.Contains("The first step reads the file", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains("The second step keeps only the hours", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this guide", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Notes, n => n.StartsWith("main run: the best run (lines 6-6) holds", StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherPartOfTheArticleIsKept()
    {
        var cleaned = Clean("seeds/library.txt", Input("135-main-run"));

        Assert.Contains("Anyone who lives, works or studies in the county", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains("You can borrow up to twenty items at a time", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Wednesday 9-20", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Notes, n => n.StartsWith("main run: lines 24-28 are another part of the article", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunNotInSentencesIsNoPartOfTheArticle()
    {
        // The second answer as teaser lines (no full stops): no longer shaped like the article's prose.
        var text = Input("135-main-run").Replace("unless another reader has reserved it.", "unless another reader has reserved it", StringComparison.Ordinal)
            .Replace("until they are returned or renewed.", "until they are returned or renewed", StringComparison.Ordinal);

        var cleaned = Clean("seeds/library.txt", text);

        Assert.Contains("Anyone who lives, works or studies in the county", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("You can borrow up to twenty items at a time", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain(cleaned.Notes, n => n.Contains("another part of the article", StringComparison.Ordinal));
    }

    [Fact]
    public void ProseBeyondALegalFooterIsNoPartOfTheArticle()
    {
        var cleaned = Clean("seeds/cycle-lanes.txt", Input("136-main-run"));

        Assert.Contains("Shop owners had asked for loading bays to stay", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("a subscription costs less than a cup of coffee", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain(cleaned.Notes, n => n.Contains("another part of the article", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadersCommentsWithoutAHeadingGoByTheirSignatures()
    {
        var cleaned = Clean("seeds/night-ferry.txt", Input("063-end-section"));

        Assert.Contains("The operator will run the crossing", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("I take the night ferry twice a week", cleaned.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains(cleaned.Notes, n => n.StartsWith("end section: 3 signatures (short dated lines)", StringComparison.Ordinal));
    }

    [Fact]
    public void EmbeddedPostsSignedWithoutATimeAreNotAThread()
    {
        var text = Input("063-end-section").Replace(" at November 9, 2012 ", " November 9, 2012 ", StringComparison.Ordinal)
            .Replace(" 6:41 AM", string.Empty, StringComparison.Ordinal).Replace(" 7:49 AM", string.Empty, StringComparison.Ordinal)
            .Replace(" 8:01 AM", string.Empty, StringComparison.Ordinal).Replace(" 8:28 AM", string.Empty, StringComparison.Ordinal);

        var cleaned = Clean("seeds/night-ferry.txt", text);

        Assert.DoesNotContain(cleaned.Notes, n => n.Contains("signatures (short dated lines)", StringComparison.Ordinal));
    }
}
