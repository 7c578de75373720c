using System.Collections.Concurrent;
using StaticDossier.Content;
using StaticDossier.Publishing;
using StaticDossier.Rendering.Incremental;

namespace StaticDossier.Building;

/// <summary>What a long-lived builder (<c>dossier serve</c>) keeps in memory between builds, so that one saved article
/// costs about one article's work around the rendering as well: each input file's hash (a file whose size and time did
/// not change is not read again), each content page as parsed, the rendered bodies, the last build's state and, per
/// published file, a hash of its bytes (only files whose bytes changed are written). None of it changes what is built:
/// the site is byte for byte a full build's.</summary>
internal sealed class LiveBuild
{
    /// <summary>A file whose time is this close to when it was read may change again within the file system's clock
    /// tick without its size or time changing: it is read again next time (as git treats a "racily clean" file).</summary>
    internal static readonly TimeSpan Racy = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, InputFile> _inputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Hash, ContentPage Page)> _pages = new(StringComparer.Ordinal);
    private string? _pageRoot;

    /// <summary>The pages' rendering memo.</summary>
    public RenderMemo Memo { get; } = new();

    /// <summary>Collects the garbage between builds rather than during them (<c>serve</c>); null: the runtime's own pace.</summary>
    internal SaveGarbage? Garbage { get; init; }

    /// <summary>The bodies of the last build, decoded, for the next (null before the first).</summary>
    internal MarkdownCache? Markdown { get; set; }

    /// <summary>The state the last build saved beside the output folder; null when none is to be trusted.</summary>
    internal BuildState? State { get; set; }

    /// <summary>What the last publish left in the output folder, per output path; null when unknown (the next publish
    /// stages the whole site).</summary>
    internal PublishedSite? Site { get; set; }

    /// <summary>Files read from the disk (not from memory) by the fingerprint since this object was made: for tests.</summary>
    internal int FilesRead => _filesRead;

    private int _filesRead;

    /// <summary>The SHA-256 of <paramref name="path"/>'s bytes, from memory when its size and time are as when it was last
    /// read (and that was not racily soon after it was written); otherwise <paramref name="read"/> reads it, and a readable
    /// file is remembered. Null when <paramref name="read"/> says the file cannot be hashed.</summary>
    public string? Hash(string path, Func<byte[]?> read, Func<byte[], string> hash) => Hash(path, read, hash, force: false);

    /// <summary>As <see cref="Hash(string, Func{byte[]}, Func{byte[], string})"/>; with <paramref name="force"/> the file is
    /// read whatever its size and time say (the watcher saw it change).</summary>
    public string? Hash(string path, Func<byte[]?> read, Func<byte[], string> hash, bool force)
    {
        var info = new FileInfo(path);
        if (!force && info.Exists && _inputs.TryGetValue(path, out var known) && known.Length == info.Length
            && known.Ticks == info.LastWriteTimeUtc.Ticks && info.LastWriteTimeUtc < known.ReadAt - Racy)
        {
            return known.Hash;
        }

        var readAt = DateTime.UtcNow;
        Interlocked.Increment(ref _filesRead);
        _inputs.TryRemove(path, out _);
        if (read() is not { } bytes)
        {
            return null;
        }

        var sha = hash(bytes);
        // The size and time as they were before the read: a write during it leaves a newer time, read again next time.
        if (info.Exists && info.Length == bytes.Length)
        {
            _inputs[path] = new InputFile(info.Length, info.LastWriteTimeUtc.Ticks, readAt, sha);
        }

        return sha;
    }

    /// <summary>How many times the fingerprint listed every input file (rather than only the paths watched): for tests.</summary>
    internal int Listings => _listings;

    private int _listings;

    /// <summary>Counts a listing of every input file.</summary>
    internal void Listed() => Interlocked.Increment(ref _listings);

    /// <summary>The input files as this build's fingerprint listed them (null before the first).</summary>
    internal InputListing? Inputs { get; set; }

    // The paths the watcher saw change since the last fingerprint; null when they are not known (no watcher, an
    // overflow, a fingerprint that failed half-way): the next fingerprint then lists every file.
    private HashSet<string>? _changed;
    private bool _watched;
    private readonly Lock _changes = new();

    /// <summary>Every change to the inputs will be reported through <see cref="Saw"/> from now on (a watcher was started
    /// before the next build lists the files).</summary>
    public void Watched()
    {
        lock (_changes)
        {
            _watched = true;
        }
    }

    /// <summary>The watcher saw <paramref name="paths"/> (full paths) change; null when it lost count (an overflow).</summary>
    public void Saw(IEnumerable<string>? paths)
    {
        lock (_changes)
        {
            if (paths is null)
            {
                _changed = null;
            }
            else
            {
                _changed?.UnionWith(paths.Select(p => Path.GetFullPath(p)));
            }
        }
    }

    /// <summary>The paths changed since the last call, or null when they are not known; from now on the changes are
    /// counted afresh (when watched).</summary>
    internal IReadOnlyCollection<string>? TakeChanges()
    {
        lock (_changes)
        {
            var changed = _changed;
            _changed = _watched ? new HashSet<string>(StringComparer.Ordinal) : null;
            return changed;
        }
    }

    /// <summary>The hash the fingerprint gave <paramref name="path"/> in this build, if it did.</summary>
    public string? HashOf(string path) => _inputs.TryGetValue(path, out var known) ? known.Hash : null;

    /// <summary>Starts a build of the dossier at <paramref name="root"/>: pages are remembered per root (their display paths).</summary>
    public void BeginBuild(string root)
    {
        if (root != _pageRoot)
        {
            _pages.Clear();
            _pageRoot = root;
        }
    }

    /// <summary>The page parsed from <paramref name="path"/> when its bytes had the hash they have now (as this build's
    /// fingerprint hashed them); null when it must be read.</summary>
    public ContentPage? Page(string path) =>
        _pages.TryGetValue(path, out var page) && HashOf(path) is { } now && now == page.Hash ? page.Page : null;

    /// <summary>Remembers a page parsed without any diagnostic from bytes whose hash is <paramref name="hash"/> (a page
    /// that reported something is parsed again, so it reports it again).</summary>
    public void Remember(string path, string hash, ContentPage page) => _pages[path] = (hash, page);

    private readonly record struct InputFile(long Length, long Ticks, DateTime ReadAt, string Hash);
}
