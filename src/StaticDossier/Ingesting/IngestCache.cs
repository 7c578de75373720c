using System.Text.Json;
using System.Text.Json.Serialization;
using StaticDossier.Building;
using StaticDossier.Config;
using StaticDossier.IO;

namespace StaticDossier.Ingesting;

/// <summary>The input keys that let ingest skip cleaning an unchanged seed (<see cref="IngestSkip"/>). A key hashes the
/// generator's own build, so it changes with every build of the tool: kept beside the build cache
/// (<c>._site.cache/ingest.json</c>, never committed) rather than in content/.ingest/manifest.json, which a dossier
/// commits and which must not change when nothing the curator owns did.</summary>
internal sealed partial class IngestCache
{
    private static readonly IngestCacheJson Context = new(new JsonSerializerOptions());

    /// <summary>The content folder the keys are for: a cache left by a run on another folder is not used.</summary>
    [JsonPropertyName("content")]
    public string Content { get; init; } = string.Empty;

    /// <summary>Seed path → the key of its last cleaning and the hash of the page it gave.</summary>
    [JsonIgnore]
    public SortedDictionary<string, IngestCacheEntry> Entries { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Entries as JSON reads and writes them. Not the sorted dictionary itself: System.Text.Json would make that
    /// with the culture's comparer, which takes a name spelled in NFC and the same name in NFD for one key, so one of
    /// two seeds so named lost its record (and its page was then taken for a curator's).</summary>
    [JsonInclude]
    [JsonPropertyName("entries")]
    internal Dictionary<string, IngestCacheEntry> SerializedEntries
    {
        get => new(Entries, StringComparer.Ordinal);
        init
        {
            // Null when the file has no such field (a cache written by an older build): System.Text.Json then sets an
            // init-only property to its default.
            if (value is null)
            {
                return;
            }

            foreach (var (key, item) in value)
            {
                Entries[key] = item;
            }
        }
    }

    /// <summary>What every cleaning key besides the seed's own files and its outlet's lines rests on when
    /// <see cref="Seeds"/> were recorded (<see cref="IngestSkip.ContextKey"/>): the generator, the dated events, the curated names.</summary>
    [JsonPropertyName("context")]
    public string ContextKey { get; set; } = string.Empty;

    /// <summary>Seed path → what the last run knew of the seed, for leaving it unread (<see cref="SeedSelection"/>).</summary>
    [JsonIgnore]
    public Dictionary<string, KnownSeed> Seeds { get; set; } = new(StringComparer.Ordinal);

    /// <summary><see cref="Seeds"/> as JSON reads and writes them: a plain dictionary, for the reason given at
    /// <see cref="SerializedEntries"/>, written in ordinal order.</summary>
    [JsonInclude]
    [JsonPropertyName("seeds")]
    internal Dictionary<string, KnownSeed> SerializedSeeds
    {
        get => Seeds.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        init
        {
            // Null when the file has no such field (a cache written by an older build): System.Text.Json then sets an
            // init-only property to its default.
            if (value is null)
            {
                return;
            }

            foreach (var (key, item) in value)
            {
                Seeds[key] = item;
            }
        }
    }

    /// <summary>Where the cache of <paramref name="config"/> lives: in the hidden sibling of the output folder.</summary>
    public static string PathFor(SiteConfig config) => Path.Combine(BuildCache.DirectoryFor(config.OutputPath), "ingest.json");

    /// <summary>Loads the cache; empty when absent, damaged or made for another content folder.</summary>
    public static IngestCache Load(string path, string contentDir)
    {
        try
        {
            if (File.Exists(path))
            {
                // Read from the file: its bytes in one array were a large object (46 MB at 100,000 seeds).
                using var stream = File.OpenRead(path);
                if (JsonSerializer.Deserialize(stream, Context.IngestCache) is { } cache && cache.Content == Path.GetFullPath(contentDir))
                {
                    return cache;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // Only time is lost: every seed is cleaned again.
        }

        return new IngestCache { Content = Path.GetFullPath(contentDir) };
    }

    /// <summary>Saves the cache (not durably: losing it costs a cleaning, nothing more). False when it could not be written.</summary>
    public bool Save(string path)
    {
        try
        {
            AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, Context.IngestCache), durable: false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [JsonSerializable(typeof(IngestCache))]
    private sealed partial class IngestCacheJson : JsonSerializerContext;
}

/// <summary>One seed's last cleaning.</summary>
/// <param name="InputSha256">Hash of the seed, its sidecar, the lines it shares with its outlet and the generator.</param>
/// <param name="GeneratedSha256">The hash of the page that cleaning gave.</param>
internal sealed record IngestCacheEntry(
    [property: JsonPropertyName("input_sha256")] string InputSha256,
    [property: JsonPropertyName("generated_sha256")] string GeneratedSha256);
