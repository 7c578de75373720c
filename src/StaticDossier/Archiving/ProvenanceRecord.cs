using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StaticDossier.Archiving;

/// <summary>Where one article of a snapshot came from and how it was made, written as
/// <c>data/provenance/&lt;content path&gt;.json</c>. Paths are inside the bag; hashes are lower-case hex SHA-256.</summary>
/// <param name="Schema">Identifies this record's format.</param>
/// <param name="Article">What the article is.</param>
/// <param name="Content">The curated content page the site was built from.</param>
/// <param name="Seed">The raw page it was cleaned from; null for a hand-written page.</param>
/// <param name="Cleaning">How the seed became the content page.</param>
/// <param name="Generator">The generator that made the snapshot.</param>
/// <param name="Build">The other inputs of the site build.</param>
internal sealed partial record ProvenanceRecord(
    string Schema,
    ArticleFacts Article,
    FileFacts Content,
    SeedFacts? Seed,
    CleaningFacts Cleaning,
    GeneratorFacts Generator,
    BuildFacts Build)
{
    /// <summary>The current value of <see cref="Schema"/>.</summary>
    public const string CurrentSchema = "staticdossier-provenance/1";

    private static readonly ProvenanceJson Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

        // A data file, never embedded in HTML: keep Vietnamese titles readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [JsonSerializable(typeof(ProvenanceRecord))]
    private sealed partial class ProvenanceJson : JsonSerializerContext;

    /// <summary>The record as UTF-8 JSON with a final newline; the same record always gives the same bytes.</summary>
    public byte[] ToJson() => BagLayout.Utf8.GetBytes(JsonSerializer.Serialize(this, Context.ProvenanceRecord) + "\n");

    /// <summary>Reads a record written by <see cref="ToJson"/>.</summary>
    public static ProvenanceRecord? FromJson(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, Context.ProvenanceRecord);
}

/// <summary>The article as published.</summary>
/// <param name="Slug">Its URL slug.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Publication date (YYYY-MM-DD), when known.</param>
/// <param name="Language">BCP 47 language tag.</param>
/// <param name="Source">The outlet.</param>
/// <param name="Byline">The author as credited.</param>
/// <param name="Url">The original article's address.</param>
/// <param name="Published">False for a draft, which the site leaves out.</param>
/// <param name="Page">The page in the bag's site, e.g. <c>data/site/articles/x.html</c>; null when not published.</param>
internal sealed record ArticleFacts(string Slug, string Title, string? Date, string? Language, string? Source, string? Byline, string? Url, bool Published, string? Page);

/// <summary>A file in the bag and its hash.</summary>
/// <param name="Path">Path inside the bag.</param>
/// <param name="Sha256">SHA-256 of its bytes.</param>
internal sealed record FileFacts(string Path, string Sha256);

/// <summary>The seed behind an article.</summary>
/// <param name="Path">Path inside the bag; the dossier-relative path when the seed is not in the bag.</param>
/// <param name="InBag">False when the content page names a seed the dossier no longer has.</param>
/// <param name="Sha256">SHA-256 of the seed in the bag.</param>
/// <param name="Sha256AtIngest">The seed's hash recorded in the content page's front matter when ingest made it.</param>
/// <param name="UnchangedSinceIngest">True when the two hashes agree.</param>
/// <param name="Url">The address the seed was saved from (its .seed.yml), when recorded.</param>
/// <param name="RetrievedAt">When the seed was saved (its .seed.yml), when recorded.</param>
/// <param name="Capture">How the seed was captured or imported (its .seed.yml), when a tool recorded it.</param>
internal sealed record SeedFacts(string Path, bool InBag, string? Sha256, string? Sha256AtIngest, bool? UnchangedSinceIngest, string? Url, string? RetrievedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CaptureFacts? Capture = null);

/// <summary>What <c>dossier capture</c> or <c>dossier import</c> recorded about a seed.</summary>
/// <param name="FinalUrl">Where the page was after redirects.</param>
/// <param name="Redirects">The redirects followed, each as <c>STATUS address</c>.</param>
/// <param name="HttpStatus">The HTTP status it was answered with.</param>
/// <param name="ContentType">The answer's Content-Type.</param>
/// <param name="Sha256AtCapture">SHA-256 of the page when it was saved.</param>
/// <param name="Archive">The web archive record it came from, when imported.</param>
internal sealed record CaptureFacts(string? FinalUrl, IReadOnlyList<string>? Redirects, int? HttpStatus, string? ContentType, string? Sha256AtCapture, ArchiveFacts? Archive)
{
    /// <summary>The facts in <paramref name="sidecar"/>, or null when it holds none.</summary>
    public static CaptureFacts? From(Seeds.SeedMetadata? sidecar) =>
        sidecar is null || (sidecar.FinalUrl ?? sidecar.ContentType ?? sidecar.Sha256 ?? sidecar.ArchiveRecord ?? sidecar.ArchiveFile) is null && sidecar.HttpStatus is null
            ? null
            : new CaptureFacts(sidecar.FinalUrl, sidecar.Redirects, sidecar.HttpStatus, sidecar.ContentType, sidecar.Sha256,
                (sidecar.ArchiveFile ?? sidecar.ArchiveRecord) is null ? null : new ArchiveFacts(sidecar.ArchiveFile, sidecar.ArchiveSha256, sidecar.ArchiveRecord));
}

/// <summary>The web archive a seed was imported from. The snapshot keeps this identity, not the archive: see the README.</summary>
/// <param name="File">The archive's file name (for a WACZ, <c>x.wacz#archive/y.warc.gz</c>).</param>
/// <param name="Sha256">SHA-256 of the archive file as imported.</param>
/// <param name="RecordId">The record's <c>WARC-Record-ID</c>.</param>
internal sealed record ArchiveFacts(string? File, string? Sha256, string? RecordId);

/// <summary>How the content page was made from its seed.</summary>
/// <param name="Method"><c>ingest</c> (recorded in content/.ingest/manifest.json), <c>unrecorded</c> (names a seed, no ingest record)
/// or <c>hand-written</c> (no seed).</param>
/// <param name="RemovedBlocks">Blocks cleaning removed, as the front matter records.</param>
/// <param name="IngestOutputSha256">SHA-256 of the page as ingest wrote it (the ingest manifest's record).</param>
/// <param name="CuratedSinceIngest">True when a curator edited the page after ingest wrote it.</param>
/// <param name="ReproducedByGenerator">True when cleaning the seed in the bag again with the snapshot's generator gives exactly what ingest wrote.</param>
/// <param name="CleanedBy">The generator version known to produce this cleaning (when reproduced); null when an earlier version made it.</param>
/// <param name="Removed">What cleaning removed from the seed, by seed line (when reproduced).</param>
internal sealed record CleaningFacts(
    string Method,
    int? RemovedBlocks,
    string? IngestOutputSha256,
    bool? CuratedSinceIngest,
    bool ReproducedByGenerator,
    string? CleanedBy,
    IReadOnlyList<RemovedBlock>? Removed);

/// <summary>One block cleaning removed.</summary>
/// <param name="Line">1-based line in the seed (0 when unknown).</param>
/// <param name="Role">What the block was judged to be.</param>
/// <param name="Reason">Why it was removed.</param>
internal sealed record RemovedBlock(int Line, string Role, string Reason);

/// <summary>The generator.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Version">Its version, with the source commit when known.</param>
internal sealed record GeneratorFacts(string Name, string Version);

/// <summary>What else the site build read.</summary>
/// <param name="SiteConfig">site.yml.</param>
/// <param name="Templates">Every template file.</param>
internal sealed record BuildFacts(FileFacts SiteConfig, IReadOnlyList<FileFacts> Templates);
