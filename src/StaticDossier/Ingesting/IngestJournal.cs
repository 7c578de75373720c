using System.Text.Json;
using System.Text.Json.Serialization;
using StaticDossier.Content;
using StaticDossier.IO;

namespace StaticDossier.Ingesting;

/// <summary>What a run is about to write, saved before the first page goes out (<c>content/.ingest/journal.json</c>)
/// and deleted once the manifest records it. A run killed in between leaves the journal behind, and the next run
/// finishes the bookkeeping: each planned page found on disk with the planned text is recorded as ingest's own
/// (so it is not mistaken for a curator's page and ingested again under a second name), and a page it replaced
/// under an old name is removed if untouched.</summary>
internal sealed partial class IngestJournal
{
    /// <summary>The journal's path relative to the content folder.</summary>
    public const string RelativePath = ".ingest/journal.json";

    private static readonly IngestJournalJson Context = new(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The records the manifest will hold for the seeds whose pages are written, keyed by seed path.</summary>
    [JsonIgnore]
    public SortedDictionary<string, IngestRecord> Planned { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Planned as JSON reads and writes them. Not the sorted dictionary itself: System.Text.Json would make that
    /// with the culture's comparer, which takes a name spelled in NFC and the same name in NFD for one key, so one of
    /// two seeds so named lost its record (and its page was then taken for a curator's).</summary>
    [JsonInclude]
    [JsonPropertyName("planned")]
    internal Dictionary<string, IngestRecord> SerializedPlanned
    {
        get => new(Planned, StringComparer.Ordinal);
        init
        {
            foreach (var (key, item) in value)
            {
                Planned[key] = item;
            }
        }
    }

    /// <summary>Pages that move to a new name: the old name and the hash ingest wrote there.</summary>
    [JsonPropertyName("moves")]
    public List<JournalMove> Moves { get; init; } = [];

    /// <summary>Saves the journal durably.</summary>
    public void Save(string contentDir) =>
        AtomicFile.WriteAllText(Path.Combine(contentDir, RelativePath), JsonSerializer.Serialize(this, Context.IngestJournal) + "\n");

    /// <summary>Deletes the journal: the manifest now says all it said.</summary>
    public static void Delete(string contentDir) => File.Delete(Path.Combine(contentDir, RelativePath));

    /// <summary>Finishes an interrupted run's bookkeeping in <paramref name="manifest"/> (which the caller saves);
    /// returns how many planned pages were found written, or null when there was no journal.</summary>
    public static int? Recover(string contentDir, IngestManifest manifest)
    {
        var path = Path.Combine(contentDir, RelativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        IngestJournal? journal;
        try
        {
            journal = JsonSerializer.Deserialize(File.ReadAllText(path), Context.IngestJournal);
        }
        catch (JsonException)
        {
            // A journal is written atomically, so a damaged one was not written by ingest: nothing to finish.
            return 0;
        }

        var written = 0;
        foreach (var (seed, planned) in journal?.Planned ?? [])
        {
            if (planned?.Content is { } content && IngestManifest.IsPlainFileName(content)
                && HashOf(Path.Combine(contentDir, content)) == planned.GeneratedSha256)
            {
                manifest.Entries[seed] = planned;
                written++;
            }
        }

        var recorded = manifest.Entries.Values.Select(r => r.Content).ToHashSet(StringComparer.Ordinal);
        foreach (var move in journal?.Moves ?? [])
        {
            // The old page goes only when nothing records it any more (its replacement was written) and no curator
            // touched it since.
            if (IngestManifest.IsPlainFileName(move.From) && !recorded.Contains(move.From)
                && HashOf(Path.Combine(contentDir, move.From)) == move.GeneratedSha256)
            {
                File.Delete(Path.Combine(contentDir, move.From));
            }
        }

        return written;
    }

    private static string? HashOf(string path) => File.Exists(path) ? Ingestor.Sha256(File.ReadAllText(path)) : null;

    [JsonSerializable(typeof(IngestJournal))]
    private sealed partial class IngestJournalJson : JsonSerializerContext;
}

/// <summary>A page moving to a new name.</summary>
/// <param name="From">Its old name in the content folder.</param>
/// <param name="GeneratedSha256">The hash of what ingest wrote there: the old file is removed only while it holds that.</param>
internal sealed record JournalMove(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("generated_sha256")] string GeneratedSha256);
