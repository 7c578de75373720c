using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Repairing;

/// <summary>Every repair ingest makes is recorded (front matter count, <c>.ingest/</c>, warnings) and can be undone.</summary>
public sealed class RepairRecordTests
{
    private const string Seed001 = "seeds/001_b780153d7e9f22bd.txt";
    private const string Page001 = "content/vietnamese-russian-foreign-ministers-hold-phone-talks-on-ukraine-situation.md";
    private const string Audit001 = "content/.ingest/removed/001_b780153d7e9f22bd.yml";

    private static DiagnosticBag Ingest(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        new Ingestor(Dossier.Config(dossier)).Run(diagnostics);
        return diagnostics;
    }

    private static ContentPage Page(TempDossier dossier, string relative) =>
        ContentPageParser.Parse(Path.GetFileName(relative), File.ReadAllText(dossier.PathOf(relative)), new DiagnosticBag())!;

    [Fact]
    public void TheCountIsInFrontMatterTheDetailInTheAuditAndTheRepairedTextInTheBody()
    {
        using var dossier = new TempDossier(withTemplates: false);
        var diagnostics = Ingest(dossier);

        var page = Page(dossier, Page001);
        Assert.Equal(16, page.Meta.Repairs);
        Assert.Contains("discussed the conflict in Ukraine", page.MarkdownBody, StringComparison.Ordinal);
        Assert.StartsWith("FM Son affirmed Vietnam's", page.MarkdownBody.Split("\n\n")[1], StringComparison.Ordinal);
        Assert.Contains("repairs: 16\n", File.ReadAllText(dossier.PathOf(Page001)), StringComparison.Ordinal);

        var audit = File.ReadAllText(dossier.PathOf(Audit001));
        Assert.Contains("repaired:\n- line: 4\n  column: 113\n  rule: function-word\n  printed: conflictin\n  now: conflict in\n", audit, StringComparison.Ordinal);
        Assert.Contains("  printed: process,the\n  now: process, the\n", audit, StringComparison.Ordinal);
        // A page with nothing repaired says nothing about repairs; the compound only flagged is in its audit and warned.
        Assert.DoesNotContain("repairs:", File.ReadAllText(Directory.GetFiles(dossier.Content, "russia-asked*.md").Single()), StringComparison.Ordinal);
        Assert.Contains("flagged:\n- line: 8\n  column: 152\n  word: battlefront\n  maybe: battle front\n",
            File.ReadAllText(dossier.PathOf("content/.ingest/removed/000_bf9e1a07d91f4169.yml")), StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SeedWordSuspect);
        Assert.Equal(new SourceLocation("seeds/000_bf9e1a07d91f4169.txt", 8, 152), warning.Location);
    }

    [Fact]
    public void ACuratorUndoesRepairsFromTheSeedsSidecarOrByEditingThePage()
    {
        using var dossier = new TempDossier(withTemplates: false);
        Ingest(dossier);

        // One word kept as printed, then every word: the page is ingest's own, so it is written again.
        dossier.Write("seeds/001_b780153d7e9f22bd.seed.yml", "keep_words: [conflictin]\n");
        Ingest(dossier);
        var page = Page(dossier, Page001);
        Assert.Equal(15, page.Meta.Repairs);
        Assert.Contains("discussed the conflictin Ukraine", page.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains("FM Son affirmed", page.MarkdownBody, StringComparison.Ordinal);

        dossier.Write("seeds/001_b780153d7e9f22bd.seed.yml", "repairs: false\n");
        Ingest(dossier);
        page = Page(dossier, Page001);
        Assert.Null(page.Meta.Repairs);
        Assert.Contains("FM Sonaffirmed", page.MarkdownBody, StringComparison.Ordinal);
        Assert.Contains("repairs_off: \"the seed's sidecar says 'repairs: false'\"\n", File.ReadAllText(dossier.PathOf(Audit001)), StringComparison.Ordinal);

        // A curator's own edit of the page (one repair put back by hand) is never overwritten.
        File.Delete(dossier.PathOf("seeds/001_b780153d7e9f22bd.seed.yml"));
        Ingest(dossier);
        var edited = File.ReadAllText(dossier.PathOf(Page001)).Replace("Thetwo", "The two", StringComparison.Ordinal)
            .Replace("Son affirmed", "Sonaffirmed", StringComparison.Ordinal);
        File.WriteAllText(dossier.PathOf(Page001), edited);
        var diagnostics = Ingest(dossier);
        Assert.Equal(edited, File.ReadAllText(dossier.PathOf(Page001)));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ContentCuratedKept);
    }

    [Fact]
    public void ANegativeCountIsAFrontMatterErrorAtItsLine()
    {
        var diagnostics = new DiagnosticBag();
        var page = ContentPageParser.Parse("a.md", "---\ntitle: A\nrepairs: -1\n---\n\nText.\n", diagnostics);
        Assert.Null(page);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FrontMatterValue, 3), (error.Code, error.Location.Line));
    }
}
