using StaticDossier.Building;
using StaticDossier.Cleaning;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Ingesting;
using StaticDossier.IO;
using StaticDossier.Seeds;

namespace StaticDossier;

/// <summary>seeds/ → cleaned articles → content/. Never overwrites a curator's edit, never empties a page, and
/// finishes the bookkeeping of a run that was killed, so every seed ends with exactly one page.</summary>
/// <remarks>Thin: read the seeds, clean them, gather the facts each curation decision rests on, decide
/// (<see cref="Curation.Decide"/>, no I/O), then write.</remarks>
public sealed class Ingestor
{
    private readonly SiteConfig _config;
    private readonly SeedCleaner _cleaner;
    private readonly IReadOnlyList<string> _nameWords;

    /// <summary>Creates an ingestor for <paramref name="config"/>.</summary>
    public Ingestor(SiteConfig config)
    {
        _config = config;
        _cleaner = SeedCleaner.For(config);
        _nameWords = Repairing.TextRepairer.NameWords(SeedCleaner.CuratedNames(config));
    }

    /// <summary>Called with (seeds taken up, seeds in all) from several threads, for progress on long runs.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Called once the pages are written and before the manifest records them: tests stop the run there, as
    /// a <c>kill -9</c> would.</summary>
    internal Action? AfterPagesWritten { get; init; }

    /// <summary>Ingests every seed. <paramref name="force"/> overwrites curated pages too.</summary>
    public IngestReport Run(DiagnosticBag diagnostics, bool force = false)
    {
        var report = new IngestReport();
        var start = DateTime.UtcNow;
        var reader = new SeedReader(_config.RootDirectory);
        var files = reader.List(_config.SeedsPath, diagnostics);
        var contentDir = _config.ContentPath;
        var display = _config.RelativeToRoot(contentDir);
        try
        {
            Directory.CreateDirectory(contentDir);
            using var held = IngestLock.TryTake(contentDir);
            if (held is null)
            {
                diagnostics.Error(DiagnosticCodes.IngestBusy,
                    "Another ingest is writing this content folder; nothing was done. Run ingest again once it has finished.", SourceLocation.InFile(display));
                return report;
            }

            var seedFiles = BuildTimings.Time("ingest: stamp seeds", () => new SeedFiles(reader, files, start));
            Ingest(seedFiles, contentDir, force, report, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Each page is written whole or not at all, and the manifest last: what is on disk is still consistent.
            diagnostics.Error(DiagnosticCodes.IngestWriteFailed, $"Could not write the content folder: {ex.Message}", SourceLocation.InFile(display));
        }

        report.Timings = BuildTimings.Take();
        return report;
    }

    private void Ingest(SeedFiles files, string contentDir, bool force, IngestReport report, DiagnosticBag diagnostics)
    {
        var loading = BuildTimings.Time("ingest: manifest and cache");
        var manifest = IngestManifest.Load(contentDir);
        FinishInterruptedRun(contentDir, manifest, diagnostics);
        var cachePath = IngestCache.PathFor(_config);
        var cache = IngestCache.Load(cachePath, contentDir);
        loading.Dispose();
        var context = IngestSkip.ContextKey(_config.Events, _nameWords);
        var selection = BuildTimings.Time("ingest: select and read seeds", () => files.Select(
            force || cache.ContextKey != context ? new Dictionary<string, KnownSeed>() : cache.Seeds,
            (path, seed) => IngestSkip.IsUnchanged(path, seed.InputSha256, manifest, cache, contentDir), diagnostics));
        var seeds = selection.Read.OfType<SeedDocument>().ToList();
        ReportCopies(selection.Hashes(), diagnostics);

        // Lines an outlet repeats across its seeds are boilerplate; they are part of each seed's input, so a seed
        // whose outlet gained a page is cleaned again even if its own bytes did not change.
        var shared = BuildTimings.Time("ingest: repeated lines", () => SeedCleaner.SharedLines(seeds));

        // Seeds left unread were skipped exactly as a read one whose cleaning is skipped (their order among the
        // decisions does not matter: they take no name and write nothing).
        foreach (var _ in selection.Unread.OfType<KnownSeed>())
        {
            report.Count(IngestOutcome.Unchanged);
            report.NotCleaned++;
            report.NotRead++;
        }

        var keys = new string[seeds.Count];
        // What the last run recorded of each seed, taken before any decision changes the manifest or the cache:
        // cleaning reads them while the decisions of earlier seeds write.
        var lastRuns = seeds.Select(s => (manifest.Entries.GetValueOrDefault(s.Path), cache.Entries.GetValueOrDefault(s.Path))).ToArray();
        var taken = files.Count - seeds.Count;
        var steps = new OrderedPipeline<Cleaned>(seeds.Count, PipelineWindow, OnEveryCore);
        using var plan = new IngestPlan(contentDir, manifest, steps.Post);
        var cleaning = BuildTimings.Time("ingest: clean, decide, write temps");
        // Cleaning runs on every core; the decisions follow in seed order as each seed's turn comes, and the pages
        // and audits they write go to temporaries on whichever core is free. Only a window of cleaned seeds is held.
        steps.Run(i =>
        {
            Progress?.Invoke(Interlocked.Increment(ref taken), files.Count);
            var sharedLines = shared.GetValueOrDefault(seeds[i].Path);
            keys[i] = IngestSkip.InputKey(seeds[i], sharedLines, _config.Events, _nameWords);
            if (!force && IngestSkip.IsUnchanged(lastRuns[i].Item1, lastRuns[i].Item2, keys[i], contentDir))
            {
                return default;
            }

            var doc = _cleaner.Clean(seeds[i], diagnostics, sharedLines);
            // The page's text and hash are made here, on every core: the decisions run one at a time.
            var text = ContentPageFactory.Format(doc);
            return new Cleaned(doc, text, Sha256(text));
        }, (i, cleaned) => Decide(cleaned, keys[i], plan, manifest, cache, force, report, diagnostics));
        cleaning.Dispose();

        cache.ContextKey = context;
        cache.Seeds = files.Known(selection, keys);
        BuildTimings.Time("ingest: put in place, manifest", () => { plan.Apply(AfterPagesWritten); return 0; });
        if (!BuildTimings.Time("ingest: save cache", () => cache.Save(cachePath)))
        {
            diagnostics.Warning(DiagnosticCodes.IngestWriteFailed, "Could not save the ingest cache; the next ingest cleans every seed again.",
                SourceLocation.InFile(_config.RelativeToRoot(cachePath)));
        }
    }

    /// <summary>How many seeds cleaning may run ahead of the decisions: enough that a seed slow to clean does not stop
    /// the other cores, few enough that their pages are a small part of memory.</summary>
    private const int PipelineWindow = 256;

    /// <summary>A seed as cleaning left it, with its page's text and hash; no document when its cleaning was skipped.</summary>
    private readonly record struct Cleaned(CleanedDocument? Doc, string Text, string Sha256);

    /// <summary>Decides what becomes of one seed's page and plans it; run in seed order, one seed at a time.</summary>
    private static void Decide(Cleaned cleaned, string key, IngestPlan plan, IngestManifest manifest, IngestCache cache, bool force,
        IngestReport report, DiagnosticBag diagnostics)
    {
        if (cleaned.Doc is not { } doc)
        {
            report.Count(IngestOutcome.Unchanged);
            report.NotCleaned++;
            return;
        }

        var generated = new GeneratedPage(ContentPageFactory.FileNameFor(doc), cleaned.Sha256, !string.IsNullOrWhiteSpace(doc.MarkdownBody));
        var record = manifest.Entries.GetValueOrDefault(doc.Seed.Path);
        var facts = new CurationFacts(record, doc.Seed.Id, doc.Seed.Sha256, generated,
            record is null ? null : plan.PageAt(record.Content, needText: !generated.HasText),
            record is null ? plan.Adoptable(generated, doc.Seed.Id) : null,
            force);
        var decision = Curation.Decide(facts);
        report.Count(decision.Outcome);
        Tell(decision, doc, record, diagnostics);
        var name = plan.Take(doc, generated, decision, record, cleaned.Text);
        if (decision.Records && name is not null)
        {
            cache.Entries[doc.Seed.Path] = new IngestCacheEntry(key, generated.Sha256);
        }
    }

    /// <summary>A run killed after it began writing leaves its temporary files and its journal: remove the one, finish
    /// the other (only this run can be writing here: it holds the lock).</summary>
    private void FinishInterruptedRun(string contentDir, IngestManifest manifest, DiagnosticBag diagnostics)
    {
        var temporaries = AtomicFile.RemoveTemporaries(contentDir)
                          + AtomicFile.RemoveTemporaries(Path.Combine(contentDir, ".ingest"))
                          + AtomicFile.RemoveTemporaries(Path.Combine(contentDir, ".ingest", "removed"));
        var written = IngestJournal.Recover(contentDir, manifest);
        if (written is not null)
        {
            manifest.Save(contentDir);
            IngestJournal.Delete(contentDir);
        }

        if (written is not null || temporaries > 0)
        {
            diagnostics.Info(DiagnosticCodes.IngestRecovered,
                $"An earlier ingest was interrupted: {written ?? 0} page(s) it wrote are now recorded as ingest's own, {temporaries} temporary file(s) removed.",
                SourceLocation.InFile(_config.RelativeToRoot(contentDir)));
        }
    }

    /// <summary>Copies of one file each get a page (they are two seeds), but the curator should know.</summary>
    private static void ReportCopies(IReadOnlyList<(string Path, string Sha256)> seeds, DiagnosticBag diagnostics)
    {
        foreach (var group in seeds.GroupBy(s => s.Sha256, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var copy in group.Skip(1))
            {
                diagnostics.Warning(DiagnosticCodes.SeedDuplicate,
                    $"Seed holds the same bytes as '{first.Path}'; each gets its own page. Delete one copy if they are the same article.",
                    SourceLocation.InFile(copy.Path));
            }
        }
    }

    private static void Tell(CurationDecision decision, CleanedDocument doc, IngestRecord? record, DiagnosticBag diagnostics)
    {
        var display = "content/" + (record?.Content ?? string.Empty);
        switch (decision.Notice)
        {
            case CurationNotice.DeletedByCurator:
                diagnostics.Info(DiagnosticCodes.ContentCuratedKept, $"'{display}' was deleted by a curator; not recreated (use --force).", SourceLocation.InFile(doc.Seed.Path));
                break;
            case CurationNotice.CuratorEdits:
                diagnostics.Info(DiagnosticCodes.ContentCuratedKept, $"'{display}' has a curator's edits; kept.", SourceLocation.InFile(display));
                break;
            case CurationNotice.SeedChangedUnderEdits:
                diagnostics.Warning(DiagnosticCodes.SeedChangedCurated,
                    $"Seed changed since '{display}' was made, and that page has a curator's edits: it was kept as it is. Compare with 'dossier explain {doc.Seed.Path}', or re-ingest it with --force.",
                    SourceLocation.InFile(doc.Seed.Path));
                break;
            case CurationNotice.KeptText:
                diagnostics.Warning(DiagnosticCodes.IngestKeptText,
                    $"Cleaning found no article text in this seed now, so '{display}', which has text, was kept as it is rather than emptied. Check the seed with 'dossier explain {doc.Seed.Path}'.",
                    SourceLocation.InFile(doc.Seed.Path));
                break;
        }
    }

    internal static string Sha256(string text) => Building.BuildFingerprint.Sha256(text);

    /// <summary>One worker per core for ingest's loops: cleaning is work for the processor, and without a bound the
    /// thread pool, seeing workers wait on the disk or the collector, kept adding threads (191 at 100,000 seeds).</summary>
    internal static readonly ParallelOptions OnEveryCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
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
    /// <summary>Cleaning found no text, and the page, which has text, was kept rather than emptied.</summary>
    KeptText,
}

/// <summary>Counts of what ingest did.</summary>
public sealed class IngestReport
{
    private readonly Dictionary<IngestOutcome, int> _counts = [];

    /// <summary>How many seeds had <paramref name="outcome"/>.</summary>
    public int this[IngestOutcome outcome] => _counts.GetValueOrDefault(outcome);

    /// <summary>Unchanged seeds that were not cleaned again (their page is still what the same cleaner made).</summary>
    public int NotCleaned { get; internal set; }

    /// <summary>Of <see cref="NotCleaned"/>, the seeds not even read: their files bear the stamps of the last read, and
    /// no seed of their outlet changed.</summary>
    public int NotRead { get; internal set; }

    /// <summary>Wall and CPU time per step, when the environment variable <c>DOSSIER_TIMINGS</c> is set; null otherwise.</summary>
    public string? Timings { get; internal set; }

    internal void Count(IngestOutcome outcome) => _counts[outcome] = this[outcome] + 1;

    /// <inheritdoc />
    public override string ToString() =>
        $"{this[IngestOutcome.Created]} created, {this[IngestOutcome.Updated]} updated, {this[IngestOutcome.Unchanged]} unchanged, " +
        $"{this[IngestOutcome.KeptCurated]} curated kept, {this[IngestOutcome.SeedChanged]} changed seeds reported" +
        (this[IngestOutcome.KeptText] > 0 ? $", {this[IngestOutcome.KeptText]} kept rather than emptied" : string.Empty) +
        (NotCleaned > 0 ? $" ({NotCleaned} unchanged seeds not cleaned again{(NotRead > 0 ? $", {NotRead} of them not read" : string.Empty)})" : string.Empty);
}
