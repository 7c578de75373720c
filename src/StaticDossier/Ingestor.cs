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

        // Lines an outlet repeats across its seeds are boilerplate; they are part of each seed's input, so a seed
        // whose outlet gained a page is cleaned again even if its own bytes did not change.
        var shared = SeedCleaner.SharedLines(seeds);
        var keys = new string[seeds.Count];
        var cleaned = new CleanedDocument?[seeds.Count];
        var taken = 0;
        Parallel.For(0, seeds.Count, i =>
        {
            Progress?.Invoke(Interlocked.Increment(ref taken), seeds.Count);
            var sharedLines = shared.GetValueOrDefault(seeds[i].Path);
            keys[i] = IngestSkip.InputKey(seeds[i], sharedLines);
            cleaned[i] = !force && IngestSkip.IsUnchanged(seeds[i], keys[i], manifest, contentDir)
                ? null
                : _cleaner.Clean(seeds[i], diagnostics, sharedLines);
        });

        var claimed = new HashSet<string>(manifest.Entries.Values.Select(e => e.Content), StringComparer.Ordinal);
        var writes = new List<(string Path, string Text)>();
        var movedFrom = new List<string>();
        for (var i = 0; i < seeds.Count; i++)
        {
            if (cleaned[i] is not { } doc)
            {
                report.Count(IngestOutcome.Unchanged);
                report.NotCleaned++;
                continue;
            }

            report.Count(IngestOne(doc, keys[i], contentDir, manifest, claimed, force, writes, movedFrom, diagnostics));
            writes.Add(RemovalAuditFor(doc, contentDir, manifest));
        }

        // Names were all decided above, so the pages (each written durably, which is slow) can go out in parallel.
        // Pages that moved to a new name lose their old file only once every new one is on disk, and the
        // manifest follows last, so a run killed anywhere loses no article.
        Directory.CreateDirectory(Path.Combine(contentDir, ".ingest", "removed"));
        Parallel.ForEach(writes, w => AtomicFile.WriteAllText(w.Path, w.Text));
        foreach (var old in movedFrom)
        {
            File.Delete(Path.Combine(contentDir, old));
        }

        manifest.Save(contentDir);
        return report;
    }

    private static IngestOutcome IngestOne(CleanedDocument doc, string inputKey, string contentDir, IngestManifest manifest,
        HashSet<string> claimed, bool force, List<(string Path, string Text)> writes, List<string> movedFrom, DiagnosticBag diagnostics)
    {
        var text = ContentPageFactory.Format(doc);
        var generatedSha = Sha256(text);
        manifest.Entries.TryGetValue(doc.Seed.Path, out var record);
        var relative = record?.Content ?? UniqueName(ContentPageFactory.FileNameFor(doc), doc.Seed.Id, contentDir, claimed);
        string? moved = null;
        if (record is not null && !force && IsUntouched(Path.Combine(contentDir, record.Content), record)
            && ContentPageFactory.FileNameFor(doc) is var wanted && wanted != record.Content)
        {
            // Better cleaning found a new title or date: an untouched page moves to its new name. The old
            // file goes only once the new one is written, so a run killed in between loses no article.
            moved = record.Content;
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
                manifest.Entries[doc.Seed.Path] = new IngestRecord(relative, doc.Seed.Sha256, generatedSha, inputKey);
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
        if (moved is not null)
        {
            movedFrom.Add(moved);
        }

        manifest.Entries[doc.Seed.Path] = new IngestRecord(relative, doc.Seed.Sha256, generatedSha, inputKey);
        return existed ? IngestOutcome.Updated : IngestOutcome.Created;
    }

    // The detail behind front matter's removed_blocks, for a curator to audit or reverse.
    private static (string Path, string Text) RemovalAuditFor(CleanedDocument doc, string contentDir, IngestManifest manifest)
    {
        var content = manifest.Entries.TryGetValue(doc.Seed.Path, out var record) ? record.Content : string.Empty;
        return (Path.Combine(contentDir, ".ingest", "removed", RemovalAudit.FileNameFor(doc)), RemovalAudit.Format(doc, content));
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
