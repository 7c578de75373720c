using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using StaticDossier.Archiving;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Archiving;

/// <summary>Snapshots of the real seeds: contents, reproducibility, provenance, zip layout, failure handling.</summary>
public sealed class SnapshotTests(SnapshotFixture snapshot) : IClassFixture<SnapshotFixture>
{
    private Bag Bag => snapshot.Bag;

    private static Bag Create(SiteConfig config, SnapshotOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var bag = new Snapshotter(config).Create(options ?? new SnapshotOptions(), diagnostics);
        Assert.True(bag is not null, string.Join('\n', diagnostics));
        return bag;
    }

    [Fact]
    public void PacksTheSiteSeedsContentConfigAndTemplates()
    {
        var paths = Bag.Payload.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("data/site/index.html", paths);
        Assert.Contains("data/site/assets/style.css", paths);
        Assert.Equal(5, paths.Count(p => p.StartsWith("data/site/articles/", StringComparison.Ordinal)));
        Assert.Equal(Directory.GetFiles(RepoPaths.Seeds).Select(f => "data/seeds/" + Path.GetFileName(f)).Order(StringComparer.Ordinal),
            paths.Where(p => p.StartsWith("data/seeds/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("data/content/.ingest/manifest.json", paths);
        Assert.Equal(5, paths.Count(p => p.StartsWith("data/content/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal)));
        Assert.Equal(File.ReadAllBytes(snapshot.Folder.SiteYml), Bag.Find("data/site.yml")!.Bytes);
        Assert.Contains("data/templates/base.sbn", paths);
        Assert.Contains("data/templates/partials/_head.sbn", paths);
        Assert.Equal(5, paths.Count(p => p.StartsWith("data/provenance/", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheManifestCoversThePublishedSeedsWhichAreTheSeedsAsCaptured()
    {
        var manifest = System.Text.Encoding.UTF8.GetString(Bag.Find("manifest-sha256.txt")!.Bytes);
        foreach (var seed in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(seed)));
            Assert.Equal(File.ReadAllBytes(seed), Bag.Find($"data/site/seeds/{hash}.txt")!.Bytes);
            Assert.Contains($"{hash}  data/site/seeds/{hash}.txt", manifest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheBuiltSiteInTheBagIsWhatBuildRenders()
    {
        var rendered = new SiteBuilder(snapshot.Config).Render(new DiagnosticBag())!;
        Assert.Equal(rendered.Select(f => "data/site/" + f.OutputPath), Bag.Payload.Where(f => f.Path.StartsWith("data/site/", StringComparison.Ordinal)).Select(f => f.Path));
        Assert.All(rendered, f => Assert.Equal(f.Bytes, Bag.Find("data/site/" + f.OutputPath)!.Bytes));
    }

    [Fact]
    public void BagInfoTakesItsDateAndDescriptionFromTheDossierNotTheClock()
    {
        var newest = Directory.GetFiles(snapshot.Folder.Content, "*.md")
            .Select(p => ContentPageParser.Parse(p, File.ReadAllText(p), new DiagnosticBag())!.Meta.ParsedDate)
            .Max();
        Assert.NotNull(newest);
        Assert.Equal(newest, Bag.BaggingDate);

        var info = Encoding.UTF8.GetString(Bag.Find("bag-info.txt")!.Bytes);
        Assert.Contains($"\nBagging-Date: {newest:yyyy-MM-dd}\n", info, StringComparison.Ordinal);
        Assert.StartsWith("Source-Organization: StaticDossier curators\nExternal-Description: Việt Nam, Russia and the war in Ukraine: A curated\n", info, StringComparison.Ordinal);
        Assert.Contains($"\nPayload-Oxum: {Bag.Payload.Sum(f => (long)f.Bytes.Length)}.{Bag.Payload.Count()}\n", info, StringComparison.Ordinal);
        Assert.Contains("\nBag-Software-Agent: StaticDossier ", info, StringComparison.Ordinal);
        Assert.Equal($"viet-nam-russia-and-the-war-in-ukraine-{newest:yyyy-MM-dd}", Bag.Name);
    }

    [Fact]
    public void ABaggingDateCanBeGiven()
    {
        var bag = Create(snapshot.Config, new SnapshotOptions { BaggingDate = new DateOnly(2031, 12, 24) });
        Assert.Contains("\nBagging-Date: 2031-12-24\n", Encoding.UTF8.GetString(bag.Find("bag-info.txt")!.Bytes), StringComparison.Ordinal);
        Assert.EndsWith("-2031-12-24", bag.Name, StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(ZipWriter.ToBytes(bag)));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2031, 12, 24), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void TwoSnapshotsOfTheSameDossierAreByteIdentical()
    {
        var first = ZipWriter.ToBytes(Bag);
        var second = ZipWriter.ToBytes(Create(snapshot.Config));
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
        Assert.Equal(first, second);
    }

    [Fact]
    public void TwoSnapshotsOfTwoCopiesOfTheDossierAreByteIdentical()
    {
        using var other = new TempDossier();
        var config = Dossier.Config(other);
        TempDossier.CopyDir(snapshot.Folder.Content, other.Content);
        Assert.Equal(ZipWriter.ToBytes(Bag), ZipWriter.ToBytes(Create(config)));
    }

    [Fact]
    public void TheZipOpensWithOneBagFolderAndFixedEntries()
    {
        using var zip = new ZipArchive(new MemoryStream(ZipWriter.ToBytes(Bag)));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(names, n => Assert.StartsWith(Bag.Name + "/", n, StringComparison.Ordinal));
        Assert.Equal(Bag.Files.Select(f => Bag.Name + "/" + f.Path), names);

        var index = zip.GetEntry(Bag.Name + "/data/site/index.html");
        Assert.NotNull(index);
        using (var reader = new StreamReader(index.Open()))
        {
            Assert.Contains("<html", reader.ReadToEnd(), StringComparison.OrdinalIgnoreCase);
        }

        var midnight = new DateTime(Bag.BaggingDate!.Value, TimeOnly.MinValue);
        Assert.All(zip.Entries, e =>
        {
            Assert.Equal(midnight, e.LastWriteTime.DateTime);
            Assert.Equal(0x81A4, (e.ExternalAttributes >> 16) & 0xFFFF);
        });
    }

    [Fact]
    public void ZipTimestampsStayInsideTheZipFormatsRange()
    {
        Assert.Equal(new DateTime(1980, 1, 1), ZipWriter.TimestampFor(new DateOnly(1930, 2, 3)).DateTime);
        Assert.Equal(new DateTime(1980, 1, 1), ZipWriter.TimestampFor(null).DateTime);
        Assert.Equal(new DateTime(2026, 3, 5), ZipWriter.TimestampFor(new DateOnly(2026, 3, 5)).DateTime);
    }

    [Fact]
    public void EveryArticleHasAProvenanceRecordThatMatchesTheBag()
    {
        var records = Bag.Payload.Where(f => f.Path.StartsWith("data/provenance/", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, records.Count);
        foreach (var file in records)
        {
            var record = ProvenanceRecord.FromJson(file.Bytes)!;
            Assert.Equal(ProvenanceRecord.CurrentSchema, record.Schema);
            Assert.Equal("data/provenance/" + Path.GetFileNameWithoutExtension(record.Content.Path) + ".json", file.Path);
            Assert.Equal(Sha256(Bag.Find(record.Content.Path)!.Bytes), record.Content.Sha256);
            Assert.NotNull(Bag.Find(record.Article.Page!));

            var seed = record.Seed!;
            Assert.True(seed.InBag);
            Assert.Equal(Sha256(Bag.Find(seed.Path)!.Bytes), seed.Sha256);
            Assert.True(seed.UnchangedSinceIngest);

            Assert.Equal("ingest", record.Cleaning.Method);
            Assert.False(record.Cleaning.CuratedSinceIngest);
            Assert.Equal(record.Content.Sha256, record.Cleaning.IngestOutputSha256);
            Assert.True(record.Cleaning.ReproducedByGenerator, file.Path);
            Assert.Equal(GeneratorInfo.Agent, record.Cleaning.CleanedBy);
            Assert.Equal(record.Cleaning.RemovedBlocks, record.Cleaning.Removed!.Count);

            Assert.Equal(GeneratorInfo.Version, record.Generator.Version);
            Assert.Equal(Sha256(Bag.Find("data/site.yml")!.Bytes), record.Build.SiteConfig.Sha256);
            Assert.Equal(Bag.Payload.Count(f => f.Path.StartsWith("data/templates/", StringComparison.Ordinal)), record.Build.Templates.Count);
        }
    }

    [Fact]
    public void ProvenanceTellsACuratedPageAndAHandWrittenOne()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        var page = Directory.GetFiles(dossier.Content, "many-*.md").Single();
        File.WriteAllText(page, File.ReadAllText(page).Replace("Many Vietnamese", "Vietnamese", StringComparison.Ordinal));
        dossier.Write("content/notes-from-the-editor.md", "---\ntitle: Notes from the editor\ndate: 2020-01-02\n---\n\nWhy this dossier exists.\n");

        var bag = Create(config);
        var curated = ProvenanceRecord.FromJson(bag.Find("data/provenance/" + Path.GetFileNameWithoutExtension(page) + ".json")!.Bytes)!;
        Assert.True(curated.Cleaning.CuratedSinceIngest);
        Assert.True(curated.Cleaning.ReproducedByGenerator);
        Assert.NotEqual(curated.Content.Sha256, curated.Cleaning.IngestOutputSha256);

        var written = ProvenanceRecord.FromJson(bag.Find("data/provenance/notes-from-the-editor.json")!.Bytes)!;
        Assert.Null(written.Seed);
        Assert.Equal("hand-written", written.Cleaning.Method);
        Assert.False(written.Cleaning.ReproducedByGenerator);
        Assert.Equal("data/site/articles/notes-from-the-editor.html", written.Article.Page);
    }

    [Fact]
    public void AWrittenSnapshotVerifiesAsAZipAndUnpacked()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        TempDossier.CopyDir(snapshot.Folder.Content, dossier.Content);
        var diagnostics = new DiagnosticBag();
        var snapshotter = new Snapshotter(config);
        var bag = snapshotter.Create(new SnapshotOptions(), diagnostics)!;
        var zipPath = dossier.PathOf("out/" + bag.Name + ".zip");
        Assert.True(snapshotter.Write(bag, zipPath, diagnostics), string.Join('\n', diagnostics));
        Assert.Equal(new[] { zipPath }, Directory.GetFiles(dossier.PathOf("out")));

        AssertValid(zipPath);
        var unpacked = dossier.PathOf("unpacked");
        ZipFile.ExtractToDirectory(zipPath, unpacked);
        AssertValid(unpacked);
        AssertValid(Path.Combine(unpacked, bag.Name));
    }

    [Fact]
    public void SnapshottingTheUnpackedPayloadReproducesTheArchive()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var original = ZipWriter.ToBytes(Bag);
        var unpacked = dossier.PathOf("unpacked");
        ZipFile.ExtractToDirectory(new MemoryStream(original), unpacked);

        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Path.Combine(unpacked, Bag.Name, "data", "site.yml"), diagnostics);
        Assert.NotNull(config);
        Assert.Equal(original, ZipWriter.ToBytes(Create(config)));
    }

    [Fact]
    public void AFailedSnapshotWritesNothing()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        dossier.Write("templates/article.sbn", "{{ for x in }}broken");

        var diagnostics = new DiagnosticBag();
        Assert.Null(new Snapshotter(config).Create(new SnapshotOptions(), diagnostics));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.TemplateSyntax);
    }

    [Fact]
    public void AWriteThatFailsLeavesNoHalfArchive()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var target = dossier.PathOf("out/snapshot.zip");
        Directory.CreateDirectory(target);
        var diagnostics = new DiagnosticBag();
        Assert.False(new Snapshotter(snapshot.Config).Write(Bag, target, diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SnapshotFailed, error.Code);
        Assert.Equal(target, error.Location.Path);
        Assert.Equal(new[] { target }, Directory.GetFileSystemEntries(dossier.PathOf("out")));
    }

    [Fact]
    public void RefusesToWriteTheSnapshotIntoAFolderItPacks()
    {
        var diagnostics = new DiagnosticBag();
        var target = Path.Combine(snapshot.Config.ContentPath, "snapshot.zip");
        Assert.False(new Snapshotter(snapshot.Config).Write(Bag, target, diagnostics));
        Assert.Equal(DiagnosticCodes.SnapshotFailed, Assert.Single(diagnostics).Code);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void ADamagedZipIsReportedWithItsName()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var bytes = ZipWriter.ToBytes(Bag);
        var truncated = dossier.PathOf("truncated.zip");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var garbage = dossier.PathOf("garbage.zip");
        File.WriteAllText(garbage, "not a zip at all");

        foreach (var path in new[] { truncated, garbage, dossier.PathOf("absent.zip") })
        {
            var diagnostics = new DiagnosticBag();
            Assert.Null(BagReader.Open(path, diagnostics));
            var error = Assert.Single(diagnostics);
            Assert.Equal(DiagnosticCodes.BagUnreadable, error.Code);
            Assert.Equal(path, error.Location.Path);
            Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CorruptionInsideTheZipIsCaught()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var bytes = ZipWriter.ToBytes(Bag);
        var path = dossier.PathOf("damaged.zip");

        // Damage the compressed data of one payload file: its local header is followed directly by its
        // name and (ZipWriter writes no extra fields) its data.
        var name = System.Text.Encoding.UTF8.GetBytes(Bag.Name + "/data/site/index.html");
        var at = bytes.AsSpan().IndexOf(name);
        Assert.True(at > 0);
        bytes[at + name.Length + 8] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var diagnostics = new DiagnosticBag();
        using var source = BagReader.Open(path, diagnostics);
        Assert.NotNull(source);
        Assert.False(BagVerifier.Verify(source, diagnostics).IsValid);
        // Whether the inflater fails first (SD0551) or the checksum does (SD0555) depends on which bits the flip hits;
        // either way the problem is placed inside the bag.
        Assert.Contains(diagnostics, d => d.Code is DiagnosticCodes.BagFileAltered or DiagnosticCodes.BagUnreadable
            && d.Location.Path.StartsWith(path + "/" + Bag.Name + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void AZipWithoutASingleBagFolderIsRefused()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dossier.PathOf("flat.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var file in Bag.Files)
            {
                using var stream = zip.CreateEntry(file.Path).Open();
                stream.Write(file.Bytes);
            }
        }

        var diagnostics = new DiagnosticBag();
        Assert.Null(BagReader.Open(path, diagnostics));
        Assert.Contains("one top-level folder", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    private static void AssertValid(string path)
    {
        var diagnostics = new DiagnosticBag();
        using var source = BagReader.Open(path, diagnostics);
        Assert.True(source is not null, string.Join('\n', diagnostics));
        var result = BagVerifier.Verify(source, diagnostics);
        Assert.True(result.IsValid, string.Join('\n', diagnostics));
        Assert.Empty(diagnostics);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
