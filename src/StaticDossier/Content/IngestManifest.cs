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
    internal Dictionary<string, IngestRecord> SerializedEntries
    {
        get => new(Entries, StringComparer.Ordinal);
        init
        {
            foreach (var (key, item) in value)
            {
                Entries[key] = item;
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
            var loaded = JsonSerializer.Deserialize(File.ReadAllText(path), Context.IngestManifest);
            // An entry naming anything but a file in the content folder itself ("../x", "a/b") is not ingest's
            // own; following it could overwrite a file outside content/.
            var entries = new SortedDictionary<string, IngestRecord>(StringComparer.Ordinal);
            foreach (var (seed, record) in loaded?.Entries ?? [])
            {
                if (record?.Content is { } content && IsPlainFileName(content))
                {
                    entries[seed] = record;
                }
            }

            return new IngestManifest { Entries = entries };
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
        var text = JsonSerializer.Serialize(this, Context.IngestManifest) + "\n";
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            AtomicFile.WriteAllText(path, text);
        }
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
