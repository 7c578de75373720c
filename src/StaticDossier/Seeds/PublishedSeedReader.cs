using System.Security.Cryptography;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.IO;

namespace StaticDossier.Seeds;

/// <summary>Reads the seeds the build publishes beside their articles, as captured: only a seed inside the seeds
/// folder whose bytes still have the SHA-256 its page records, so the hash the page shows checks the file a reader
/// downloads. The build's one reading of seeds/.</summary>
internal static class PublishedSeedReader
{
    /// <summary>Each publishable seed, by its path as front matter gives it (<c>seeds/x.txt</c>).</summary>
    public static IReadOnlyDictionary<string, PublishedSeed> Read(IEnumerable<ContentPage> pages, SiteConfig config, DiagnosticBag diagnostics)
    {
        var seeds = new Dictionary<string, PublishedSeed>(StringComparer.Ordinal);
        var seedsRoot = Path.TrimEndingDirectorySeparator(config.SeedsPath);
        foreach (var page in pages.Where(p => p.Meta.Seed is not null).OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var seed = page.Meta.Seed!;
            if (seeds.ContainsKey(seed))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(config.RootDirectory, seed));
            string? why = null;
            byte[]? bytes = null;
            if (!DossierFiles.IsInside(full, seedsRoot) || full == seedsRoot)
            {
                why = $"'{seed}' is not a file in the seeds folder";
            }
            else if (!File.Exists(full))
            {
                // A dossier may be shared without its seeds: the page says less, and nothing is wrong with it.
                diagnostics.Info(DiagnosticCodes.SeedNotPublished, $"Seed '{seed}' is not here, so it is not published beside the article.",
                    SourceLocation.InFile(page.Path));
                continue;
            }
            else if (DossierFiles.Refusal(full, config.RootDirectory) is { } refusal)
            {
                why = $"'{seed}' is refused: {refusal.Reason}";
            }
            else
            {
                try
                {
                    bytes = DossierFiles.Read(full, SeedReader.MaxSeedBytes, out _);
                    why = bytes is null ? $"'{seed}' is larger than {SeedReader.MaxSeedBytes / (1024 * 1024)} MB" : null;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    why = $"'{seed}' cannot be read: {ex.Message}";
                }
            }

            var sha256 = bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (bytes is not null && !string.Equals(sha256, page.Meta.SeedSha256, StringComparison.OrdinalIgnoreCase))
            {
                why = page.Meta.SeedSha256 is null
                    ? $"the page gives no 'seed_sha256' for '{seed}', so a reader could not check it"
                    : $"'{seed}' changed since the page was made (its SHA-256 is no longer the page's 'seed_sha256'); run ingest, or restore the seed";
                bytes = null;
            }

            if (bytes is null)
            {
                diagnostics.Warning(DiagnosticCodes.SeedNotPublished, $"The seed is not published beside the article: {why}.", SourceLocation.InFile(page.Path));
                continue;
            }

            seeds[seed] = new PublishedSeed(sha256!, bytes);
        }

        return seeds;
    }
}

/// <summary>A seed as published: its bytes and their SHA-256 (lower-case hex), which also names the file.</summary>
internal sealed record PublishedSeed(string Sha256, byte[] Bytes);
