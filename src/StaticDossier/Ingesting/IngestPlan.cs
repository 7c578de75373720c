using System.Text;
using StaticDossier.Building;
using StaticDossier.Cleaning;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.IO;

namespace StaticDossier.Ingesting;

/// <summary>One run's reading of content/ and its writes: the facts each decision needs (<see cref="PageAt"/>,
/// <see cref="Adoptable"/>), the names taken so far, and the pages, audits and manifest records it writes. Each page
/// and audit goes to a temporary as soon as it is decided (<see cref="Take"/>); none replaces a file before
/// <see cref="Apply"/>, once every seed is decided, and disposing of a plan not applied removes them all.</summary>
internal sealed class IngestPlan : IDisposable
{
    private readonly string _contentDir;
    private readonly IngestManifest _manifest;
    private readonly HashSet<string> _taken;
    private readonly HashSet<string> _recorded;
    // The names content/ held when the run began, ignoring case: a name not among them need not be looked up (a
    // lookup for each new seed's page, in a folder of ten thousand, on the one thread that decides).
    private readonly HashSet<string> _listed;
    private readonly HashSet<string> _audits = new(StringComparer.OrdinalIgnoreCase);
    private readonly AtomicBatch _writes = new();
    // Runs a write: a text is made on the worker that writes it, as an audit's YAML costs about what cleaning its seed did.
    private readonly Action<Action> _post;
    private readonly IngestJournal _journal = new();

    /// <param name="contentDir">The content folder.</param>
    /// <param name="manifest">Its manifest, which <see cref="Apply"/> updates and saves.</param>
    /// <param name="post">Runs a write, on any thread (by default at once).</param>
    public IngestPlan(string contentDir, IngestManifest manifest, Action<Action>? post = null)
    {
        _contentDir = contentDir;
        _manifest = manifest;
        _post = post ?? (write => write());
        var recorded = manifest.Entries.Values.Select(e => e.Content).ToList();
        _listed = new HashSet<string>(Directory.EnumerateFiles(contentDir).Select(f => Path.GetFileName(f)), StringComparer.OrdinalIgnoreCase);
        // Every name in use is taken, ignoring case: on Windows and macOS "A.md" and "a.md" are one file.
        _taken = PageNames.NewSet(recorded.Concat(_listed));
        _recorded = PageNames.NewSet(recorded);
    }

    /// <summary>The page <paramref name="name"/> as on disk, null when it is gone; its body is looked at only when
    /// <paramref name="needText"/> (otherwise it counts as having text).</summary>
    public PageOnDisk? PageAt(string name, bool needText)
    {
        var path = Path.Combine(_contentDir, name);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        return new PageOnDisk(Ingestor.Sha256(text), !needText || HasText(name, text));
    }

    /// <summary>A page not in the manifest, named as this seed's page would be and holding exactly its text: a killed
    /// run's page (or one whose manifest was lost), which is ingest's own and must not be taken for a curator's.</summary>
    public string? Adoptable(GeneratedPage generated, string seedId)
    {
        foreach (var candidate in PageNames.Candidates(generated.FileName, seedId))
        {
            var path = Path.Combine(_contentDir, candidate);
            var exists = _listed.Contains(candidate) && File.Exists(path);
            if (exists && !_recorded.Contains(candidate) && Ingestor.Sha256(File.ReadAllText(path)) == generated.Sha256)
            {
                _recorded.Add(candidate);
                return candidate;
            }

            // The name the title asks for may be a curator's page; past it, names are taken in turn, so the first
            // one missing ends the search.
            if (!exists && candidate != generated.FileName)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Carries out <paramref name="decision"/> in the plan; returns the page's name (null when there is none).</summary>
    public string? Take(CleanedDocument doc, GeneratedPage generated, CurationDecision decision, IngestRecord? record, string text)
    {
        string? name;
        if (decision.Write)
        {
            name = decision.Name ?? PageNames.Unique(generated.FileName, doc.Seed.Id, _taken);
            _taken.Add(name);
            Stage(Path.Combine(_contentDir, name), () => text);
            _journal.Planned[doc.Seed.Path] = new IngestRecord(name, doc.Seed.Sha256, generated.Sha256);
            if (decision.MoveFrom is { } from && record is not null)
            {
                _journal.Moves.Add(new JournalMove(from, record.GeneratedSha256));
            }
        }
        else if (decision.Outcome == IngestOutcome.Unchanged && decision.Name is { } same)
        {
            name = same;
            _manifest.Entries[doc.Seed.Path] = new IngestRecord(same, doc.Seed.Sha256, generated.Sha256);
        }
        else
        {
            name = record?.Content;
        }

        var audited = name ?? string.Empty;
        Stage(Path.Combine(_contentDir, ".ingest", "removed", AuditName(doc)), () => RemovalAudit.Format(doc, audited));
        return name;
    }

    /// <summary>Adds a file to the batch now, in decision order, and posts the making and writing of its text.</summary>
    private void Stage(string path, Func<string> text)
    {
        var place = _writes.Add(path);
        _post(() => _writes.Write(place, text()));
    }

    /// <summary>Puts the pages and audits in place (each whole or not at all, all on disk before any is renamed into
    /// place), then removes the names pages moved from, then saves the manifest. Every write <see cref="Take"/> posted
    /// must be done. The journal, saved first, lets the next run finish this one's bookkeeping should it be killed
    /// anywhere in between; no article is lost either way.</summary>
    public void Apply(Action? afterPagesWritten = null)
    {
        var journaled = _journal.Planned.Count > 0;
        if (journaled)
        {
            using var timing = BuildTimings.Time("ingest:   journal");
            _journal.Save(_contentDir);
        }

        Directory.CreateDirectory(Path.Combine(_contentDir, ".ingest", "removed"));
        // One flush to disk for every page and audit, not one each: a durable write per file was a quarter of ingest.
        using (BuildTimings.Time("ingest:   flush and rename")) { _writes.Commit(Ingestor.OnEveryCore); }
        afterPagesWritten?.Invoke();
        foreach (var move in _journal.Moves)
        {
            File.Delete(Path.Combine(_contentDir, move.From));
        }

        foreach (var (seed, record) in _journal.Planned)
        {
            _manifest.Entries[seed] = record;
        }

        using (BuildTimings.Time("ingest:   manifest")) { _manifest.Save(_contentDir); }
        if (journaled)
        {
            IngestJournal.Delete(_contentDir);
        }
    }

    /// <summary>The audit's file name: the seed's id, unless another seed's audit has it already (ignoring case and
    /// Unicode normalisation, as some file systems do: "a.txt" and "a.html", "CASE.txt" and "case.txt").</summary>
    private string AuditName(CleanedDocument doc)
    {
        string? candidate = null;
        foreach (var next in AuditNames(doc))
        {
            candidate = next;
            if (_audits.Add(candidate.Normalize(NormalizationForm.FormC)))
            {
                break;
            }
        }

        return candidate!;
    }

    // Made one at a time: the first is nearly always free, and the last hashes the seed's path.
    private static IEnumerable<string> AuditNames(CleanedDocument doc)
    {
        yield return RemovalAudit.FileNameFor(doc);
        yield return FileNames.Fit(string.Empty, Path.GetFileName(doc.Seed.Path), ".yml");
        yield return FileNames.Fit(string.Empty, doc.Seed.Id, "-" + Ingestor.Sha256(doc.Seed.Path)[..12] + ".yml");
    }

    /// <summary>Removes the temporaries of a plan not applied: content/ stays as it was.</summary>
    public void Dispose() => _writes.Dispose();

    private static bool HasText(string name, string text) =>
        ContentPageParser.Parse(name, text, new DiagnosticBag()) is not { } page || !string.IsNullOrWhiteSpace(page.MarkdownBody);
}
