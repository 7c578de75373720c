using StaticDossier.Cleaning;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Archiving;

/// <summary>What provenance is made from; everything already read.</summary>
/// <param name="Config">The dossier's settings (for dossier-relative paths).</param>
/// <param name="Inputs">The files being packed.</param>
/// <param name="Pages">The content pages that parse, with their files.</param>
/// <param name="SitePaths">Paths of the built site's files.</param>
/// <param name="Seeds">The seeds, decoded, by dossier-relative path.</param>
/// <param name="Ingest">Ingest's record of what it wrote.</param>
internal sealed record ProvenanceInputs(
    SiteConfig Config,
    SnapshotInputs Inputs,
    IReadOnlyList<ContentEntry> Pages,
    IReadOnlySet<string> SitePaths,
    IReadOnlyDictionary<string, SeedDocument> Seeds,
    IngestManifest Ingest);

/// <summary>A content page and the file it was read from.</summary>
/// <param name="File">The file, relative to the content folder.</param>
/// <param name="Page">The parsed page.</param>
internal sealed record ContentEntry(InputFile File, ContentPage Page);

/// <summary>Makes one <see cref="ProvenanceRecord"/> per content page, as payload files under <c>provenance/</c>.
/// No I/O; re-cleans each seed in memory to tell whether this generator reproduces what ingest wrote.</summary>
internal sealed class ProvenanceBuilder
{
    /// <summary>The payload folder provenance records go in.</summary>
    public const string Folder = "provenance";

    private readonly SeedCleaner _cleaner;

    /// <summary>A builder that cleans seeds again as ingest does for <paramref name="config"/> (its events and names).</summary>
    public ProvenanceBuilder(Config.SiteConfig config) => _cleaner = SeedCleaner.For(config);

    /// <summary>The records, as payload files (paths relative to <c>data/</c>), in ordinal order.</summary>
    public IReadOnlyList<BagFile> Build(ProvenanceInputs source)
    {
        var files = new BagFile[source.Pages.Count];
        Parallel.For(0, source.Pages.Count, i =>
        {
            var entry = source.Pages[i];
            files[i] = new BagFile($"{Folder}/{entry.File.Path[..^3]}.json", Record(source, entry).ToJson());
        });
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private ProvenanceRecord Record(ProvenanceInputs source, ContentEntry entry)
    {
        var (file, page) = entry;
        var config = source.Config;
        var content = source.Inputs.Content;
        var meta = page.Meta;
        var sitePage = Rendering.SitePaths.Article(page.Slug);
        var published = !meta.Draft && source.SitePaths.Contains(sitePage);
        var article = new ArticleFacts(page.Slug, meta.Title, meta.Date, meta.Language ?? config.Language, meta.Source, meta.Byline, meta.Url,
            !meta.Draft, published ? "data/site/" + sitePage : null);
        var contentFacts = new FileFacts(BagPath(content, file.Path), Hash(file.Bytes));

        var ingest = source.Ingest.Entries.FirstOrDefault(e => string.Equals(e.Value.Content, file.Path, StringComparison.Ordinal));
        var seedPath = meta.Seed ?? (ingest.Value is null ? null : ingest.Key);
        var seed = seedPath is null ? null : SeedFor(source, seedPath);
        var seedFacts = seedPath is null ? null : Facts(source, seedPath, seed, meta.SeedSha256);
        var cleaning = Cleaning(meta, ingest.Value, contentFacts.Sha256, seedPath, seed);

        return new ProvenanceRecord(
            ProvenanceRecord.CurrentSchema,
            article,
            contentFacts,
            seedFacts,
            cleaning,
            new GeneratorFacts(GeneratorInfo.Name, GeneratorInfo.Version),
            new BuildFacts(
                new FileFacts("data/" + source.Inputs.SiteYml.Path, Hash(source.Inputs.SiteYml.Bytes)),
                [.. source.Inputs.Templates.Files.Select(t => new FileFacts(BagPath(source.Inputs.Templates, t.Path), Hash(t.Bytes)))]));
    }

    private CleaningFacts Cleaning(FrontMatter meta, IngestRecord? ingest, string contentSha, string? seedPath, SeedDocument? seed)
    {
        if (ingest is null)
        {
            return new CleaningFacts(seedPath is null ? "hand-written" : "unrecorded", meta.RemovedBlocks, null, null, false, null, null);
        }

        CleanedDocument? again = null;
        if (seed is not null)
        {
            again = _cleaner.Clean(seed, new DiagnosticBag());
        }

        var reproduced = again is not null && Ingestor.Sha256(ContentPageFactory.Format(again)) == ingest.GeneratedSha256;
        return new CleaningFacts(
            "ingest",
            meta.RemovedBlocks,
            ingest.GeneratedSha256,
            contentSha != ingest.GeneratedSha256,
            reproduced,
            reproduced ? GeneratorInfo.Agent : null,
            reproduced ? [.. again!.Decisions.Where(d => !d.Kept).Select(d => new RemovedBlock(d.Line, d.Role, d.Reason))] : null);
    }

    private static SeedDocument? SeedFor(ProvenanceInputs source, string seedPath) =>
        source.Seeds.GetValueOrDefault(source.Config.RelativeToRoot(Path.GetFullPath(Path.Combine(source.Config.RootDirectory, seedPath))));

    private static SeedFacts Facts(ProvenanceInputs source, string seedPath, SeedDocument? seed, string? shaAtIngest)
    {
        var seeds = source.Inputs.Seeds;
        var relative = Path.GetRelativePath(seeds.FullPath, Path.GetFullPath(Path.Combine(source.Config.RootDirectory, seedPath))).Replace('\\', '/');
        var file = seeds.Files.FirstOrDefault(f => string.Equals(f.Path, relative, StringComparison.Ordinal));
        if (file is null)
        {
            return new SeedFacts(seedPath, false, null, shaAtIngest, null, seed?.Sidecar?.Url, seed?.Sidecar?.RetrievedAt, CaptureFacts.From(seed?.Sidecar));
        }

        var sha = Hash(file.Bytes);
        return new SeedFacts(BagPath(seeds, relative), true, sha, shaAtIngest, shaAtIngest is null ? null : shaAtIngest == sha,
            seed?.Sidecar?.Url, seed?.Sidecar?.RetrievedAt, CaptureFacts.From(seed?.Sidecar));
    }

    private static string BagPath(InputFolder folder, string relative) => $"data/{folder.BagFolder}/{relative}";

    private static string Hash(byte[] bytes) => ChecksumAlgorithms.Hash("sha256", bytes);
}
