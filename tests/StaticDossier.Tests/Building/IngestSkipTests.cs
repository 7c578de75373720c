using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Building;

public sealed class IngestSkipTests
{
    [Fact]
    public void UnchangedSeedsAreNotCleanedAgain()
    {
        using var dossier = new TempDossier();
        var first = Ingest(dossier);
        Assert.Equal(0, first.NotCleaned);
        var seeds = first[IngestOutcome.Created];
        Assert.True(seeds > 0);

        var second = Ingest(dossier);
        Assert.Equal(seeds, second.NotCleaned);
        Assert.Equal(seeds, second[IngestOutcome.Unchanged]);
    }

    [Fact]
    public void ChangedSeedIsCleanedAgain()
    {
        using var dossier = new TempDossier();
        var seeds = Ingest(dossier)[IngestOutcome.Created];
        var seed = Directory.EnumerateFiles(dossier.PathOf("seeds"), "*.txt").Order(StringComparer.Ordinal).First();
        File.AppendAllText(seed, "\nOne more closing paragraph that the reporter added later, long enough to be kept as body text.\n");

        var second = Ingest(dossier);
        Assert.Equal(seeds - 1, second.NotCleaned);
        Assert.Equal(1, second[IngestOutcome.Updated]);
    }

    [Fact]
    public void CuratedPageIsStillReportedAsCurated()
    {
        using var dossier = new TempDossier();
        Ingest(dossier);
        var manifest = IngestManifest.Load(dossier.Content);
        var page = Path.Combine(dossier.Content, manifest.Entries.Values.First().Content);
        File.AppendAllText(page, "\nA curator's note.\n");

        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(Dossier.Config(dossier)).Run(diagnostics);
        Assert.Equal(1, report[IngestOutcome.KeptCurated]);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ContentCuratedKept);
    }

    [Fact]
    public void TheKeysTheSkipRestsOnAreKeptOutOfTheCommittedManifest()
    {
        using var dossier = new TempDossier();
        Ingest(dossier);
        var config = Dossier.Config(dossier);
        var cache = StaticDossier.Ingesting.IngestCache.Load(StaticDossier.Ingesting.IngestCache.PathFor(config), config.ContentPath);
        Assert.Equal(IngestManifest.Load(dossier.Content).Entries.Keys, cache.Entries.Keys);
        Assert.All(cache.Entries.Values, e => Assert.Matches("^[0-9a-f]{64}$", e.InputSha256));
        Assert.DoesNotContain("input_sha256", File.ReadAllText(Path.Combine(dossier.Content, IngestManifest.RelativePath)), StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(dossier.Root, "._site.cache"), StaticDossier.Ingesting.IngestCache.PathFor(config), StringComparison.Ordinal);
    }

    /// <summary>A cache written before a field existed (here the seeds' stamps, or the cleanings) is read without it:
    /// upgrading the tool must not stop ingest on a dossier it ingested before (it failed with an internal error).</summary>
    [Theory]
    [InlineData("seeds")]
    [InlineData("entries")]
    public void ACacheFromAnOlderBuildWithoutAFieldIsReadWithoutIt(string field)
    {
        using var dossier = new TempDossier();
        var seeds = Ingest(dossier)[IngestOutcome.Created];
        var path = StaticDossier.Ingesting.IngestCache.PathFor(Dossier.Config(dossier));
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.True(json.Remove(field), $"the cache has no '{field}'");
        File.WriteAllText(path, json.ToJsonString());

        var again = Ingest(dossier);
        Assert.Equal(seeds, again[IngestOutcome.Unchanged]);
        // Without the cleanings recorded every seed is cleaned again; without the stamps every seed is read, but its
        // cleaning is still skipped.
        Assert.Equal(field == "entries" ? 0 : seeds, again.NotCleaned);
    }

    private static IngestReport Ingest(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(Dossier.Config(dossier)).Run(diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        return report;
    }
}
