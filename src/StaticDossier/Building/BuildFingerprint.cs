using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.IO;

namespace StaticDossier.Building;

/// <summary>One hash over everything a build reads: every file under content/, templates/ and seeds/ (published
/// beside their articles), site.yml, the
/// effective settings and the generator itself (this library and the libraries it calls). Equal fingerprints
/// mean an equal site, so a no-change rebuild can stop here.</summary>
internal static class BuildFingerprint
{
    private static readonly Lazy<string> GeneratorId = new(ComputeGeneratorId);

    /// <summary>The most the fingerprint reads of one input file; a larger one is hashed by its size (the stage that
    /// reads it refuses it with a diagnostic).</summary>
    private const long MaxInputBytes = 256L * 1024 * 1024;

    /// <summary>Identifies this exact build of the generator: any code or package change gives a new id.</summary>
    public static string Generator => GeneratorId.Value;

    /// <summary>The folders whose every file is an input of the build. A stage that starts reading another folder
    /// must be added here, or a change there would not trigger a rebuild.</summary>
    public static IEnumerable<string> InputFolders(SiteConfig config) => [config.ContentPath, config.TemplatesPath, config.SeedsPath];

    /// <summary>Hashes the inputs of <paramref name="config"/>'s build.</summary>
    public static string Compute(SiteConfig config) => Compute(config, null);

    /// <summary>As <see cref="Compute(SiteConfig)"/>, keeping the bytes of each content page in <paramref name="pages"/>
    /// (by full path): the build that follows reads each file once, and renders the very bytes it hashed.</summary>
    public static string Compute(SiteConfig config, ConcurrentDictionary<string, byte[]>? pages) => Compute(config, pages, null);

    /// <summary>As <see cref="Compute(SiteConfig, ConcurrentDictionary{string, byte[]})"/>; a file <paramref name="live"/>
    /// read before, whose size and time did not change since, is not read again, and when <paramref name="live"/> was told
    /// which paths changed since its last fingerprint (<c>serve</c>'s watcher), only those are looked at.</summary>
    public static string Compute(SiteConfig config, ConcurrentDictionary<string, byte[]>? pages, LiveBuild? live)
    {
        // The generator's id and the settings cost start-up work on one core (assemblies, JSON): done beside the hashing.
        var generatorAndSettings = Task.Run(() => (Generator, Settings(config)));
        var folders = InputFolders(config).Where(Directory.Exists).Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).ToArray();
        var settingsFile = Path.GetFullPath(Path.Combine(config.RootDirectory, config.SourcePath));
        var changed = live?.TakeChanges();
        var content = ContentPrefix(config);
        InputListing listing;
        try
        {
            listing = changed is not null && pages is null && live!.Inputs is { } known && known.Fits(folders, settingsFile)
                && BuildTimings.Time("fingerprint: watched paths", () => known.After(changed, path => HashOne(path, content, null, live, force: true))) is { } updated
                ? updated
                : List(config, folders, settingsFile, pages, live);
        }
        catch
        {
            // The changes taken were not accounted for: the next build lists everything.
            live?.Saw(null);
            throw;
        }

        if (live is not null)
        {
            live.Inputs = listing;
        }

        var (generator, settings) = generatorAndSettings.GetAwaiter().GetResult();
        var all = new StringBuilder();
        all.Append("generator ").Append(generator).Append('\n');
        all.Append("config ").Append(settings).Append('\n');
        listing.AppendTo(all);
        return Sha256(Encoding.UTF8.GetBytes(all.ToString()));
    }

    /// <summary>Lists and hashes every input file.</summary>
    private static InputListing List(SiteConfig config, string[] folders, string settingsFile, ConcurrentDictionary<string, byte[]>? pages, LiveBuild? live)
    {
        live?.Listed();
        var stage = BuildTimings.Time("  fingerprint: list");
        // Listed and read as the stages list and read them (DossierFiles): a pipe is never opened, a link out of the
        // dossier is not followed (its name is hashed, so adding or removing one still counts as a change).
        var listings = folders
            .Select(d => DossierFiles.List(d, config.RootDirectory, recursive: true, _ => true))
            .ToList();
        // A listed file exists (a listed link leads to one): only the settings file is asked. Sorted, then each path once
        // (a folder may lie inside another).
        var listed = listings.SelectMany(l => l.Files).Concat(File.Exists(settingsFile) ? [settingsFile] : []).ToArray();
        Array.Sort(listed, StringComparer.Ordinal);
        var files = listed.Where((f, i) => i == 0 || !string.Equals(f, listed[i - 1], StringComparison.Ordinal)).ToArray();
        stage.Dispose();
        stage = BuildTimings.Time("  fingerprint: read, hash");
        var hashes = new string[files.Length];
        var content = ContentPrefix(config);
        Parallel.For(0, files.Length, i => hashes[i] = HashOne(files[i], content, pages, live, force: false));
        stage.Dispose();
        return new InputListing(folders, settingsFile, files, hashes, [.. listings.SelectMany(l => l.Refused).Select(r => r.Path)], listings.Any(l => l.HasLinks));
    }

    /// <summary>One input file's hash as the fingerprint gives it (a file read before and unchanged in size and time is
    /// taken from <paramref name="live"/>, unless <paramref name="force"/>); a content page's bytes are kept in <paramref name="pages"/>.</summary>
    private static string HashOne(string file, string content, ConcurrentDictionary<string, byte[]>? pages, LiveBuild? live, bool force)
    {
        var full = Path.GetFullPath(file);
        long size = 0;
        byte[]? kept = null;
        byte[]? Read()
        {
            var bytes = DossierFiles.Read(file, MaxInputBytes, out size);
            if (bytes is not null && pages is not null && bytes.Length <= ContentPageReader.MaxPageBytes && file.EndsWith(".md", StringComparison.Ordinal)
                && full.StartsWith(content, StringComparison.Ordinal))
            {
                kept = bytes;
            }

            return bytes;
        }

        string? hash;
        try
        {
            hash = live is null ? (Read() is { } bytes ? Sha256(bytes) : null) : live.Hash(full, Read, Sha256, force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A pipe, or a file that cannot be read: the stage that reads it reports it, naming the file.
            return "unreadable " + Guid.NewGuid();
        }

        if (kept is not null)
        {
            pages![full] = kept;
        }

        return hash ?? "too large " + size.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>content/ as a full path ending in a separator: what a content page's full path starts with.</summary>
    private static string ContentPrefix(SiteConfig config) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(config.ContentPath)) + Path.DirectorySeparatorChar;

    /// <summary>The effective settings as text. Should a future setting not serialise, the fingerprint becomes
    /// unique, which costs a full build but can never leave a stale site.</summary>
    private static string Settings(SiteConfig config)
    {
        try
        {
            return JsonSerializer.Serialize(config, InputJson.Default.SiteConfig);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return Guid.NewGuid().ToString();
        }
    }

    /// <summary>How many Markdown files content/ holds: the expected count for progress, not a promise.</summary>
    public static int CountPages(SiteConfig config) =>
        Directory.Exists(config.ContentPath) ? Directory.EnumerateFiles(config.ContentPath, "*.md", SearchOption.AllDirectories).Count() : 0;

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The SHA-256 of <paramref name="text"/>'s UTF-8, encoded through a pooled buffer: the Markdown cache keys
    /// every body by it, and a fresh array per body was a copy of the whole dossier to collect.</summary>
    public static string Sha256(string text)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // An assembly has no location only when it is inside the executable (compiled ahead of time, or one bundled file).
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "The empty location is what is tested for.")]
    private static string ComputeGeneratorId()
    {
        var self = typeof(BuildFingerprint).Assembly;
        // There the whole program (this library and every library it calls) is the one executable, and assemblies
        // cannot list their references: the executable's bytes are the id. (Not RuntimeFeature.IsDynamicCodeSupported:
        // a project that publishes natively turns that switch off for its just-in-time runs as well.)
        if (string.IsNullOrEmpty(self.Location) && Environment.ProcessPath is { } program)
        {
            return "native " + Sha256(File.ReadAllBytes(program))[..32];
        }

        var ids = new List<string> { self.ManifestModule.ModuleVersionId.ToString() };
        foreach (var name in self.GetReferencedAssemblies().OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            try
            {
                ids.Add($"{name.Name} {Assembly.Load(name).ManifestModule.ModuleVersionId}");
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                ids.Add($"{name.FullName} unloaded");
            }
        }

        return Sha256(string.Join('\n', ids))[..32];
    }
}
