using System.Text.Json;
using System.Text.Json.Serialization;
using StaticDossier.IO;

namespace StaticDossier.Content;

/// <summary>What ingest last wrote for each seed, so it can tell a curator's edit from its own output.
/// Kept in <c>content/.ingest/manifest.json</c>.</summary>
public sealed partial class IngestManifest
{
    /// <summary>The manifest's path relative to the content folder.</summary>
    public const string RelativePath = ".ingest/manifest.json";

    private static readonly IngestManifestJson Context = new(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Entries keyed by seed path (relative to the dossier root).</summary>
    [JsonIgnore]
    public SortedDictionary<string, IngestRecord> Entries { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Entries as JSON reads and writes them. Not the sorted dictionary itself: System.Text.Json would make that
    /// with the culture's comparer, which takes a name spelled in NFC and the same name in NFD for one key, so one of
    /// two seeds so named lost its record (and its page was then taken for a curator's).</summary>
    [JsonInclude]
    [JsonPropertyName("entries")]
    internal IReadOnlyDictionary<string, IngestRecord> SerializedEntries
    {
        // Written straight from the sorted entries: a copy was a dictionary of every seed per save.
        get => Entries;
        init
        {
            // An entry naming anything but a file in the content folder itself ("../x", "a/b") is not ingest's
            // own; following it could overwrite a file outside content/.
            foreach (var (key, item) in value)
            {
                if (item?.Content is { } content && IsPlainFileName(content))
                {
                    Entries[key] = item;
                }
            }
        }
    }

    /// <summary>Loads the manifest of <paramref name="contentDir"/>, empty when there is none.</summary>
    public static IngestManifest Load(string contentDir)
    {
        var path = Path.Combine(contentDir, RelativePath);
        if (!File.Exists(path))
        {
            return new IngestManifest();
        }

        try
        {
            // Read as UTF-8 from the file: its text as one string was a large object (60 MB at 100,000 seeds).
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, Context.IngestManifest) ?? new IngestManifest();
        }
        catch (JsonException)
        {
            // A damaged manifest only means ingest treats every existing page as curated: safe.
            return new IngestManifest();
        }
    }

    [JsonSerializable(typeof(IngestManifest))]
    private sealed partial class IngestManifestJson : JsonSerializerContext;

    /// <summary>True for a Markdown file's name with no folder in it: the only kind of name ingest writes.</summary>
    internal static bool IsPlainFileName(string name) =>
        name.Length > 0 && name == Path.GetFileName(name) && name.IndexOfAny(['/', '\\']) < 0 && name is not ("." or "..")
        && name.EndsWith(".md", StringComparison.Ordinal);

    /// <summary>Saves atomically; a manifest that says the same is not written again.</summary>
    public void Save(string contentDir)
    {
        var path = Path.Combine(contentDir, RelativePath);
        // Streamed as UTF-8, compared with the file as it goes: no copy of the whole in memory.
        if (!SameBytesStream.Matches(path, Write))
        {
            AtomicFile.Write(path, Write);
        }
    }

    private void Write(Stream stream)
    {
        JsonSerializer.Serialize(stream, this, Context.IngestManifest);
        stream.WriteByte((byte)'\n');
    }
}

/// <summary>One seed's last ingest.</summary>
/// <param name="Content">The content file, relative to the content folder.</param>
/// <param name="SeedSha256">The seed's hash at that time.</param>
/// <param name="GeneratedSha256">The hash of the file ingest wrote.</param>
/// <remarks>Nothing here depends on the build of the tool (the key that lets an unchanged seed skip cleaning lives in
/// the uncommitted ingest cache), so running an unchanged dossier leaves its committed manifest as it was.</remarks>
public sealed record IngestRecord(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("seed_sha256")] string SeedSha256,
    [property: JsonPropertyName("generated_sha256")] string GeneratedSha256);
