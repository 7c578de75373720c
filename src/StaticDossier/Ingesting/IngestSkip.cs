using System.Text.Json;
using StaticDossier.Building;
using StaticDossier.Content;
using StaticDossier.Seeds;

namespace StaticDossier.Ingesting;

/// <summary>Lets ingest skip cleaning a seed when neither it, its sidecar nor the generator changed since the page
/// was made, and the page is still exactly what ingest wrote: cleaning it again could only give the same page.</summary>
internal static class IngestSkip
{
    /// <summary>Everything the cleaned page depends on besides the seed's own bytes, hashed with them.</summary>
    public static string InputKey(SeedDocument seed, IReadOnlySet<string>? sharedLines, IReadOnlyList<Config.EventConfig>? events = null,
        IReadOnlyList<string>? nameWords = null) =>
        BuildFingerprint.Sha256($"{BuildFingerprint.Generator}\n{seed.Sha256}\n{JsonSerializer.Serialize(seed.Sidecar, InputJson.Default.SeedMetadata)}\n" +
                                string.Join('\n', (sharedLines ?? new HashSet<string>()).Order(StringComparer.Ordinal)) +
                                // The dated events an undated page's period is inferred from.
                                string.Concat((events ?? []).Select(e => $"\n{e.Date} {e.Name}\t{string.Join('\t', e.Aliases ?? [])}")) +
                                // The words of curated names a run-together word may be split at.
                                "\nnames\t" + string.Join('\t', nameWords ?? []));

    /// <summary>The part of every seed's <see cref="InputKey"/> that is not the seed's own: when it moves, no key a
    /// seed was last read with can stand for its key now.</summary>
    public static string ContextKey(IReadOnlyList<Config.EventConfig>? events, IReadOnlyList<string>? nameWords) =>
        BuildFingerprint.Sha256($"{BuildFingerprint.Generator}" +
                                string.Concat((events ?? []).Select(e => $"\n{e.Date} {e.Name}\t{string.Join('\t', e.Aliases ?? [])}")) +
                                "\nnames\t" + string.Join('\t', nameWords ?? []));

    /// <summary>True when the seed at <paramref name="seedPath"/> can be counted unchanged without cleaning it.</summary>
    public static bool IsUnchanged(string seedPath, string inputKey, IngestManifest manifest, IngestCache cache, string contentDir) =>
        IsUnchanged(manifest.Entries.GetValueOrDefault(seedPath), cache.Entries.GetValueOrDefault(seedPath), inputKey, contentDir);

    /// <summary>True when a seed whose last ingest the manifest records as <paramref name="record"/> and the cache as
    /// <paramref name="cached"/> can be counted unchanged without cleaning it.</summary>
    public static bool IsUnchanged(IngestRecord? record, IngestCacheEntry? cached, string inputKey, string contentDir)
    {
        if (record is null || cached is null || cached.InputSha256 != inputKey || cached.GeneratedSha256 != record.GeneratedSha256)
        {
            return false;
        }

        // The file's bytes are hashed as they are read: ingest writes a page as the UTF-8 of the text it hashed, so its
        // bytes hash the same until someone edits it, and decoding every page only to encode it again was a copy of the
        // whole content folder to collect. A page whose bytes differ in encoding alone is cleaned again: only time lost.
        var path = Path.Combine(contentDir, record.Content);
        if (!File.Exists(path))
        {
            return false;
        }

        using var page = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(page)) == record.GeneratedSha256;
    }
}
