using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Content;

/// <summary>Ingest never loses a curator's work.</summary>
public sealed class CurationTests
{
    [Fact]
    public void SecondIngestLeavesEverythingUnchanged()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        var before = Snapshot(dossier.Content);
        var report = new Ingestor(config).Run(new DiagnosticBag());
        Assert.Equal(5, report[IngestOutcome.Unchanged]);
        Assert.Equal(before, Snapshot(dossier.Content));
    }

    [Fact]
    public void KeepsAnEditedPage()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        var page = Directory.GetFiles(dossier.Content, "*.md").Order(StringComparer.Ordinal).First();
        var edited = File.ReadAllText(page).Replace("title: ", "title: Curated — ", StringComparison.Ordinal) + "\nA curator's note.\n";
        File.WriteAllText(page, edited);

        var report = new Ingestor(config).Run(new DiagnosticBag());
        Assert.Equal(1, report[IngestOutcome.KeptCurated]);
        Assert.Equal(edited, File.ReadAllText(page));
    }

    [Fact]
    public void ReportsAChangedSeedBehindACuratedPageAndKeepsThePage()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        var page = Directory.GetFiles(dossier.Content, "*.md").Single(p => File.ReadAllText(p).Contains("000_bf9e1a07d91f4169", StringComparison.Ordinal));
        var edited = File.ReadAllText(page) + "\nEdited.\n";
        File.WriteAllText(page, edited);
        File.AppendAllText(dossier.PathOf("seeds/000_bf9e1a07d91f4169.txt"), "\nA late correction to the article, added by the outlet.\n");

        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(config).Run(diagnostics);
        Assert.Equal(1, report[IngestOutcome.SeedChanged]);
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SeedChangedCurated);
        Assert.Equal("seeds/000_bf9e1a07d91f4169.txt", warning.Location.Path);
        Assert.Equal(edited, File.ReadAllText(page));
    }

    [Fact]
    public void RegeneratesAnUntouchedPageWhenItsSeedChanges()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        File.AppendAllText(dossier.PathOf("seeds/002_f759e98b14cb5ece.txt"), "\nA new closing paragraph, long enough to count as a sentence of the article.\n");
        var report = new Ingestor(config).Run(new DiagnosticBag());
        Assert.Equal(1, report[IngestOutcome.Updated]);
    }

    [Fact]
    public void DoesNotRecreateAPageTheCuratorDeleted()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        var page = Directory.GetFiles(dossier.Content, "*.md").Order(StringComparer.Ordinal).First();
        File.Delete(page);
        new Ingestor(config).Run(new DiagnosticBag());
        Assert.False(File.Exists(page));
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
