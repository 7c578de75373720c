using System.Security.Cryptography;
using StaticDossier.IO;
using StaticDossier.Seeds;

namespace StaticDossier.Gathering;

/// <summary>What became of a page handed to <see cref="SeedStore.Save"/>.</summary>
/// <param name="Path">The seed, relative to the dossier root (the new one, or the one already holding these bytes).</param>
/// <param name="Sha256">SHA-256 of the page's bytes.</param>
/// <param name="Created">True for a new seed; false when a seed already held exactly these bytes.</param>
internal sealed record SavedSeed(string Path, string Sha256, bool Created);

/// <summary>Adds pages to <c>seeds/</c> as <c>NAME.html</c> with their <c>NAME.seed.yml</c>. Never replaces a file: a
/// page whose bytes a seed already holds is reported unchanged, and a new page whose name is taken goes beside it
/// as <c>NAME-2.html</c>. Writes nothing outside the seeds folder.</summary>
internal sealed class SeedStore
{
    private readonly string _folder;
    private readonly string _root;
    private readonly string _writtenBy;
    private Dictionary<string, string>? _byHash;

    /// <summary>A store over <paramref name="folder"/>; paths are reported relative to <paramref name="root"/>;
    /// <paramref name="writtenBy"/> goes in each sidecar's comment.</summary>
    public SeedStore(string folder, string root, string writtenBy)
    {
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _root = Path.GetFullPath(root);
        _writtenBy = writtenBy;
    }

    /// <summary>Saves <paramref name="bytes"/> as a seed named after <paramref name="baseName"/> (a slug) with
    /// <paramref name="sidecar"/> (its <c>sha256</c> filled in).</summary>
    public SavedSeed Save(string baseName, byte[] bytes, SeedMetadata sidecar)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var known = Known();
        if (known.TryGetValue(sha, out var existing))
        {
            return new SavedSeed(existing, sha, Created: false);
        }

        Directory.CreateDirectory(_folder);
        for (var attempt = 1; ; attempt++)
        {
            var name = SeedNaming.Candidate(baseName, attempt);
            var seed = Path.Combine(_folder, name + ".html");
            if (Path.GetDirectoryName(Path.GetFullPath(seed)) != _folder)
            {
                throw new ArgumentException($"'{baseName}' is not a file name.", nameof(baseName));
            }

            var sidecarPath = Path.Combine(_folder, name + ".seed.yml");
            if (File.Exists(Path.Combine(_folder, name + ".htm")) || File.Exists(Path.Combine(_folder, name + ".txt")) || File.Exists(sidecarPath)
                || !AtomicFile.TryCreate(seed, bytes))
            {
                continue;
            }

            AtomicFile.WriteAllText(sidecarPath, SidecarWriter.Format(sidecar with { Sha256 = sha }, _writtenBy));
            var display = Display(seed);
            known[sha] = display;
            return new SavedSeed(display, sha, Created: true);
        }
    }

    // Every seed's hash, read once: a page already in the dossier is not saved twice, whichever name it has.
    private Dictionary<string, string> Known()
    {
        if (_byHash is not null)
        {
            return _byHash;
        }

        _byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(_folder))
        {
            foreach (var file in Directory.EnumerateFiles(_folder).Where(f => SeedReader.KindOf(f) is not null).Order(StringComparer.Ordinal))
            {
                try
                {
                    if (new FileInfo(file).Length <= SeedReader.MaxSeedBytes)
                    {
                        _byHash.TryAdd(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), Display(file));
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // An unreadable seed cannot be a duplicate worth reporting; ingest will say it is unreadable.
                }
            }
        }

        return _byHash;
    }

    private string Display(string file) => Path.GetRelativePath(_root, file).Replace('\\', '/');
}
