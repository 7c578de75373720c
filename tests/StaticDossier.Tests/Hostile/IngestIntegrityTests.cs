using System.Text;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Ingesting;
using StaticDossier.IO;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Ingest never loses or doubles a seed's page: interrupted runs, copies of one seed, names that differ only
/// by case or Unicode normalisation, seeds that clean to nothing.</summary>
public sealed class IngestIntegrityTests
{
    private const string Article =
        "Vietnam and Russia discuss the situation in Ukraine\n\n" +
        "Hanoi, 3 March. The foreign ministers of Vietnam and Russia held phone talks on Thursday about the situation in Ukraine and the safety of Vietnamese citizens there.\n\n" +
        "The Vietnamese minister asked Russia to help open humanitarian corridors so that Vietnamese people could leave the conflict areas safely and quickly.\n\n" +
        "The Russian minister said Moscow would do what it could to ensure the safety of Vietnamese citizens and of the Vietnamese embassy in Kyiv.\n";

    [Fact]
    public void ARunStoppedAfterWritingPagesIsFinishedByTheNextWithOnePagePerSeed()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        var seeds = Directory.GetFiles(dossier.PathOf("seeds"), "*.txt").Length;
        Assert.Throws<KilledException>(() => new Ingestor(config) { AfterPagesWritten = () => throw new KilledException() }.Run(new DiagnosticBag()));
        Assert.Equal(seeds, Pages(dossier).Count);
        Assert.True(File.Exists(Path.Combine(dossier.Content, IngestJournal.RelativePath)));
        // A temporary file as a kill in the middle of a write leaves it, with the longest name a page can have.
        var temp = Path.Combine(dossier.Content, AtomicFile.TemporaryName(new string('x', 250) + ".md"));
        File.WriteAllText(temp, "half a page");

        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(config).Run(diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal(seeds, report[IngestOutcome.Unchanged]);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.IngestRecovered);
        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.ContentCuratedKept or DiagnosticCodes.SeedChangedCurated);
        Assert.Equal(seeds, Pages(dossier).Count);
        Assert.Equal(seeds, IngestManifest.Load(dossier.Content).Entries.Count);
        Assert.False(File.Exists(temp));
        Assert.False(File.Exists(Path.Combine(dossier.Content, IngestJournal.RelativePath)));
        Assert.Empty(Directory.EnumerateFiles(dossier.Content, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void ARunThatFailsPartWayLeavesTheContentFolderAsItWas()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        const int seeds = 40;
        for (var i = 0; i < seeds; i++)
        {
            dossier.Write($"seeds/s{i:00}.txt", $"Report {i} on the talks between Vietnam and Russia\n" + Article);
        }

        Ingest(config);
        // Every seed changes, so every page would be rewritten; the run fails as the last seed is taken up, once the
        // seeds before it are decided and their pages written to temporaries.
        for (var i = 0; i < seeds; i++)
        {
            dossier.Write($"seeds/s{i:00}.txt", $"Report {i} on the talks between Vietnam and Russia\n" + Article + "\nThe talks are to resume in Hanoi next month, both ministries said on Friday.\n");
        }

        var before = Snapshot(dossier.Content);
        var diagnostics = new DiagnosticBag();
        new Ingestor(config) { Progress = (done, total) => { if (done == total) { throw new IOException("disk full"); } } }.Run(diagnostics);

        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.IngestWriteFailed);
        Assert.Equal(before, Snapshot(dossier.Content));

        // The next run writes them all.
        var report = Ingest(config);
        Assert.Equal(seeds, report[IngestOutcome.Updated]);
    }

    [Fact]
    public void ARunStoppedAfterAPageMovedLeavesOnePageUnderTheNewName()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        dossier.Write("seeds/a.txt", Article);
        Ingest(config);
        var before = Assert.Single(Pages(dossier));

        // A better title: the untouched page moves; the run is stopped before the old name goes.
        dossier.Write("seeds/a.txt", "Vietnam asks Russia for humanitarian corridors in Ukraine\n" + Article[(Article.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        Assert.Throws<KilledException>(() => new Ingestor(config) { AfterPagesWritten = () => throw new KilledException() }.Run(new DiagnosticBag()));
        Assert.Equal(2, Pages(dossier).Count);

        var report = Ingest(config);
        var after = Assert.Single(Pages(dossier));
        Assert.NotEqual(before, after);
        Assert.Equal(1, report[IngestOutcome.Unchanged]);
        Assert.Equal(after, Assert.Single(IngestManifest.Load(dossier.Content).Entries.Values).Content);
    }

    [Fact]
    public void APageLeftWithoutAManifestIsRecognisedByItsText()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        Ingest(config);
        var pages = Pages(dossier);
        File.Delete(Path.Combine(dossier.Content, IngestManifest.RelativePath));

        var report = Ingest(config);
        Assert.Equal(pages, Pages(dossier));
        Assert.Equal(pages.Count, report[IngestOutcome.Unchanged]);
        Assert.Equal(pages.Count, IngestManifest.Load(dossier.Content).Entries.Count);
    }

    [Fact]
    public void ThreeAndFourCopiesOfOneSeedEachKeepTheirText()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        dossier.Write("seeds/a.txt", Article);
        Ingest(config);
        var alone = Body(dossier, Assert.Single(Pages(dossier)));
        Assert.Contains("humanitarian corridors", alone, StringComparison.Ordinal);

        foreach (var copies in new[] { 3, 4 })
        {
            for (var i = 1; i < copies; i++)
            {
                dossier.Write($"seeds/copy-{i}.txt", Article);
            }

            var diagnostics = new DiagnosticBag();
            new Ingestor(config).Run(diagnostics);
            Assert.Equal(copies - 1, diagnostics.Count(d => d.Code == DiagnosticCodes.SeedDuplicate));
            var pages = Pages(dossier);
            Assert.Equal(copies, pages.Count);
            Assert.All(pages, p => Assert.Equal(alone, Body(dossier, p)));
        }
    }

    [Fact]
    public void APageWithTextIsNeverEmptied()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        dossier.Write("seeds/a.html", Html("Vietnam and Russia discuss the situation in Ukraine", Article));
        Ingest(config);
        var page = Assert.Single(Pages(dossier));
        var text = File.ReadAllText(Path.Combine(dossier.Content, page));

        // The page was saved again with nothing but its menu: cleaning keeps nothing.
        dossier.Write("seeds/a.html", "<html><head><title>Vietnam and Russia discuss the situation in Ukraine</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>");
        foreach (var force in new[] { false, true })
        {
            var diagnostics = new DiagnosticBag();
            var report = new Ingestor(config).Run(diagnostics, force);
            Assert.Equal(1, report[IngestOutcome.KeptText]);
            Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.IngestKeptText && d.Location.Path == "seeds/a.html");
            Assert.Equal(text, File.ReadAllText(Path.Combine(dossier.Content, page)));
        }
    }

    [Theory]
    [InlineData("CASE.txt", "case.txt")]
    [InlineData("a.txt", "A.txt")]
    [InlineData("Việt Nam và Nga.txt", "Việt Nam và Nga.txt")] // NFC, then the same name decomposed (NFD)
    public void SeedsWhoseNamesDifferOnlyByCaseOrNormalisationGiveTwoPages(string first, string second)
    {
        if (second == first)
        {
            second = first.Normalize(NormalizationForm.FormD);
        }

        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        dossier.Write("seeds/" + first.Normalize(NormalizationForm.FormC), Article);
        dossier.Write("seeds/" + second, Article + "\nA second paragraph that only this copy of the report carries, long enough to be kept.\n");
        if (Directory.GetFiles(dossier.PathOf("seeds")).Length < 2)
        {
            Assert.Skip("This file system holds only one of the two names.");
        }

        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(config).Run(diagnostics);
        Assert.True(report[IngestOutcome.Created] == 2, $"{report}\n{string.Join('\n', diagnostics)}\n{string.Join('\n', Directory.GetFiles(dossier.PathOf("seeds")))}");
        Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SeedNameClash);
        var pages = Pages(dossier);
        Assert.Equal(2, pages.Count);
        Assert.Equal(2, pages.Select(p => p.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dossier.Content, ".ingest", "removed")).Select(f => Path.GetFileName(f).Normalize().ToUpperInvariant()).Distinct().Count());

        // Later runs see no curator at work: each seed still has its own untouched page.
        var again = new DiagnosticBag();
        var second2 = new Ingestor(config).Run(again, force: false);
        Assert.Equal(2, second2[IngestOutcome.Unchanged]);
        Assert.DoesNotContain(again, d => d.Code is DiagnosticCodes.ContentCuratedKept or DiagnosticCodes.SeedChangedCurated);
    }

    [Fact]
    public void SeedsOfOneNameWithTwoExtensionsKeepTwoAudits()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        dossier.Write("seeds/a.txt", Article);
        dossier.Write("seeds/a.html", Html("Vietnam and Russia", Article));
        Ingest(config);
        Assert.Equal(2, Pages(dossier).Count);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dossier.Content, ".ingest", "removed")).Length);
    }

    [Fact]
    public void ASecondIngestAtTheSameTimeIsRefused()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        Directory.CreateDirectory(dossier.Content);
        using (IngestLock.TryTake(dossier.Content))
        {
            var diagnostics = new DiagnosticBag();
            new Ingestor(config).Run(diagnostics);
            Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.IngestBusy);
            Assert.Empty(Pages(dossier));
        }

        Ingest(config);
        Assert.False(File.Exists(Path.Combine(dossier.Content, IngestLock.RelativePath)));
    }

    [Fact]
    public void ASeedNamedWithEightyVietnameseCharactersIsIngested()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        // "Save page as" names the file after the title; a long Vietnamese title is well over 208 bytes, and more again
        // when the name comes decomposed (NFD) from macOS. Here 250 bytes, with ".html" the most a name may have.
        const string title = "Thủ tướng Việt Nam điện đàm với Tổng thống Nga về tình hình Ukraine và việc bảo hộ công dân Việt Nam ở Kharkiv, Kyiv và Odesa trong bối cảnh xung đột kéo dài và những nỗ lực sơ tán người Việt khỏi các thành phố bị bắn phá";
        var name = FileNames.Truncate(title, 250) + ".html";
        Assert.InRange(Encoding.UTF8.GetByteCount(name), 208, 255);
        dossier.Write("seeds/" + name, Html(title, Article));
        Ingest(config);
        var page = Assert.Single(Pages(dossier));
        Assert.True(Encoding.UTF8.GetByteCount(page) <= 255);
        var built = new DiagnosticBag();
        Assert.True(new SiteBuilder(config).Build(built).Succeeded, string.Join('\n', built));
    }

    private static string Html(string title, string text) =>
        $"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article></body></html>";

    private static IngestReport Ingest(StaticDossier.Config.SiteConfig config)
    {
        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(config).Run(diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        return report;
    }

    private static List<string> Pages(TempDossier dossier) =>
        Directory.Exists(dossier.Content)
            ? [.. Directory.EnumerateFiles(dossier.Content, "*.md").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Every file under <paramref name="dir"/> (hidden ones too) with its bytes, by relative path.</summary>
    private static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static string Body(TempDossier dossier, string page) =>
        ContentPageParser.Parse(page, File.ReadAllText(Path.Combine(dossier.Content, page)), new DiagnosticBag())!.MarkdownBody;

    private sealed class KilledException : Exception;
}
