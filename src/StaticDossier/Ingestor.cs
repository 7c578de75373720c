using System.Security.Cryptography;
using System.Text;
using StaticDossier.Building;
using StaticDossier.Cleaning;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.IO;
using StaticDossier.Seeds;

namespace StaticDossier;

/// <summary>seeds/ → cleaned articles → content/. Never overwrites a curator's edit.</summary>
public sealed class Ingestor
{
    private readonly SiteConfig _config;
    private readonly SeedCleaner _cleaner = new();

    /// <summary>Creates an ingestor for <paramref name="config"/>.</summary>
    public Ingestor(SiteConfig config) => _config = config;

    /// <summary>Called with (seeds taken up, seeds in all) from several threads, for progress on long runs.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Ingests every seed. <paramref name="force"/> overwrites curated pages too.</summary>
    public IngestReport Run(DiagnosticBag diagnostics, bool force = false)
    {
        var report = new IngestReport();
        var seeds = new SeedReader(_config.RootDirectory).ReadAll(_config.SeedsPath, diagnostics);
        var contentDir = _config.ContentPath;
        Directory.CreateDirectory(contentDir);
        var manifest = IngestManifest.Load(contentDir);
        var cleaned = new CleanedDocument?[seeds.Count];
        var taken = 0;
        Parallel.For(0, seeds.Count, i =>
        {
            Progress?.Invoke(Interlocked.Increment(ref taken), seeds.Count);
            cleaned[i] = !force && IngestSkip.IsUnchanged(seeds[i], manifest, contentDir) ? null : _cleaner.Clean(seeds[i], diagnostics);
        });

        var claimed = new HashSet<string>(manifest.Entries.Values.Select(e => e.Content), StringComparer.Ordinal);
        var writes = new List<(string Path, string Text)>();
        foreach (var doc in cleaned)
        {
            var outcome = doc is null ? IngestOutcome.Unchanged : IngestOne(doc, contentDir, manifest, claimed, force, writes, diagnostics);
            report.Count(outcome);
            report.NotCleaned += doc is null ? 1 : 0;
        }

        // Names were all decided above, so the pages (each written durably, which is slow) can go out in parallel;
        // the manifest follows only once every page is on disk.
        Parallel.ForEach(writes, w => AtomicFile.WriteAllText(w.Path, w.Text));
        manifest.Save(contentDir);
        return report;
    }

    private static IngestOutcome IngestOne(CleanedDocument doc, string contentDir, IngestManifest manifest,
        HashSet<string> claimed, bool force, List<(string Path, string Text)> writes, DiagnosticBag diagnostics)
    {
        var text = ContentPageFactory.Format(doc);
        var generatedSha = Sha256(text);
        manifest.Entries.TryGetValue(doc.Seed.Path, out var record);
        var relative = record?.Content ?? UniqueName(ContentPageFactory.FileNameFor(doc), doc.Seed.Id, contentDir, claimed);
        if (record is not null && !force && IsUntouched(Path.Combine(contentDir, record.Content), record)
            && ContentPageFactory.FileNameFor(doc) is var wanted && wanted != record.Content)
        {
            // Better cleaning found a new title or date: an untouched page moves to its new name.
            File.Delete(Path.Combine(contentDir, record.Content));
            claimed.Remove(record.Content);
            relative = UniqueName(wanted, doc.Seed.Id, contentDir, claimed);
            record = null;
        }

        var path = Path.Combine(contentDir, relative);
        var display = "content/" + relative;

        if (record is not null && !File.Exists(path) && !force)
        {
            // The curator deleted the page: that is a decision too.
            diagnostics.Info(DiagnosticCodes.ContentCuratedKept, $"'{display}' was deleted by a curator; not recreated (use --force).", SourceLocation.InFile(doc.Seed.Path));
            return IngestOutcome.KeptCurated;
        }

        if (File.Exists(path))
        {
            var current = File.ReadAllText(path);
            var currentSha = Sha256(current);
            if (currentSha == generatedSha)
            {
                manifest.Entries[doc.Seed.Path] = new IngestRecord(relative, doc.Seed.Sha256, generatedSha, IngestSkip.InputKey(doc.Seed));
                return IngestOutcome.Unchanged;
            }

            var curated = record is null || record.GeneratedSha256 != currentSha;
            if (curated && !force)
            {
                if (record is not null && record.SeedSha256 != doc.Seed.Sha256)
                {
                    diagnostics.Warning(DiagnosticCodes.SeedChangedCurated,
                        $"Seed changed since '{display}' was made, and that page has a curator's edits: it was kept as it is. Compare with 'dossier explain {doc.Seed.Path}', or re-ingest it with --force.",
                        SourceLocation.InFile(doc.Seed.Path));
                    return IngestOutcome.SeedChanged;
                }

                diagnostics.Info(DiagnosticCodes.ContentCuratedKept, $"'{display}' has a curator's edits; kept.", SourceLocation.InFile(display));
                return IngestOutcome.KeptCurated;
            }
        }

        var existed = File.Exists(path);
        writes.Add((path, text));
        manifest.Entries[doc.Seed.Path] = new IngestRecord(relative, doc.Seed.Sha256, generatedSha, IngestSkip.InputKey(doc.Seed));
        return existed ? IngestOutcome.Updated : IngestOutcome.Created;
    }

    private static bool IsUntouched(string path, IngestRecord record) =>
        File.Exists(path) && Sha256(File.ReadAllText(path)) == record.GeneratedSha256;

    private static string UniqueName(string name, string seedId, string contentDir, HashSet<string> claimed)
    {
        var candidate = name;
        if (claimed.Contains(candidate) || File.Exists(Path.Combine(contentDir, candidate)))
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)}-{Slugger.Slugify(seedId)}.md";
        }

        claimed.Add(candidate);
        return candidate;
    }

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>What ingest did with one seed.</summary>
public enum IngestOutcome
{
    /// <summary>A new content page was written.</summary>
    Created,
    /// <summary>An untouched page was regenerated.</summary>
    Updated,
    /// <summary>Nothing changed.</summary>
    Unchanged,
    /// <summary>A curated page was left alone.</summary>
    KeptCurated,
    /// <summary>The seed changed but its page is curated: reported, left alone.</summary>
    SeedChanged,
}

/// <summary>Counts of what ingest did.</summary>
public sealed class IngestReport
{
    private readonly Dictionary<IngestOutcome, int> _counts = [];

    /// <summary>How many seeds had <paramref name="outcome"/>.</summary>
    public int this[IngestOutcome outcome] => _counts.GetValueOrDefault(outcome);

    /// <summary>Unchanged seeds that were not cleaned again (their page is still what the same cleaner made).</summary>
    public int NotCleaned { get; internal set; }

    internal void Count(IngestOutcome outcome) => _counts[outcome] = this[outcome] + 1;

    /// <inheritdoc />
    public override string ToString() =>
        $"{this[IngestOutcome.Created]} created, {this[IngestOutcome.Updated]} updated, {this[IngestOutcome.Unchanged]} unchanged, " +
        $"{this[IngestOutcome.KeptCurated]} curated kept, {this[IngestOutcome.SeedChanged]} changed seeds reported" +
        (NotCleaned > 0 ? $" ({NotCleaned} unchanged seeds not cleaned again)" : string.Empty);
}
